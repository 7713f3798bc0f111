import OrderedCollections

/// Every definition of a home, loaded and checked once: what the engine interprets.
///
/// Immutable after loading; the engine never reads files. Older versions of a workflow that
/// running tickets are pinned to are looked up through `pinned`.
public struct Home: Sendable {
  public var settings: Settings
  public var staff: Staff
  /// Current workflow definitions, sorted by id.
  public var workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>
  /// Definitions of older versions still in use, by digest.
  public var pinned: [String: WorkflowDefinition]
  /// Business calendars from `calendars/*.yaml`, by id (file stem), for deadlines' `calendar:`.
  public var calendars: [CalendarID: BusinessCalendar]
  /// Every rule of `rules/*.yaml`, in file-name order then list order: the order they run in.
  public var rules: [RuleDefinition]
  /// Lookups declared in rule files, by name (the CEL function each one defines).
  public var lookups: OrderedDictionary<String, LookupDefinition>

  public init(
    settings: Settings = Settings(), staff: Staff = Staff(),
    workflows: OrderedDictionary<WorkflowID, WorkflowDefinition> = [:],
    pinned: [String: WorkflowDefinition] = [:], calendars: [CalendarID: BusinessCalendar] = [:],
    rules: [RuleDefinition] = [], lookups: OrderedDictionary<String, LookupDefinition> = [:]
  ) {
    self.settings = settings
    self.staff = staff
    self.workflows = workflows
    self.pinned = pinned
    self.calendars = calendars
    self.rules = rules
    self.lookups = lookups
  }

  /// The definition an instance runs on: its pinned digest if that is not the current one.
  public func definition(for instance: Instance) -> WorkflowDefinition? {
    if let current = workflows[instance.workflow], current.digest == instance.digest {
      return current
    }
    return pinned[instance.digest] ?? workflows[instance.workflow]
  }
}

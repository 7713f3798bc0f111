import DocketDiagnostics
import OrderedCollections

/// A workflow as loaded and checked from `workflows/<id>.yaml`: immutable once built.
public struct WorkflowDefinition: Sendable {
  public var id: WorkflowID
  public var title: String?
  /// The author's version number (`version:`), pinned in every instance.
  public var version: Int
  /// Instance ids are `PREFIX-000001`.
  public var prefix: String
  /// Roles used by this workflow: id -> display label, in file order.
  public var roles: OrderedDictionary<RoleID, String>
  public var fields: OrderedDictionary<FieldName, FieldDefinition>
  public var initial: StateID
  /// Workflow-level clocks (SLA deadlines spanning states), in file order.
  public var deadlines: [DeadlineDefinition]
  public var states: OrderedDictionary<StateID, StateDefinition>
  /// `holder_only: true`: once a person holds a ticket, colleagues who could act only through
  /// the ticket's role may not fire its events (one person follows it end to end; hand it over
  /// with `docket assign`). Other roles (a supervisor) and `system` are not restricted.
  public var holderOnly: Bool
  /// `sha256:<hex>` of the file's bytes; with `version`, pins instances to this definition.
  public var digest: String
  /// The file's text, kept so the store can save a copy of every definition in use.
  public var sourceText: String
  /// The file's display path (`workflows/complaint.yaml`).
  public var path: String

  public init(
    id: WorkflowID, title: String? = nil, version: Int = 1, prefix: String,
    roles: OrderedDictionary<RoleID, String> = [:],
    fields: OrderedDictionary<FieldName, FieldDefinition> = [:], initial: StateID,
    deadlines: [DeadlineDefinition] = [],
    states: OrderedDictionary<StateID, StateDefinition>, digest: String = "",
    sourceText: String = "", path: String = "", holderOnly: Bool = false
  ) {
    self.holderOnly = holderOnly
    self.id = id
    self.title = title
    self.version = version
    self.prefix = prefix
    self.roles = roles
    self.fields = fields
    self.initial = initial
    self.deadlines = deadlines
    self.states = states
    self.digest = digest
    self.sourceText = sourceText
    self.path = path
  }

  /// The title if there is one, else the workflow's id.
  public var displayName: String { title ?? id.rawValue }

  /// The transition for `event` in `state`, if that state handles it.
  public func transition(_ event: EventName, in state: StateID) -> TransitionDefinition? {
    states[state]?.transitions[event]
  }

  /// Every deadline: workflow-level ones first, then each state's own, in file order.
  public var allDeadlines: [DeadlineDefinition] {
    deadlines + states.values.compactMap(\.deadline)
  }

  /// The deadline with this name, workflow-level or a state's.
  public func deadline(named name: DeadlineName) -> DeadlineDefinition? {
    allDeadlines.first { $0.name == name }
  }
}

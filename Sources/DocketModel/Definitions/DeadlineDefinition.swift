import DocketDiagnostics

/// When a deadline's clock starts.
public enum DeadlineStart: Sendable, Hashable {
  /// When the ticket is created.
  case created
  /// When the ticket enters one of these states.
  case states([StateID])
}

/// What a deadline's clock measures.
public enum DeadlineScope: Sendable {
  /// A state's own `deadline:`: time spent in that state. Entering the state starts the clock;
  /// leaving it stops the clock (met if not yet due).
  case state(StateID)
  /// A workflow `deadlines:` entry: an SLA clock that spans states.
  case workflow(start: DeadlineStart, stop: [StateID], pause: [StateID])
}

/// A warning before a deadline is due: run `actions` once, `before` ahead of due.
public struct WarningDefinition: Sendable {
  public var before: DocketDuration
  public var actions: [ActionDefinition]
  public var span: SourceSpan?

  public init(before: DocketDuration, actions: [ActionDefinition], span: SourceSpan? = nil) {
    self.before = before
    self.actions = actions
    self.span = span
  }
}

/// A named clock with a limit ("handled within 24 h") and what happens when it runs out.
public struct DeadlineDefinition: Sendable {
  public var name: DeadlineName
  public var label: String?
  public var within: DocketDuration
  /// Counts working time of this calendar; nil counts wall-clock time.
  public var calendar: CalendarID?
  public var scope: DeadlineScope
  public var warning: WarningDefinition?
  /// Run once, by `system`, when the clock passes due.
  public var breach: [ActionDefinition]
  public var span: SourceSpan?

  public init(
    name: DeadlineName, label: String? = nil, within: DocketDuration, calendar: CalendarID? = nil,
    scope: DeadlineScope, warning: WarningDefinition? = nil, breach: [ActionDefinition] = [],
    span: SourceSpan? = nil
  ) {
    self.name = name
    self.label = label
    self.within = within
    self.calendar = calendar
    self.scope = scope
    self.warning = warning
    self.breach = breach
    self.span = span
  }

  /// The label if there is one, else the deadline's name.
  public var displayName: String { label ?? name.rawValue }
}

import DocketDiagnostics

/// What happened to a ticket that a rule reacts to (contract §4, `on:`).
public enum RuleTrigger: String, Sendable, Hashable, CaseIterable {
  /// A ticket was created (by staff or by another rule's `start`).
  case created
  /// A ticket moved: an event fired by staff, a deadline or another rule.
  case transition
  /// A deadline's clock passed due.
  case breach
  /// A deadline's warning fell due.
  case warning
}

/// Which changes a rule looks at. Every list is "any of these"; an empty list matches all.
///
/// The contract writes each filter as one name; a list (`to: [closed, cancelled]`) is the
/// extension for "any of these", so one rule need not be copied per state.
public struct RuleFilter: Sendable {
  public var workflows: [WorkflowID]
  /// Events (for `transition`).
  public var events: [EventName]
  /// Source states (for `transition`).
  public var from: [StateID]
  /// Target states (for `transition`; for `created`, the initial state).
  public var to: [StateID]
  /// Deadlines (for `breach` and `warning`).
  public var deadlines: [DeadlineName]

  public init(
    workflows: [WorkflowID] = [], events: [EventName] = [], from: [StateID] = [],
    to: [StateID] = [], deadlines: [DeadlineName] = []
  ) {
    self.workflows = workflows
    self.events = events
    self.from = from
    self.to = to
    self.deadlines = deadlines
  }
}

/// What a rule does when one of its actions cannot apply.
public enum RuleErrorPolicy: String, Sendable, Hashable {
  /// Refuse the whole command, naming the rule (the default).
  case refuse
  /// Skip the rest of this rule, write the reason into the ticket's history, carry on.
  case skip
}

/// A rule's condition and actions, compiled against one workflow's fields.
///
/// A rule whose filters allow several workflows is compiled once per workflow, so its CEL is
/// type-checked against each ticket it can see and the engine never re-checks at run time.
public struct RuleBody: Sendable {
  /// `if:`; nil means always.
  public var condition: CompiledExpression?
  /// `then:`, in file order.
  public var actions: [ActionDefinition]

  public init(condition: CompiledExpression? = nil, actions: [ActionDefinition]) {
    self.condition = condition
    self.actions = actions
  }
}

/// One rule of a `rules/*.yaml` file: when this happens and this holds, do that.
public struct RuleDefinition: Sendable {
  public var id: RuleID
  public var description: String?
  public var trigger: RuleTrigger
  public var filter: RuleFilter
  /// The rule as it applies to each workflow its filters allow (see ``RuleBody``).
  public var bodies: [WorkflowID: RuleBody]
  public var onError: RuleErrorPolicy
  /// The home-relative file the rule came from (`rules/property.yaml`).
  public var file: String
  /// Where the rule's `id` is written, for messages that name the rule.
  public var span: SourceSpan?

  public init(
    id: RuleID, description: String? = nil, trigger: RuleTrigger, filter: RuleFilter = RuleFilter(),
    bodies: [WorkflowID: RuleBody], onError: RuleErrorPolicy = .refuse, file: String,
    span: SourceSpan? = nil
  ) {
    self.id = id
    self.description = description
    self.trigger = trigger
    self.filter = filter
    self.bodies = bodies
    self.onError = onError
    self.file = file
    self.span = span
  }

  /// `rule 'id' (rules/x.yaml:12:5)`: how messages name a rule.
  public var reference: String {
    "rule '\(id)' (\(span?.description ?? file))"
  }
}

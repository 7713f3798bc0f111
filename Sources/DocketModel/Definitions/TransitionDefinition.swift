import DocketDiagnostics

/// Whether a step takes a free-text note (`note: required|optional`).
public enum NoteRequirement: String, Sendable, Hashable {
  case none, optional, required
}

/// One candidate target of a branching transition: the first whose condition holds wins.
public struct BranchDefinition: Sendable {
  /// Nil for the final, unconditional branch.
  public var condition: CompiledExpression?
  public var target: StateID
  public var span: SourceSpan?

  public init(condition: CompiledExpression?, target: StateID, span: SourceSpan? = nil) {
    self.condition = condition
    self.target = target
    self.span = span
  }
}

/// Where a transition goes: one state, or the first branch whose `if` holds.
public enum TransitionTarget: Sendable {
  case state(StateID)
  case branches([BranchDefinition])

  /// Every state this transition can lead to, in file order.
  public var possibleTargets: [StateID] {
    switch self {
    case .state(let s): [s]
    case .branches(let bs): bs.map(\.target)
    }
  }
}

/// An event handled in one state (`on: EVENT:` in contract §2).
public struct TransitionDefinition: Sendable {
  public var event: EventName
  public var source: StateID
  public var target: TransitionTarget
  /// Roles allowed to fire it; nil means any role of the workflow. `system` is never restricted.
  public var allowedRoles: [RoleID]?
  public var guardCondition: GuardDefinition?
  /// Fields that must be filled after this step's input is applied.
  public var requiredFields: [FieldName]
  /// Field updates, evaluated in order against the instance after input.
  public var assignments: [FieldAssignment]
  /// The role that holds the ticket after this step, overriding the target state's `assign`.
  public var assignRole: RoleID?
  public var note: NoteRequirement
  public var label: String?
  public var span: SourceSpan?

  public init(
    event: EventName, source: StateID, target: TransitionTarget, allowedRoles: [RoleID]? = nil,
    guardCondition: GuardDefinition? = nil, requiredFields: [FieldName] = [],
    assignments: [FieldAssignment] = [], assignRole: RoleID? = nil,
    note: NoteRequirement = .none, label: String? = nil, span: SourceSpan? = nil
  ) {
    self.event = event
    self.source = source
    self.target = target
    self.allowedRoles = allowedRoles
    self.guardCondition = guardCondition
    self.requiredFields = requiredFields
    self.assignments = assignments
    self.assignRole = assignRole
    self.note = note
    self.label = label
    self.span = span
  }
}

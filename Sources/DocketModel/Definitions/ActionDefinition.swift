import DocketDiagnostics

/// Something the system does when a deadline warns or breaches, or when a rule fires.
///
/// One vocabulary for both, so a deadline's `breach:` and a rule's `then:` behave alike.
/// Deadlines use `fire`, `assign`, `notify` and `set`; rules add `start` and fire on other
/// tickets through `target`.
public enum ActionDefinition: Sendable {
  /// Fire an event as `system` (`{ event: E }` in deadlines, `advance: E` in rules).
  case fire(EventName, target: ActionTarget, span: SourceSpan?)
  /// Hand the ticket to a role (and to a person holding it, per the assignment rules).
  case assign(RoleID, span: SourceSpan?)
  /// Append a message for these roles to the outbox.
  case notify(roles: [RoleID], message: MessageTemplate?, span: SourceSpan?)
  /// Update fields; values are CEL over the ticket.
  case set([FieldAssignment], span: SourceSpan?)
  /// Create a linked ticket of another workflow.
  case start(StartDefinition, span: SourceSpan?)

  public var span: SourceSpan? {
    switch self {
    case .fire(_, _, let s), .assign(_, let s), .notify(_, _, let s), .set(_, let s),
      .start(_, let s):
      s
    }
  }
}

/// Which ticket an action acts on, relative to the one that triggered it.
public enum ActionTarget: String, Sendable, Hashable {
  case `self`
  case parent
  case children
}

/// A `start:` action: the new ticket's workflow, its fields (CEL over the triggering ticket)
/// and who should hold it.
public struct StartDefinition: Sendable {
  public var workflow: WorkflowID
  public var fields: [FieldAssignment]
  public var assignRole: RoleID?

  public init(workflow: WorkflowID, fields: [FieldAssignment], assignRole: RoleID? = nil) {
    self.workflow = workflow
    self.fields = fields
    self.assignRole = assignRole
  }
}

import DocketModel

/// Why the engine said no to a command. A refusal comes back alone: nothing was changed.
///
/// Each case carries the data a user needs; ``code`` is the contract's snake_case code
/// (contract §6) and ``message`` one sentence in user terms that says why and what would be
/// right. Wording lives here and nowhere else.
public enum Refusal: Error, Sendable {
  /// The actor holds none of the roles allowed to do this.
  case notPermitted(action: String, actor: UserID, allowed: [RoleID], held: [RoleID])
  /// A `holder_only` ticket is held by another person of the same role.
  case heldByAnother(InstanceID, event: EventName, holder: UserID, role: RoleID)
  /// The person a ticket is given to does not hold the role it waits for.
  case notAssignable(InstanceID, user: UserID, role: RoleID?)
  /// A guard was false, or could not be evaluated (`reason` says what went wrong, `location`
  /// is the guard's `file:line:col`).
  case guardFailed(event: EventName, message: String, reason: String?, location: String?)
  /// Fields that must be filled are empty: display names (labels) in workflow order.
  case missingFields(event: EventName?, fields: [String])
  /// The step needs a note (`note: required`) and none was given.
  case noteRequired(event: EventName)
  /// A value does not fit its field: `reason` says what the field accepts.
  case invalidValue(field: FieldName, label: String, value: String, reason: String)
  /// A `--set` names a field the workflow does not have.
  case unknownField(FieldName, workflow: WorkflowID, suggestion: FieldName?)
  /// The current state does not handle this event; `available` lists the ones it does.
  case unknownEvent(event: EventName, state: StateID, available: [EventName])
  /// No branch of the transition matched and there is no unconditional last branch.
  case noBranch(event: EventName, state: StateID)
  /// The ticket is closed: it is in a final state and handles no events.
  case finalState(InstanceID, state: StateID)
  case unknownID(InstanceID)
  /// A rule fired an event on the parent of a ticket no other ticket started.
  case noParent(InstanceID)
  case unknownWorkflow(WorkflowID, suggestion: WorkflowID?)
  case unknownUser(UserID)
  /// A ticket's file could not be read; `underlying` is the store's error.
  case storage(InstanceID, underlying: any Error)
  /// A rule's action (or its condition) could not apply: `rule` is the rule's reference
  /// (`rule 'id' (rules/x.yaml:3:7)`), `action` what it tried (`set 'level'`), `instance`
  /// the ticket it acted on, `cause` the underlying refusal.
  indirect case ruleFailed(rule: RuleID, reference: String, action: String, instance: InstanceID, cause: Refusal)
  /// Rules triggered each other deeper than ``Engine/ruleDepthLimit`` (`limit`): each link
  /// is `rule 'id' (TICKET)`, outermost first.
  case ruleChainTooDeep(chain: [String], rule: RuleID, limit: Int)

  /// The contract's error code (contract §6).
  public var code: String {
    switch self {
    case .notPermitted, .notAssignable, .heldByAnother: "not_permitted"
    case .guardFailed: "guard_failed"
    case .missingFields, .noteRequired: "missing_fields"
    case .invalidValue, .unknownField: "invalid_value"
    case .unknownEvent: "unknown_event"
    case .noBranch: "no_branch"
    case .finalState: "final_state"
    case .unknownID, .noParent: "unknown_id"
    case .unknownWorkflow: "unknown_workflow"
    case .unknownUser: "unknown_user"
    case .storage: "storage"
    case .ruleFailed, .ruleChainTooDeep: "rule_failed"
    }
  }

  /// True for refusals by the workflow itself (exit 1); false for lookups of things that do
  /// not exist (exit 2) and for storage trouble (exit 4).
  public var isWorkflowRefusal: Bool {
    switch self {
    case .unknownID, .unknownWorkflow, .unknownUser, .storage: false
    default: true
    }
  }

  /// One sentence in user terms: why, and what would be right.
  public var message: String {
    switch self {
    case .notPermitted(let action, let actor, let allowed, let held):
      let holds = held.isEmpty ? "holds no role here" : "holds \(Self.list(held))"
      return "\(actor) may not \(action): only \(Self.list(allowed, or: true)) may, and \(actor) \(holds)."
    case .heldByAnother(let id, let event, let holder, let role):
      return "\(id) is held by \(holder), who follows it through (holder_only); only \(holder) may fire '\(event)' as \(role), or hand it over with `docket assign \(id) --to USER`."
    case .notAssignable(let id, let user, let role):
      if let role {
        return "\(id) waits for a \(role); \(user) does not hold that role, so give it to someone who does."
      }
      return "\(user) holds no role of this workflow, so cannot take \(id)."
    case .guardFailed(let event, let message, let reason, let location):
      var text = "'\(event)' is not allowed now: \(message)"
      if let reason { text += " (\(reason)" + (location.map { " at \($0)" } ?? "") + ")" }
      return text + "."
    case .missingFields(let event, let fields):
      let step = event.map { "'\($0)'" } ?? "creating this ticket"
      return "\(step) needs \(Self.list(fields.map { "'\($0)'" })); fill \(fields.count == 1 ? "it" : "them") in with --set."
    case .noteRequired(let event):
      return "'\(event)' needs a note saying why; add one with --note."
    case .invalidValue(_, let label, let value, let reason):
      return "'\(value)' is not a valid value for '\(label)': \(reason)."
    case .unknownField(let name, let workflow, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "\(workflow) has no field '\(name)'\(hint)."
    case .unknownEvent(let event, let state, let available):
      let here =
        available.isEmpty
        ? "no events are available there"
        : "available there: \(available.map(\.rawValue).joined(separator: ", "))"
      return "'\(event)' is not an event of state '\(state)'; \(here)."
    case .noBranch(let event, let state):
      return "'\(event)' from '\(state)' has no branch whose condition holds, so the ticket cannot move; check the fields the branches test."
    case .finalState(let id, let state):
      return "\(id) is closed (state '\(state)'); a closed ticket takes no more events."
    case .unknownID(let id):
      return "There is no ticket \(id)."
    case .noParent(let id):
      return "\(id) was not started by another ticket, so it has no parent."
    case .unknownWorkflow(let id, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "There is no workflow '\(id)'\(hint)."
    case .unknownUser(let user):
      return "'\(user)' is not listed in staff.yaml; act as a listed staff member (--as)."
    case .storage(let id, let underlying):
      return "\(id) could not be read: \(underlying)."
    case .ruleFailed(_, let reference, let action, let instance, let cause):
      return "\(reference) could not \(action) on \(instance): \(cause.message)"
    case .ruleChainTooDeep(let chain, _, let limit):
      return "rules triggered each other more than \(limit) deep, so nothing was changed: \(chain.joined(separator: " → "))."
    }
  }

  /// For `rule_failed`: the rule that failed (the outermost one).
  public var rule: RuleID? {
    switch self {
    case .ruleFailed(let rule, _, _, _, _), .ruleChainTooDeep(_, let rule, _): rule
    default: nil
    }
  }

  /// For `rule_failed`: the refusal underneath (for a nested rule failure, the innermost
  /// one that is not itself a rule's).
  public var cause: Refusal? {
    guard case .ruleFailed(_, _, _, _, var cause) = self else { return nil }
    while case .ruleFailed(_, _, _, _, let inner) = cause { cause = inner }
    return cause
  }

  private static func list(_ items: [some CustomStringConvertible], or: Bool = false) -> String {
    let words = items.map(\.description)
    switch words.count {
    case 0: return "nobody"
    case 1: return words[0]
    default:
      return words.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + (words.last ?? "")
    }
  }
}

extension Refusal: CustomStringConvertible {
  public var description: String { message }
}

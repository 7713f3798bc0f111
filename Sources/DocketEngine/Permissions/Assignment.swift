import DocketModel
import Foundation

extension Engine {
  /// Who holds a ticket after it is handed to `role` (contract §2): the current person keeps
  /// it while they hold the role; otherwise it waits in the role's queue with no person.
  /// With no role (a state without `assign`), the assignee does not change.
  func assignee(after current: Assignee, role: RoleID?) -> Assignee {
    guard let role else { return current }
    if let user = current.user, staffRoles[user]?.contains(role) == true {
      return Assignee(role: role, user: user)
    }
    return Assignee(role: role, user: nil)
  }

  /// The assignee of a new ticket: the initial state's role, owned by the creator if they
  /// hold it. Without a role the creator holds it (one person follows a ticket through);
  /// `system` never owns a ticket.
  func initialAssignee(role: RoleID?, creator: Actor) -> Assignee {
    let user: UserID? =
      creator.isSystem ? nil : (role.map { creator.holds($0) } ?? true) ? creator.id : nil
    return Assignee(role: role, user: user)
  }

  /// `docket assign ID --to USER`: the person must hold the role the ticket waits for (any
  /// role of the workflow when it waits for none). A staff member may claim a ticket for
  /// themselves; giving it to someone else takes any role of the workflow. Closed tickets
  /// cannot be assigned.
  func handOver(
    _ id: InstanceID, to user: UserID, actor actorID: UserID, at now: Date,
    in tx: inout Transaction
  ) -> Result<Instance, Refusal> {
    let actor: Actor
    let target: Actor
    var instance: Instance
    let definition: WorkflowRuntime
    switch resolveActor(actorID).flatMap({ a in resolveActor(user).map { (a, $0) } }) {
    case .failure(let r): return .failure(r)
    case .success(let (a, t)): (actor, target) = (a, t)
    }
    do { instance = try tx.instance(id) } catch { return .failure(error) }
    switch self.definition(for: instance) {
    case .failure(let r): return .failure(r)
    case .success(let d): definition = d
    }
    guard instance.isOpen else { return .failure(.finalState(id, state: instance.state)) }
    let workflowRoles = Array(definition.roles.keys)
    if !actor.isSystem, actor.id != target.id, !workflowRoles.isEmpty,
      !workflowRoles.contains(where: actor.holds)
    {
      return .failure(
        .notPermitted(action: "assign \(id)", actor: actor.id, allowed: workflowRoles, held: []))
    }
    if target.isSystem { return .failure(.notAssignable(id, user: target.id, role: instance.assignee.role)) }
    if let role = instance.assignee.role {
      guard target.holds(role) else { return .failure(.notAssignable(id, user: target.id, role: role)) }
    } else if !workflowRoles.isEmpty, !workflowRoles.contains(where: target.holds) {
      return .failure(.notAssignable(id, user: target.id, role: nil))
    }
    instance.assignee.user = target.id
    instance.record(
      at: now, actor: actor.id, event: "assign", assignee: instance.assignee)
    tx.save(instance)
    return .success(instance)
  }
}

extension Instance {
  /// Appends a history entry with the next `seq` and stamps `updated_at`.
  mutating func record(
    at time: Date, actor: UserID, event: String, from: StateID? = nil, to: StateID? = nil,
    set: [String: JSONValue] = [:], note: String? = nil, assignee: Assignee? = nil,
    rule: RuleID? = nil
  ) {
    // (The new entry is built, copied into the array and the temporary destroyed: ~360
    // instructions a step that neither consuming it nor reading `seq` differently removed.)
    let last = history.last?.seq ?? 0
    history.append(
      HistoryEntry(
        seq: last + 1, at: time, actor: actor, event: event, from: from,
        to: to, set: set, note: note, assignee: assignee, rule: rule?.rawValue))
    updatedAt = time
  }
}

import DocketModel

/// Who is acting: a staff member with their roles, or `system`.
struct Actor {
  var id: UserID
  var roles: [RoleID]
  var isSystem: Bool { id == .system }

  static let system = Actor(id: .system, roles: [])

  func holds(_ role: RoleID) -> Bool { roles.contains(role) }
}

extension Engine {
  /// The staff member `id` (or `system`); unknown users are refused.
  func resolveActor(_ id: UserID) -> Result<Actor, Refusal> {
    if id == .system { return .success(.system) }
    guard let roles = staffRoles[id] else { return .failure(.unknownUser(id)) }
    return .success(Actor(id: id, roles: roles))
  }

  /// Whether `actor` may fire `event` on `instance`: `system` always may; others must hold
  /// one of its `by` roles (`allowedRoles`), or, when `by` is omitted, any role of the
  /// workflow (any staff member when the workflow declares no roles). In a `holder_only`
  /// workflow a ticket held by a person refuses a colleague whose only permitting role is
  /// the ticket's own.
  ///
  /// Takes the transition's two parts rather than the transition: passing a transition read
  /// from the shared ``TransitionBox`` copied it (a retain of each of its parts) every step.
  func checkRoles(
    _ allowedRoles: [RoleID]?, event: EventName, on instance: Instance,
    in definition: WorkflowRuntime, actor: Actor
  ) -> Refusal? {
    if actor.isSystem { return nil }
    let allowed = allowedRoles ?? definition.roleList
    if allowedRoles == nil, allowed.isEmpty { return nil }
    guard allowed.contains(where: actor.holds) else {
      return .notPermitted(
        action: "fire '\(event)'", actor: actor.id, allowed: allowed,
        held: actor.roles.filter { definition.roles[$0] != nil })
    }
    // Every role that permits the actor is the one the ticket is held in.
    if definition.holderOnly, let holder = instance.assignee.user, holder != actor.id,
      let role = instance.assignee.role, allowed.allSatisfy({ $0 == role || !actor.holds($0) })
    {
      return .heldByAnother(instance.id, event: event, holder: holder, role: role)
    }
    return nil
  }
}

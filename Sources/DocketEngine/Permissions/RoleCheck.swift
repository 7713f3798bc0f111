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

  /// Whether `actor` may fire `transition` on `instance`: `system` always may; others must
  /// hold one of its `by` roles, or, when `by` is omitted, any role of the workflow (any
  /// staff member when the workflow declares no roles). In a `holder_only` workflow a ticket
  /// held by a person refuses a colleague whose only permitting role is the ticket's own.
  func checkRoles(
    _ transition: TransitionDefinition, on instance: Instance, in definition: WorkflowRuntime,
    actor: Actor
  ) -> Refusal? {
    if actor.isSystem { return nil }
    let allowed = transition.allowedRoles ?? Array(definition.roles.keys)
    if transition.allowedRoles == nil, allowed.isEmpty { return nil }
    let permitting = allowed.filter(actor.holds)
    guard !permitting.isEmpty else {
      return .notPermitted(
        action: "fire '\(transition.event)'", actor: actor.id, allowed: allowed,
        held: actor.roles.filter { definition.roles[$0] != nil })
    }
    if definition.definition.holderOnly, let holder = instance.assignee.user, holder != actor.id,
      let role = instance.assignee.role, permitting.allSatisfy({ $0 == role })
    {
      return .heldByAnother(instance.id, event: transition.event, holder: holder, role: role)
    }
    return nil
  }
}

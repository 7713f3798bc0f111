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

  /// Whether `actor` may fire `transition`: `system` always may; others must hold one of
  /// its `by` roles, or, when `by` is omitted, any role of the workflow (any staff member
  /// when the workflow declares no roles).
  func checkRoles(
    _ transition: TransitionDefinition, in definition: WorkflowRuntime, actor: Actor
  ) -> Refusal? {
    if actor.isSystem { return nil }
    let allowed = transition.allowedRoles ?? Array(definition.roles.keys)
    if transition.allowedRoles == nil, allowed.isEmpty { return nil }
    if allowed.contains(where: actor.holds) { return nil }
    return .notPermitted(
      action: "fire '\(transition.event)'", actor: actor.id, allowed: allowed,
      held: actor.roles.filter { definition.roles[$0] != nil })
  }
}

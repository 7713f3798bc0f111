import CEL
import DocketModel
import Foundation

/// The variables a guard on a ticket sees (contract §3), for `docket eval --id`.
///
/// Mirrors the engine's `EvaluationContext` (internal to DocketEngine): every field by name
/// with its ``FieldType/celType``, `now`, `instance` (`id`, `workflow`, `state`, `status`,
/// `created_at`, `assignee`, `deadlines`) and, when an actor is given, `actor` (`user`,
/// `roles`). Values are converted the same way, so an expression that works here works in a
/// guard.
enum GuardScope {
  static func scope(
    for instance: Instance, definition: WorkflowDefinition, now: Date, actor: UserID?,
    roles: [RoleID]
  ) -> EvaluationScope {
    var scope = EvaluationScope()
    for field in definition.fields.values {
      scope.types[field.name.rawValue] = field.type.celType
      scope.values[field.name.rawValue] = value(instance.field(field.name), as: field.type)
    }
    scope.types["now"] = .timestamp
    scope.values["now"] = timestamp(now)
    scope.types["instance"] = .map(.string, .dyn)
    scope.values["instance"] = instanceMap(instance)
    scope.types["event"] = .string
    scope.values["event"] = .null
    if let actor {
      scope.types["actor"] = .map(.string, .dyn)
      scope.values["actor"] = .map(
        CELMap(strings: [
          "user": .string(actor.rawValue), "roles": .list(roles.map { .string($0.rawValue) }),
        ]))
    }
    return scope
  }

  static func timestamp(_ date: Date) -> CELValue {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    let nanos = Int64(((date.timeIntervalSince1970 - seconds) * 1e9).rounded())
    return CELTimestamp(seconds: Int64(seconds), nanos: nanos).map(CELValue.timestamp) ?? .null
  }

  /// A stored field value as CEL sees it, by the field's type.
  static func value(_ value: JSONValue, as type: FieldType) -> CELValue {
    switch (type, value) {
    case (_, .null): return .null
    case (.int, _): if let i = value.intValue { return .int(i) }
    case (.number, _): if let d = value.doubleValue { return .double(d) }
    case (.bool, .bool(let b)): return .bool(b)
    case (.datetime, .string(let s)): if let d = RFC3339.parse(s) { return timestamp(d) }
    case (.duration, .string(let s)):
      if let d = DocketDuration(parsing: s), let c = CELDuration(seconds: d.seconds) {
        return .duration(c)
      }
    case (.list, .array(let items)): return .list(items.map { plain($0) })
    case (_, .string(let s)): return .string(s)
    default: break
    }
    return plain(value)
  }

  private static func plain(_ value: JSONValue) -> CELValue { CELDisplay.value(value) }

  private static func instanceMap(_ instance: Instance) -> CELValue {
    func time(_ d: Date?) -> CELValue { d.map(timestamp) ?? .null }
    var deadlines = CELMap()
    for (name, clock) in instance.deadlines.sorted(by: { $0.key < $1.key }) {
      deadlines[.string(name.rawValue)] = .map(
        CELMap(strings: [
          "state": .string(clock.state.rawValue), "started_at": time(clock.startedAt),
          "due_at": time(clock.dueAt), "breached_at": time(clock.breachedAt),
          "warned_at": time(clock.warnedAt), "met_at": time(clock.metAt),
        ]))
    }
    return .map(
      CELMap(strings: [
        "id": .string(instance.id.rawValue), "workflow": .string(instance.workflow.rawValue),
        "state": .string(instance.state.rawValue), "status": .string(instance.status.rawValue),
        "created_at": time(instance.createdAt),
        "assignee": .map(
          CELMap(strings: [
            "role": instance.assignee.role.map { .string($0.rawValue) } ?? .null,
            "user": instance.assignee.user.map { .string($0.rawValue) } ?? .null,
          ])),
        "deadlines": .map(deadlines),
      ]))
  }
}

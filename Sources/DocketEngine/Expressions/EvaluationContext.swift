import CEL
import DocketModel
import Foundation

/// The variables one CEL evaluation sees (contract §3): every field by name, `now`,
/// `instance`, `actor` and `event`.
///
/// Built lazily: nothing is converted until an expression asks for it, and qualified names
/// such as `instance.state` or `actor.user` are answered directly without building the
/// enclosing map. That keeps a guard like `visits < 3` to one dictionary lookup and one
/// conversion, which is what lets advancing run at hundreds of thousands of steps a second.
/// A class, so handing it to CEL (as an existential) copies one reference, not the ticket.
final class EvaluationContext: CELActivation {
  let instance: Instance
  let definition: WorkflowRuntime
  let now: Date
  let actor: UserID
  let actorRoles: [RoleID]
  /// The event being fired, if any.
  let event: EventName?
  /// What lookup functions (`complaints_of(...)`) answer from; only rule expressions have one.
  let lookups: LookupScope?

  init(
    instance: Instance, definition: WorkflowRuntime, now: Date, actor: UserID,
    actorRoles: [RoleID], event: EventName?, lookups: LookupScope? = nil
  ) {
    self.instance = instance
    self.definition = definition
    self.now = now
    self.actor = actor
    self.actorRoles = actorRoles
    self.event = event
    self.lookups = lookups
  }

  /// `lookup_<name>` overloads are declared without an implementation: the answer depends
  /// on the store and on what this command changed, so each evaluation binds its own.
  func implementation(ofOverload id: String) -> CELImplementation? {
    guard let lookups, id.hasPrefix("lookup_") else { return nil }
    return lookups.implementation(ofOverload: id)
  }

  /// `instance.state`, `actor.user` and the like straight from the ticket, so a guard that
  /// reads one field of `instance` never builds the whole map (the names ``value(of:)``
  /// answers directly; anything else is selected from the map as usual).
  func selection(_ qualifiedName: String) -> CELValue? {
    builtIn(qualifiedName)
  }

  func value(of name: String) -> CELValue? {
    if let type = definition.fieldTypes[name] {
      return FieldConversion.celValue(instance.fields[name] ?? .null, as: type)
    }
    return builtIn(name)
  }

  /// The built-in variables and the qualified names answered without building their maps
  /// (field names never contain a dot, so a selection needs no field lookup).
  private func builtIn(_ name: String) -> CELValue? {
    switch name {
    case "now": return FieldConversion.timestamp(now)
    case "event": return event.map { .string($0.rawValue) } ?? .null
    case "actor": return .map(CELMap(strings: ["user": actorUser, "roles": actorRoleList]))
    case "actor.user": return actorUser
    case "actor.roles": return actorRoleList
    case "instance": return instanceMap
    case "instance.id": return .string(instance.id.rawValue)
    case "instance.workflow": return .string(instance.workflow.rawValue)
    case "instance.state": return .string(instance.state.rawValue)
    case "instance.status": return .string(instance.status.rawValue)
    case "instance.created_at": return FieldConversion.timestamp(instance.createdAt)
    case "instance.assignee": return assigneeMap
    case "instance.deadlines": return deadlinesMap
    default: return nil
    }
  }

  private var actorUser: CELValue { .string(actor.rawValue) }
  private var actorRoleList: CELValue { .list(actorRoles.map { .string($0.rawValue) }) }

  private var assigneeMap: CELValue {
    .map(
      CELMap(strings: [
        "role": instance.assignee.role.map { .string($0.rawValue) } ?? .null,
        "user": instance.assignee.user.map { .string($0.rawValue) } ?? .null,
      ]))
  }

  private var deadlinesMap: CELValue {
    var map = CELMap()
    for (name, clock) in instance.deadlines.sorted(by: { $0.key < $1.key }) {
      func time(_ d: Date?) -> CELValue { d.map(FieldConversion.timestamp) ?? .null }
      map[.string(name.rawValue)] = .map(
        CELMap(strings: [
          "state": .string(clock.state.rawValue),
          "started_at": time(clock.startedAt),
          "due_at": time(clock.dueAt),
          "breached_at": time(clock.breachedAt),
          "warned_at": time(clock.warnedAt),
          "met_at": time(clock.metAt),
        ]))
    }
    return .map(map)
  }

  /// Built at most once per context: a checked `instance.state` reads the whole map, and a
  /// rule's conditions or a message template ask for several of its keys.
  private var builtInstanceMap: CELValue?

  private var instanceMap: CELValue {
    if let builtInstanceMap { return builtInstanceMap }
    let map = freshInstanceMap
    builtInstanceMap = map
    return map
  }

  private var freshInstanceMap: CELValue {
    .map(
      CELMap(strings: [
        "id": .string(instance.id.rawValue),
        "workflow": .string(instance.workflow.rawValue),
        "state": .string(instance.state.rawValue),
        "status": .string(instance.status.rawValue),
        "created_at": FieldConversion.timestamp(instance.createdAt),
        "assignee": assigneeMap,
        "deadlines": deadlinesMap,
      ]))
  }
}

/// What became of one evaluation, in terms the engine acts on.
enum Evaluation {
  case value(CELValue)
  /// The expression failed: what went wrong, and where in the definition file (if known).
  case failed(reason: String, location: String?)
}

extension CompiledExpression {
  /// Evaluates in `context`; an error value becomes ``Evaluation/failed(reason:location:)``
  /// with the failing node's `file:line:col`.
  func evaluate(in context: EvaluationContext) -> Evaluation {
    let result = program.evaluate(context)
    guard case .error(let error) = result else { return .value(result) }
    return .failed(reason: error.message, location: location(of: error))
  }

  /// The file position of an evaluation error: the expression's own start plus the failing
  /// node's offset within it (exact for one-line expressions; for block scalars the line is
  /// exact and the column is the column within the expression).
  func location(of error: CELError) -> String? {
    guard let span else { return nil }
    guard let local = program.position(of: error) else { return span.description }
    let line = span.start.line + local.line - 1
    let column = local.line == 1 ? span.start.column + local.column - 1 : local.column
    return "\(span.file):\(line):\(column)"
  }
}

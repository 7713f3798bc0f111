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
  /// The ticket the expressions see. Optional only so that a step can move the ticket it is
  /// changing in and take it back (``returnInstance()``) instead of copying it: a context
  /// holding a copy cost a retain and a release of each of the ticket's strings and
  /// collections per evaluation. Nil only once the ticket went back.
  @exclusivity(unchecked) private var ticket: Instance?
  let definition: WorkflowRuntime
  let now: Date
  let actor: UserID
  let actorRoles: [RoleID]
  /// The event being fired, if any.
  let event: EventName?
  /// What lookup functions (`complaints_of(...)`) answer from; only rule expressions have one.
  let lookups: LookupScope?

  convenience init(
    instance: Instance, definition: WorkflowRuntime, now: Date, actor: UserID,
    actorRoles: [RoleID], event: EventName?, lookups: LookupScope? = nil
  ) {
    self.init(
      ticket: instance, definition: definition, now: now, actor: actor, actorRoles: actorRoles,
      event: event, lookups: lookups)
  }

  private init(
    ticket: Instance?, definition: WorkflowRuntime, now: Date, actor: UserID,
    actorRoles: [RoleID], event: EventName?, lookups: LookupScope?
  ) {
    self.ticket = ticket
    self.definition = definition
    self.now = now
    self.actor = actor
    self.actorRoles = actorRoles
    self.event = event
    self.lookups = lookups
  }

  /// The same context with `event` bound (a copy of the ticket: for `options`).
  func firing(_ event: EventName) -> EvaluationContext {
    EvaluationContext(
      ticket: ticket, definition: definition, now: now, actor: actor, actorRoles: actorRoles,
      event: event, lookups: nil)
  }

  /// Hands the ticket back to the step that moved it in; the context must not evaluate
  /// anything more. (Asked twice, it answers an empty ticket: never the case.)
  func returnInstance() -> Instance {
    ticket.take() ?? Instance(id: "", workflow: "", version: 0, digest: "", state: "", createdAt: now)
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
      return FieldConversion.celValue(ticket?.fields[name] ?? .null, as: type)
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
    case "instance.id": return text(ticket?.id.rawValue)
    case "instance.workflow": return text(ticket?.workflow.rawValue)
    case "instance.state": return text(ticket?.state.rawValue)
    case "instance.status": return text(ticket?.status.rawValue)
    case "instance.created_at": return (ticket?.createdAt).map(FieldConversion.timestamp) ?? .null
    case "instance.assignee": return assigneeMap
    case "instance.deadlines": return deadlinesMap
    default: return nil
    }
  }

  private func text(_ s: String?) -> CELValue { s.map { .string($0) } ?? .null }

  private var actorUser: CELValue { .string(actor.rawValue) }
  private var actorRoleList: CELValue { .list(actorRoles.map { .string($0.rawValue) }) }

  private var assigneeMap: CELValue {
    .map(
      CELMap(strings: [
        "role": text(ticket?.assignee.role?.rawValue),
        "user": text(ticket?.assignee.user?.rawValue),
      ]))
  }

  private var deadlinesMap: CELValue {
    var map = CELMap()
    for (name, clock) in (ticket?.deadlines ?? [:]).sorted(by: { $0.key < $1.key }) {
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
        "id": text(ticket?.id.rawValue),
        "workflow": text(ticket?.workflow.rawValue),
        "state": text(ticket?.state.rawValue),
        "status": text(ticket?.status.rawValue),
        "created_at": (ticket?.createdAt).map(FieldConversion.timestamp) ?? .null,
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

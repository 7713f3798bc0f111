import CEL
import DocketModel

// Actions and CEL expressions in the compiled home. An expression is kept as its source and
// position; read back, it compiles on its first evaluation, in the environment its definition
// was checked in (see `DeferredEnvironment`).

extension BinaryWriter {
  mutating func expression(_ e: CompiledExpression) {
    string(e.source)
    optional(e.span) { $0.span($1) }
  }

  mutating func assignment(_ a: FieldAssignment) {
    string(a.field.rawValue)
    expression(a.value)
  }

  mutating func template(_ t: MessageTemplate) {
    list(t.parts) { w, part in
      switch part {
      case .text(let text):
        w.byte(0)
        w.string(text)
      case .expression(let e):
        w.byte(1)
        w.expression(e)
      }
    }
    optional(t.span) { $0.span($1) }
  }

  mutating func action(_ a: ActionDefinition) {
    switch a {
    case .fire(let event, let target, _):
      byte(0)
      string(event.rawValue)
      string(target.rawValue)
    case .assign(let role, _):
      byte(1)
      string(role.rawValue)
    case .notify(let roles, let message, _):
      byte(2)
      strings(roles.map(\.rawValue))
      optional(message) { $0.template($1) }
    case .set(let assignments, _):
      byte(3)
      list(assignments) { $0.assignment($1) }
    case .start(let start, _):
      byte(4)
      string(start.workflow.rawValue)
      list(start.fields) { $0.assignment($1) }
      optional(start.assignRole) { $0.string($1.rawValue) }
    }
    optional(a.span) { $0.span($1) }
  }
}

extension BinaryReader {
  mutating func expression(in env: DeferredEnvironment) throws(MalformedBytes)
    -> CompiledExpression
  {
    let source = try string()
    let span = try optionalSpan()
    return CompiledExpression(source: source, program: env.program(for: source), span: span)
  }

  mutating func assignment(in env: DeferredEnvironment) throws(MalformedBytes)
    -> FieldAssignment
  {
    FieldAssignment(field: FieldName(try string()), value: try expression(in: env))
  }

  mutating func template(in env: DeferredEnvironment) throws(MalformedBytes)
    -> MessageTemplate
  {
    let parts = try list { r throws(MalformedBytes) -> MessageTemplate.Part in
      switch try r.byte() {
      case 0: return .text(try r.string())
      case 1: return .expression(try r.expression(in: env))
      default: throw MalformedBytes()
      }
    }
    return MessageTemplate(parts: parts, span: try optionalSpan())
  }

  mutating func action(in env: DeferredEnvironment) throws(MalformedBytes)
    -> ActionDefinition
  {
    switch try byte() {
    case 0:
      let event = EventName(try string())
      guard let target = ActionTarget(rawValue: try string()) else { throw MalformedBytes() }
      return .fire(event, target: target, span: try optionalSpan())
    case 1:
      return .assign(RoleID(try string()), span: try optionalSpan())
    case 2:
      let roles = try strings().map(RoleID.init(rawValue:))
      let message = try optional { r throws(MalformedBytes) in try r.template(in: env) }
      return .notify(roles: roles, message: message, span: try optionalSpan())
    case 3:
      let assignments = try list { r throws(MalformedBytes) in try r.assignment(in: env) }
      return .set(assignments, span: try optionalSpan())
    case 4:
      let start = StartDefinition(
        workflow: WorkflowID(try string()),
        fields: try list { r throws(MalformedBytes) in try r.assignment(in: env) },
        assignRole: try optionalString().map(RoleID.init(rawValue:)))
      return .start(start, span: try optionalSpan())
    default:
      throw MalformedBytes()
    }
  }
}

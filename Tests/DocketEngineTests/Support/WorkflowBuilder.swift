import CEL
import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Builds workflow definitions in code for engine tests, compiling CEL against the fields
/// as the loader does.
struct WorkflowBuilder {
  struct CompileFailure: Error, CustomStringConvertible {
    var description: String
  }

  var id: WorkflowID
  var prefix: String
  var roles: [RoleID]
  var fields: [FieldDefinition]
  var environment: CELEnvironment

  init(_ id: WorkflowID, prefix: String, roles: [RoleID], fields: [FieldDefinition]) {
    self.id = id
    self.prefix = prefix
    self.roles = roles
    self.fields = fields
    var vars: [String: CELType] = [
      "now": .timestamp, "instance": .map(.string, .dyn), "actor": .map(.string, .dyn),
      "event": .string,
    ]
    for f in fields { vars[f.name.rawValue] = f.type.celType }
    environment = CELEnvironment(variables: vars)
  }

  /// Compiles an expression; `line`/`column` place it in a pretend `workflows/<id>.yaml`.
  func expr(_ source: String, line: Int = 1, column: Int = 1) throws -> CompiledExpression {
    switch environment.compile(source) {
    case .success(let program):
      return CompiledExpression(
        source: source, program: program,
        span: SourceSpan(file: "workflows/\(id).yaml", line: line, column: column))
    case .failure(let issues):
      throw CompileFailure(description: "\(source): \(issues)")
    }
  }

  func template(_ parts: [MessageTemplate.Part]) -> MessageTemplate { MessageTemplate(parts: parts) }

  func build(
    initial: StateID, states: [StateDefinition], deadlines: [DeadlineDefinition] = []
  ) -> WorkflowDefinition {
    WorkflowDefinition(
      id: id, title: id.rawValue, version: 1, prefix: prefix,
      roles: OrderedDictionary(uniqueKeysWithValues: roles.map { ($0, $0.rawValue) }),
      fields: OrderedDictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) }),
      initial: initial, deadlines: deadlines,
      states: OrderedDictionary(uniqueKeysWithValues: states.map { ($0.id, $0) }),
      digest: "sha256:test-\(id)", path: "workflows/\(id).yaml")
  }
}

func field(
  _ name: FieldName, _ type: FieldType, required: Bool = false, default value: JSONValue? = nil,
  label: String? = nil, min: Double? = nil, max: Double? = nil
) -> FieldDefinition {
  FieldDefinition(
    name: name, type: type, label: label, isRequired: required, defaultValue: value, minimum: min,
    maximum: max)
}

func state(
  _ id: StateID, assign: RoleID? = nil, final: Bool = false, deadline: DeadlineDefinition? = nil,
  _ transitions: [TransitionDefinition] = []
) -> StateDefinition {
  StateDefinition(
    id: id, label: id.rawValue, assignRole: assign, isFinal: final, deadline: deadline,
    transitions: OrderedDictionary(
      uniqueKeysWithValues: transitions.map {
        var t = $0
        t.source = id
        return (t.event, t)
      }))
}

func on(
  _ event: EventName, to target: StateID, by roles: [RoleID]? = nil, guard g: GuardDefinition? = nil,
  require: [FieldName] = [], set: [FieldAssignment] = [], assign: RoleID? = nil,
  note: NoteRequirement = .none
) -> TransitionDefinition {
  TransitionDefinition(
    event: event, source: "", target: .state(target), allowedRoles: roles, guardCondition: g,
    requiredFields: require, assignments: set, assignRole: assign, note: note)
}

func on(
  _ event: EventName, branches: [BranchDefinition], by roles: [RoleID]? = nil,
  require: [FieldName] = []
) -> TransitionDefinition {
  TransitionDefinition(
    event: event, source: "", target: .branches(branches), allowedRoles: roles,
    requiredFields: require)
}

func hours(_ h: Int64) -> DocketDuration { .hours(h) }

import DocketDiagnostics
import DocketModel
import OrderedCollections

// A workflow definition in the compiled home: every stored property, in declaration order,
// keys of ordered dictionaries kept with their values.

extension BinaryWriter {
  mutating func workflow(_ w: WorkflowDefinition) {
    string(w.id.rawValue)
    optionalString(w.title)
    int(w.version)
    string(w.prefix)
    list(w.roles.elements) { $0.string($1.key.rawValue); $0.string($1.value) }
    list(w.fields.elements) { $0.string($1.key.rawValue); $0.field($1.value) }
    string(w.initial.rawValue)
    list(w.deadlines) { $0.deadline($1) }
    list(w.states.elements) { $0.string($1.key.rawValue); $0.state($1.value) }
    bool(w.holderOnly)
    string(w.digest)
    string(w.sourceText)
    string(w.path)
  }

  mutating func field(_ f: FieldDefinition) {
    string(f.name.rawValue)
    switch f.type {
    case .enum(let values):
      byte(0)
      strings(values)
    default:
      byte(1)
      string(f.type.name)
    }
    optionalString(f.label)
    bool(f.isRequired)
    optional(f.defaultValue) { $0.json($1) }
    optional(f.minimum) { $0.double($1) }
    optional(f.maximum) { $0.double($1) }
    optional(f.span) { $0.span($1) }
  }

  mutating func state(_ s: StateDefinition) {
    string(s.id.rawValue)
    optionalString(s.label)
    optional(s.assignRole) { $0.string($1.rawValue) }
    bool(s.isFinal)
    optional(s.deadline) { $0.deadline($1) }
    list(s.transitions.elements) { $0.string($1.key.rawValue); $0.transition($1.value) }
    optional(s.span) { $0.span($1) }
  }

  mutating func transition(_ t: TransitionDefinition) {
    string(t.event.rawValue)
    string(t.source.rawValue)
    switch t.target {
    case .state(let s):
      byte(0)
      string(s.rawValue)
    case .branches(let branches):
      byte(1)
      list(branches) { w, b in
        w.optional(b.condition) { $0.expression($1) }
        w.string(b.target.rawValue)
        w.optional(b.span) { $0.span($1) }
      }
    }
    optional(t.allowedRoles) { $0.strings($1.map(\.rawValue)) }
    optional(t.guardCondition) { w, g in
      w.expression(g.expression)
      w.optionalString(g.message)
    }
    strings(t.requiredFields.map(\.rawValue))
    list(t.assignments) { $0.assignment($1) }
    optional(t.assignRole) { $0.string($1.rawValue) }
    string(t.note.rawValue)
    optionalString(t.label)
    optional(t.span) { $0.span($1) }
  }

  mutating func deadline(_ d: DeadlineDefinition) {
    string(d.name.rawValue)
    optionalString(d.label)
    duration(d.within)
    optional(d.calendar) { $0.string($1.rawValue) }
    switch d.scope {
    case .state(let s):
      byte(0)
      string(s.rawValue)
    case .workflow(let start, let stop, let pause):
      byte(1)
      switch start {
      case .created: bool(false)
      case .states(let states):
        bool(true)
        strings(states.map(\.rawValue))
      }
      strings(stop.map(\.rawValue))
      strings(pause.map(\.rawValue))
    }
    optional(d.warning) { w, warning in
      w.duration(warning.before)
      w.list(warning.actions) { $0.action($1) }
      w.optional(warning.span) { $0.span($1) }
    }
    list(d.breach) { $0.action($1) }
    optional(d.span) { $0.span($1) }
  }

  mutating func duration(_ d: DocketDuration) {
    int(d.seconds)
    int(d.workingDays)
  }

  mutating func span(_ s: SourceSpan) {
    string(s.file)
    natural(s.start.line)
    natural(s.start.column)
    natural(s.end.line)
    natural(s.end.column)
  }

  mutating func json(_ value: JSONValue) {
    switch value {
    case .null: byte(0)
    case .bool(let b):
      byte(1)
      bool(b)
    case .int(let i):
      byte(2)
      int(i)
    case .double(let d):
      byte(3)
      double(d)
    case .string(let s):
      byte(4)
      string(s)
    case .array(let items):
      byte(5)
      list(items) { $0.json($1) }
    case .object(let members):
      byte(6)
      list(members.sorted { $0.key < $1.key }) { $0.string($1.key); $0.json($1.value) }
    }
  }
}

extension BinaryReader {
  /// A workflow, its expressions compiled in an environment of its own fields (as
  /// `WorkflowDecoder` does).
  mutating func workflow() throws(MalformedBytes) -> WorkflowDefinition {
    let id = WorkflowID(try string())
    let title = try optionalString()
    let version = try int()
    let prefix = try string()
    let roles = try ordered { r throws(MalformedBytes) in (RoleID(try r.string()), try r.string()) }
    let fields = try ordered { r throws(MalformedBytes) in
      (FieldName(try r.string()), try r.field())
    }
    let env = DeferredEnvironment(fields: fields.values)
    let initial = StateID(try string())
    let deadlines = try list { r throws(MalformedBytes) in try r.deadline(in: env) }
    let states = try ordered { r throws(MalformedBytes) in
      (StateID(try r.string()), try r.state(in: env))
    }
    let holderOnly = try bool()
    return WorkflowDefinition(
      id: id, title: title, version: version, prefix: prefix, roles: roles, fields: fields,
      initial: initial, deadlines: deadlines, states: states, digest: try string(),
      sourceText: try string(), path: try string(), holderOnly: holderOnly)
  }

  mutating func field() throws(MalformedBytes) -> FieldDefinition {
    let name = FieldName(try string())
    let type: FieldType
    switch try byte() {
    case 0: type = .enum(try strings())
    case 1:
      guard let named = FieldType(name: try string()), named.name != "enum" else {
        throw MalformedBytes()
      }
      type = named
    default: throw MalformedBytes()
    }
    return FieldDefinition(
      name: name, type: type, label: try optionalString(), isRequired: try bool(),
      defaultValue: try optional { r throws(MalformedBytes) in try r.json() },
      minimum: try optional { r throws(MalformedBytes) in try r.double() },
      maximum: try optional { r throws(MalformedBytes) in try r.double() },
      span: try optionalSpan())
  }

  mutating func state(in env: DeferredEnvironment) throws(MalformedBytes)
    -> StateDefinition
  {
    StateDefinition(
      id: StateID(try string()), label: try optionalString(),
      assignRole: try optionalString().map(RoleID.init(rawValue:)), isFinal: try bool(),
      deadline: try optional { r throws(MalformedBytes) in try r.deadline(in: env) },
      transitions: try ordered { r throws(MalformedBytes) in
        (EventName(try r.string()), try r.transition(in: env))
      },
      span: try optionalSpan())
  }

  mutating func transition(in env: DeferredEnvironment) throws(MalformedBytes)
    -> TransitionDefinition
  {
    let event = EventName(try string())
    let source = StateID(try string())
    let target: TransitionTarget
    switch try byte() {
    case 0: target = .state(StateID(try string()))
    case 1:
      target = .branches(
        try list { r throws(MalformedBytes) in
          BranchDefinition(
            condition: try r.optional { r throws(MalformedBytes) in try r.expression(in: env) },
            target: StateID(try r.string()), span: try r.optionalSpan())
        })
    default: throw MalformedBytes()
    }
    let allowedRoles = try optional { r throws(MalformedBytes) in
      try r.strings().map(RoleID.init(rawValue:))
    }
    let guardCondition = try optional { r throws(MalformedBytes) in
      GuardDefinition(expression: try r.expression(in: env), message: try r.optionalString())
    }
    let required = try strings().map(FieldName.init(rawValue:))
    let assignments = try list { r throws(MalformedBytes) in try r.assignment(in: env) }
    let assignRole = try optionalString().map(RoleID.init(rawValue:))
    guard let note = NoteRequirement(rawValue: try string()) else { throw MalformedBytes() }
    return TransitionDefinition(
      event: event, source: source, target: target, allowedRoles: allowedRoles,
      guardCondition: guardCondition, requiredFields: required, assignments: assignments,
      assignRole: assignRole, note: note, label: try optionalString(), span: try optionalSpan())
  }

  mutating func deadline(in env: DeferredEnvironment) throws(MalformedBytes)
    -> DeadlineDefinition
  {
    let name = DeadlineName(try string())
    let label = try optionalString()
    let within = try duration()
    let calendar = try optionalString().map(CalendarID.init(rawValue:))
    let scope: DeadlineScope
    switch try byte() {
    case 0: scope = .state(StateID(try string()))
    case 1:
      let start: DeadlineStart =
        try bool() ? .states(try strings().map(StateID.init(rawValue:))) : .created
      scope = .workflow(
        start: start, stop: try strings().map(StateID.init(rawValue:)),
        pause: try strings().map(StateID.init(rawValue:)))
    default: throw MalformedBytes()
    }
    let warning = try optional { r throws(MalformedBytes) in
      WarningDefinition(
        before: try r.duration(),
        actions: try r.list { r throws(MalformedBytes) in try r.action(in: env) },
        span: try r.optionalSpan())
    }
    return DeadlineDefinition(
      name: name, label: label, within: within, calendar: calendar, scope: scope,
      warning: warning,
      breach: try list { r throws(MalformedBytes) in try r.action(in: env) },
      span: try optionalSpan())
  }

  mutating func duration() throws(MalformedBytes) -> DocketDuration {
    var d = DocketDuration(seconds: try int64())
    d.workingDays = try int64()
    return d
  }

  mutating func optionalSpan() throws(MalformedBytes) -> SourceSpan? {
    try optional { r throws(MalformedBytes) in
      SourceSpan(
        file: try r.string(), start: SourcePosition(line: try r.natural(), column: try r.natural()),
        end: SourcePosition(line: try r.natural(), column: try r.natural()))
    }
  }

  /// A JSON value nested at most `depth` deep (a default value is shallow; a damaged file
  /// must not recurse without bound).
  mutating func json(depth: Int = 32) throws(MalformedBytes) -> JSONValue {
    guard depth > 0 else { throw MalformedBytes() }
    switch try byte() {
    case 0: return .null
    case 1: return .bool(try bool())
    case 2: return .int(try int64())
    case 3: return .double(try double())
    case 4: return .string(try string())
    case 5: return .array(try list { r throws(MalformedBytes) in try r.json(depth: depth - 1) })
    case 6:
      var members: [String: JSONValue] = [:]
      for _ in 0..<(try count()) { members[try string()] = try json(depth: depth - 1) }
      return .object(members)
    default: throw MalformedBytes()
    }
  }

  /// An ordered dictionary written as a list of key-value pairs.
  mutating func ordered<K: Hashable, V>(
    _ read: (inout BinaryReader) throws(MalformedBytes) -> (K, V)
  ) throws(MalformedBytes) -> OrderedDictionary<K, V> {
    var out: OrderedDictionary<K, V> = [:]
    let n = try count()
    out.reserveCapacity(n)
    for _ in 0..<n {
      let (key, value) = try read(&self)
      out[key] = value
    }
    return out
  }
}

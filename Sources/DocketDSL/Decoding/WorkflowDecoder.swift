import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Reads one workflow file (contract §2) into a ``WorkflowDefinition``, checking every name it
/// refers to and compiling every expression in it.
///
/// Problems go to the reader's bag and decoding goes on with placeholders, so one run reports
/// them all. The definition returned is complete enough for whole-home checks; it must not
/// be run when the bag holds errors.
package struct WorkflowDecoder {
  package static let keys = [
    "workflow", "title", "version", "prefix", "roles", "fields", "initial", "deadlines", "states",
    "holder_only",
  ]

  let reader: NodeReader
  /// The file stem, which the `workflow:` id must equal.
  let stem: String

  package init(reader: NodeReader, stem: String) {
    self.reader = reader
    self.stem = stem
  }

  /// The workflow of `root`; nil only when the file is not a mapping at all.
  package func decode(_ root: YAMLNode?, digest: String, sourceText: String)
    -> DecodedWorkflow?
  {
    guard let root else {
      reader.bag.add(.missingKey("workflow", in: "a workflow file", at: startOfFile))
      return nil
    }
    guard let map = reader.mapping(root, "a workflow file", keys: Self.keys) else { return nil }
    let what = "a workflow"
    let id = workflowID(map)
    let title = reader.string(in: map, "title", of: what)?.value
    let version = positiveVersion(map)
    let prefix = self.prefix(map)
    let roles = self.roles(map)
    let fields = map["fields"].map(decodeFields) ?? [:]
    let stateNames = map["states"]?.pairs?.compactMap { $0.key.scalar?.text } ?? []
    let names = WorkflowNames(
      states: stateNames, roles: roles.keys.map(\.rawValue), fields: Array(fields.values))
    let compiler = ExpressionCompiler(fields: fields.values, reader: reader)
    let context = DecodingContext(reader: reader, names: names, compiler: compiler)
    var initial = StateID(stateNames.first ?? "")
    if let name = reader.string(in: map, "initial", required: true, of: what) {
      initial = names.state(name, into: &reader.bag)
    }
    var calendars: [Located<String>] = []
    let deadlines = map["deadlines"].map {
      DeadlineDecoder(context: context).workflowDeadlines($0, calendars: &calendars)
    } ?? []
    var states: OrderedDictionary<StateID, StateDefinition> = [:]
    if let node = reader.required(map, "states", in: what) {
      states = StateDecoder(context: context).states(node, calendars: &calendars)
    }
    let definition = WorkflowDefinition(
      id: WorkflowID(id?.value ?? stem), title: title, version: version?.value ?? 1,
      prefix: prefix?.value ?? "", roles: roles, fields: fields, initial: initial,
      deadlines: deadlines, states: states, digest: digest, sourceText: sourceText,
      path: reader.file.path,
      holderOnly: reader.bool(in: map, "holder_only", of: what)?.value ?? false)
    return DecodedWorkflow(
      definition: definition, idSpan: id?.span, prefixSpan: prefix?.span,
      calendarReferences: calendars, stateSpans: keySpans(map["states"]),
      roleSpans: keySpans(map["roles"]), statesKeySpan: map.keySpan("states"))
  }

  private var startOfFile: SourceSpan { SourceSpan(file: reader.file.path, line: 1, column: 1) }

  private func workflowID(_ map: YAMLMap) -> Located<String>? {
    guard let id = reader.string(in: map, "workflow", required: true, of: "a workflow file") else {
      return nil
    }
    if !IdentifierSyntax.isWorkflowID(id.value) {
      reader.bag.add(
        .invalidID("workflow id", id.value, rule: "a lower-case letter, then a-z, 0-9, '_' or '-'",
          at: id.span))
    } else if id.value != stem {
      reader.bag.add(.workflowIDMismatch(id.value, stem: stem, at: id.span))
    }
    return id
  }

  private func positiveVersion(_ map: YAMLMap) -> Located<Int>? {
    guard let version = reader.int(in: map, "version", required: true, of: "a workflow") else {
      return nil
    }
    guard version.value > 0 else {
      reader.bag.add(.notPositive("version", at: version.span))
      return nil
    }
    return version
  }

  private func prefix(_ map: YAMLMap) -> Located<String>? {
    guard let prefix = reader.string(in: map, "prefix", required: true, of: "a workflow") else {
      return nil
    }
    guard IdentifierSyntax.isPrefix(prefix.value) else {
      reader.bag.add(.invalidPrefix(prefix.value, at: prefix.span))
      return nil
    }
    return prefix
  }

  private func roles(_ map: YAMLMap) -> OrderedDictionary<RoleID, String> {
    guard let node = reader.required(map, "roles", in: "a workflow"),
      let entries = reader.namedEntries(node, "'roles'")
    else { return [:] }
    var roles: OrderedDictionary<RoleID, String> = [:]
    for (key, value) in entries.entries {
      if !IdentifierSyntax.isName(key.value) {
        reader.bag.add(.invalidID("role id", key.value, rule: Self.nameRule, at: key.span))
      }
      let label = value.isNull ? key.value : reader.string(value, "label of role '\(key.value)'")?.value
      if roles[RoleID(key.value)] == nil { roles[RoleID(key.value)] = label ?? key.value }
    }
    return roles
  }

  /// Where each key of a mapping is written (the first, for duplicates).
  private func keySpans<Kind>(_ node: YAMLNode?) -> [Identifier<Kind>: SourceSpan] {
    var spans: [Identifier<Kind>: SourceSpan] = [:]
    for pair in node?.pairs ?? [] {
      if let name = pair.key.scalar?.text, spans[Identifier(name)] == nil {
        spans[Identifier(name)] = pair.key.span
      }
    }
    return spans
  }

  static let nameRule = "letters, digits, '_', '.' or '-', not starting with '.' or '-'"
}

/// A decoded workflow and the places whole-home checks need to point at.
package struct DecodedWorkflow: Sendable {
  package var definition: WorkflowDefinition
  package var idSpan: SourceSpan?
  package var prefixSpan: SourceSpan?
  /// Every `calendar:` named by a deadline, for the check against `calendars/`.
  package var calendarReferences: [Located<String>]
  /// Where each state's key is written.
  package var stateSpans: [StateID: SourceSpan]
  /// Where each role's key is written under `roles:`.
  package var roleSpans: [RoleID: SourceSpan]
  /// Where `states:` is written, for problems of the state graph as a whole.
  package var statesKeySpan: SourceSpan? = nil
}

/// What the decoders of one workflow's parts share.
package struct DecodingContext {
  package let reader: NodeReader
  package let names: WorkflowNames
  package let compiler: ExpressionCompiler

  package init(reader: NodeReader, names: WorkflowNames, compiler: ExpressionCompiler) {
    self.reader = reader
    self.names = names
    self.compiler = compiler
  }

  /// A duration value (`within: 24h`); reports `invalid_duration` when it does not parse.
  package func duration(in map: YAMLMap, _ key: String, required: Bool, of what: String)
    -> Located<DocketDuration>?
  {
    guard let text = reader.string(in: map, key, required: required, of: what) else { return nil }
    guard let duration = DocketDuration(parsing: text.value), duration.seconds > 0 else {
      reader.bag.add(.invalidDuration(key, text: text.value, at: text.span))
      return nil
    }
    return Located(duration, at: text.span)
  }

  /// A list of state names, each checked.
  package func states(in map: YAMLMap, _ key: String, of what: String) -> [StateID] {
    (reader.strings(in: map, key, of: what) ?? []).map { names.state($0, into: &reader.bag) }
  }

  /// A list of role names, each checked.
  package func roles(_ node: YAMLNode, _ what: String) -> [RoleID] {
    (reader.strings(node, what) ?? []).map { names.role($0, into: &reader.bag) }
  }

  /// A `set:` mapping: known fields, each value compiled against the field's type.
  package func assignments(_ node: YAMLNode) -> [FieldAssignment] {
    guard let map = reader.namedEntries(node, "'set'") else { return [] }
    var out: [FieldAssignment] = []
    for (key, value) in map.entries {
      guard let field = names.field(key, into: &reader.bag) else { continue }
      if let compiled = compiler.compile(value, "value of '\(key.value)'", as: .value(field)) {
        out.append(FieldAssignment(field: field.name, value: compiled))
      }
    }
    return out
  }
}

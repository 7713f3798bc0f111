import CEL
import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Reads a rules file's `lookups:`: named questions about other tickets, each a CEL function
/// of the rules' expressions (`complaints_of(customer, category)`).
///
/// ```yaml
/// lookups:
///   complaints_of:
///     workflow: complaint
///     key: [customer, category]
/// ```
package struct LookupDecoder {
  package static let keys = ["workflow", "key", "description"]
  /// CEL macros: call syntax the parser expands, so no lookup may take their names.
  static let macros: Set<String> = [
    "has", "all", "exists", "exists_one", "map", "filter", "optMap", "optFlatMap", "bind",
  ]

  let reader: NodeReader
  let workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>
  let unavailable: Set<String>

  package init(
    reader: NodeReader, workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>,
    unavailable: Set<String>
  ) {
    self.reader = reader
    self.workflows = workflows
    self.unavailable = unavailable
  }

  /// The lookups of `node`, in file order, each with the CEL function rules may call.
  package func decode(_ node: YAMLNode) -> [DecodedLookup] {
    guard let map = reader.namedEntries(node, "'lookups'") else { return [] }
    return map.entries.compactMap { lookup($0.key, $0.value) }
  }

  private func lookup(_ name: Located<String>, _ node: YAMLNode) -> DecodedLookup? {
    let what = "lookup '\(name.value)'"
    let usableName = check(name)
    guard let map = reader.mapping(node, what, keys: Self.keys) else { return nil }
    let keyNames = keyNames(map, what)
    var workflow: WorkflowDefinition?
    if let id = reader.string(in: map, "workflow", required: true, of: what) {
      workflow = workflows[WorkflowID(id.value)]
      if workflow == nil, !unavailable.contains(id.value) {
        reader.bag.add(
          .unknownWorkflow(id.value, known: workflows.keys.map(\.rawValue), at: id.span))
      }
    }
    let names = workflow.map(WorkflowNames.init)
    var keys: [FieldDefinition?] = []
    var seen = Set<String>()
    for key in keyNames {
      if !seen.insert(key.value).inserted { reader.bag.add(.duplicateLookupKey(key.value, at: key.span)) }
      keys.append(names.flatMap { $0.field(key, into: &reader.bag) })
    }
    guard usableName else { return nil }
    // A lookup with problems still declares its function (untyped where a key is unknown), so
    // the rules that call it are checked, and not also told the function does not exist.
    let types = keys.map { $0?.type.celType ?? .dyn }
    let function = CELFunction(
      name.value,
      overloads: [CELOverload("lookup_\(name.value)", types, .list(.map(.string, .dyn)))])
    let complete = keys.compactMap { $0 }
    let definition = workflow.flatMap { w in
      complete.count == keyNames.count && !keys.isEmpty
        ? LookupDefinition(name: name.value, workflow: w.id, keys: complete, span: name.span)
        : nil
    }
    return DecodedLookup(name: name, function: function, definition: definition)
  }

  /// `key: [a, b]`, or `key: a` for one field; at least one.
  private func keyNames(_ map: YAMLMap, _ what: String) -> [Located<String>] {
    guard let node = reader.required(map, "key", in: what) else { return [] }
    let names =
      node.scalar != nil
      ? reader.string(node, "'key'").map { [$0] } ?? [] : reader.strings(node, "'key'") ?? []
    if names.isEmpty, node.sequence != nil { reader.bag.add(.emptyLookupKey(at: node.span)) }
    return names
  }

  /// Whether `name` can be a CEL function of rule expressions (reports why not).
  private func check(_ name: Located<String>) -> Bool {
    guard IdentifierSyntax.isLookupName(name.value) else {
      reader.bag.add(
        .invalidID(
          "lookup name", name.value, rule: "a lower-case letter, then a-z, 0-9 or '_'",
          at: name.span))
      return false
    }
    if ExpressionCompiler.builtInVariables.keys.contains(name.value) {
      reader.bag.add(.lookupNameClash(name.value, with: "a built-in variable", at: name.span))
      return false
    }
    if Self.macros.contains(name.value) || CheckerDeclarations.all.declaresFunction(named: name.value)
    {
      reader.bag.add(.lookupNameClash(name.value, with: "a CEL function", at: name.span))
      return false
    }
    if let owner = workflows.values.first(where: { $0.fields[FieldName(name.value)] != nil }) {
      reader.bag.add(
        .lookupNameClash(name.value, with: "a field of workflow '\(owner.id)'", at: name.span))
      return false
    }
    return true
  }
}

/// A lookup as read: its name, the CEL function rules see, and the definition the store
/// indexes (nil when the lookup has errors).
package struct DecodedLookup: Sendable {
  package var name: Located<String>
  package var function: CELFunction
  package var definition: LookupDefinition?
}

extension IdentifierSyntax {
  /// A lookup name: `[a-z][a-z0-9_]*`, a CEL function name that is also a folder name.
  package static func isLookupName(_ s: String) -> Bool {
    let u = s.unicodeScalars
    guard let first = u.first, ("a"..."z").contains(first), s.utf8.count <= 64,
      !celReserved.contains(s)
    else { return false }
    return u.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }
}

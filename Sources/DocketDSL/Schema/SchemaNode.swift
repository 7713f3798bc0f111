/// One place in a definition file, described once for `docket schema`: what may be written
/// there, and the words an editor shows while the owner types.
///
/// Mappings with fixed keys take their key list from the decoder that reads them
/// (``SchemaObject``), so a key the decoder accepts cannot be missing from the schema without
/// ``SchemaObject/gaps`` saying so (a test keeps the list empty).
package indirect enum SchemaNode: Sendable {
  /// Any scalar, read as text (a label, a message, a CEL expression): YAML may read `2024`
  /// or `true` as a number or a bool, and Docket takes the text all the same.
  case text(String)
  /// A string matching `pattern` (ids, durations, times).
  case string(String, pattern: String? = nil)
  /// One of fixed words.
  case oneOf([String], String)
  case boolean(String)
  case integer(String, minimum: Int? = nil, maximum: Int? = nil)
  case number(String)
  case list(of: SchemaNode, String, minItems: Int? = nil)
  /// A mapping with fixed keys.
  case object(SchemaObject)
  /// A mapping whose keys the owner chooses (`states:`, `fields:`, `staff:`).
  case entries(keyPattern: String?, value: SchemaNode, String)
  /// Any of several shapes (`to:` is a state or a list of branches).
  case anyOf([SchemaNode], String)
  /// A shape defined once under `$defs` (an action, a list of names).
  case reference(String)
  /// The node, or an empty value (`responded:` with nothing after it).
  case orNull(SchemaNode)
  /// Anything (a field value whose type depends on the workflow).
  case anything(String)
}

/// A mapping with a fixed set of keys, read by one decoder.
package struct SchemaObject: Sendable {
  package var description: String
  /// The keys the decoder accepts, in its order: pass the decoder's own list.
  package var keys: [String]
  package var properties: [String: SchemaNode]
  package var required: [String]
  /// Keys of which exactly one must be present (an action's kind).
  package var exactlyOne: [String]
  /// Keys that are only allowed beside another (`message` needs `notify`).
  package var dependentRequired: [String: [String]]
  /// A kind of ``exactlyOne`` that is also an option of another kind (a rule's `assign`
  /// beside `start` names the started ticket's role): kind -> the kind it may accompany.
  package var alsoOptionOf: [String: String]

  package init(
    _ description: String, keys: [String], required: [String] = [], exactlyOne: [String] = [],
    dependentRequired: [String: [String]] = [:], alsoOptionOf: [String: String] = [:],
    properties: [String: SchemaNode]
  ) {
    self.description = description
    self.keys = keys
    self.properties = properties
    self.required = required
    self.exactlyOne = exactlyOne
    self.dependentRequired = dependentRequired
    self.alsoOptionOf = alsoOptionOf
  }

  /// Keys the decoder accepts that have no description here, and described keys the decoder
  /// does not accept: both mean the schema has drifted from the decoder.
  package var gaps: [String] {
    let known = Set(keys)
    return keys.filter { properties[$0] == nil }.map { "'\($0)' is accepted but not described" }
      + properties.keys.filter { !known.contains($0) }.sorted()
      .map { "'\($0)' is described but not accepted" }
      + (required + exactlyOne + Array(dependentRequired.keys)).filter { !known.contains($0) }
      .map { "'\($0)' is required but not accepted" }
  }
}

/// One schema file: a kind of definition file and the shapes its parts share.
package struct SchemaDocument: Sendable {
  /// The file name stem: `workflow` → `workflow.schema.json`.
  package var name: String
  package var title: String
  package var root: SchemaNode
  /// Shared shapes, by name, in output order.
  package var definitions: [(name: String, node: SchemaNode)]

  package init(
    name: String, title: String, root: SchemaNode,
    definitions: [(name: String, node: SchemaNode)] = []
  ) {
    self.name = name
    self.title = title
    self.root = root
    self.definitions = definitions
  }

  package var fileName: String { "\(name).schema.json" }

  /// Every drift between this schema and the decoders, as "where: what".
  package var gaps: [String] {
    var out: [String] = []
    func walk(_ node: SchemaNode, _ path: String) {
      switch node {
      case .object(let object):
        out += object.gaps.map { "\(name) \(path): \($0)" }
        for key in object.keys { object.properties[key].map { walk($0, "\(path)/\(key)") } }
      case .list(let item, _, _): walk(item, "\(path)[]")
      case .entries(_, let value, _): walk(value, "\(path)/*")
      case .anyOf(let nodes, _): for n in nodes { walk(n, path) }
      case .orNull(let n): walk(n, path)
      default: break
      }
    }
    walk(root, "")
    for (defName, node) in definitions { walk(node, "$defs/\(defName)") }
    return out
  }

  /// Every key list of a fixed-key mapping in this schema (for the drift test).
  package var keyLists: [[String]] {
    var out: [[String]] = []
    func walk(_ node: SchemaNode) {
      switch node {
      case .object(let object):
        out.append(object.keys)
        for key in object.keys { object.properties[key].map(walk) }
      case .list(let item, _, _): walk(item)
      case .entries(_, let value, _): walk(value)
      case .anyOf(let nodes, _): nodes.forEach(walk)
      case .orNull(let n): walk(n)
      default: break
      }
    }
    walk(root)
    definitions.forEach { walk($0.node) }
    return out
  }
}

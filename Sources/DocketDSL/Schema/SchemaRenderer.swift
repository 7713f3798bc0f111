import DocketModel

/// Writes a ``SchemaDocument`` as a JSON Schema (draft 2020-12) text: keys in a fixed,
/// readable order and two-space indentation, so the committed files are stable and diffable
/// on every platform (Foundation's pretty printer differs between macOS and Linux).
package enum SchemaRenderer {
  package static let draft = "https://json-schema.org/draft/2020-12/schema"

  package static func render(_ document: SchemaDocument) -> String {
    json(document).text(indent: "") + "\n"
  }

  static func json(_ node: SchemaNode) -> OrderedJSON {
    switch node {
    case .text(let about):
      return .object([
        ("description", .string(about)),
        ("type", .array([.string("string"), .string("number"), .string("boolean")])),
      ])
    case .string(let about, let pattern):
      return .object(
        [("description", .string(about)), ("type", .string("string"))]
          + (pattern.map { [("pattern", .string($0))] } ?? []))
    case .oneOf(let words, let about):
      return .object([("description", .string(about)), ("enum", .array(words.map(OrderedJSON.string)))])
    case .boolean(let about):
      return .object([("description", .string(about)), ("type", .string("boolean"))])
    case .integer(let about, let minimum, let maximum):
      return .object(
        [("description", .string(about)), ("type", .string("integer"))]
          + (minimum.map { [("minimum", .int($0))] } ?? [])
          + (maximum.map { [("maximum", .int($0))] } ?? []))
    case .number(let about):
      return .object([("description", .string(about)), ("type", .string("number"))])
    case .list(let item, let about, let minItems):
      return .object(
        [("description", .string(about)), ("type", .string("array")), ("items", json(item))]
          + (minItems.map { [("minItems", .int($0))] } ?? []))
    case .object(let object):
      return json(object)
    case .entries(let keyPattern, let value, let about):
      return .object(
        [("description", .string(about)), ("type", .string("object"))]
          + (keyPattern.map { [("propertyNames", .object([("pattern", .string($0))]))] } ?? [])
          + [("additionalProperties", json(value))])
    case .anyOf(let nodes, let about):
      return .object([("description", .string(about)), ("anyOf", .array(nodes.map(json)))])
    case .reference(let name):
      return .object([("$ref", .string("#/$defs/\(name)"))])
    case .orNull(let inner):
      // `"type": [..., "null"]` where the inner node has a type, so an editor's message
      // names the real mistake instead of "not valid under any of the given schemas".
      var members = json(inner).members
      if let index = members.firstIndex(where: { $0.0 == "type" }) {
        switch members[index].1 {
        case .string(let type): members[index].1 = .array([.string(type), .string("null")])
        case .array(let types): members[index].1 = .array(types + [.string("null")])
        default: break
        }
        return .object(members)
      }
      return .object([("anyOf", .array([json(inner), .object([("type", .string("null"))])]))])
    case .anything(let about):
      return .object([("description", .string(about))])
    }
  }

  private static func json(_ object: SchemaObject) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("description", .string(object.description)), ("type", .string("object")),
      ("properties", .object(object.keys.compactMap { key in object.properties[key].map { (key, json($0)) } })),
      ("additionalProperties", .bool(false)),
    ]
    if !object.required.isEmpty {
      members.append(("required", .array(object.required.map(OrderedJSON.string))))
    }
    if !object.exactlyOne.isEmpty {
      let choices = object.exactlyOne.map { kind -> OrderedJSON in
        var choice: [(String, OrderedJSON)] = [("required", .array([.string(kind)]))]
        if let owner = object.alsoOptionOf[kind] {
          choice.append(("not", .object([("required", .array([.string(owner)]))])))
        }
        return .object(choice)
      }
      members.append(("oneOf", .array(choices)))
    }
    if !object.dependentRequired.isEmpty {
      let pairs = object.keys.compactMap { key in
        object.dependentRequired[key].map { (key, OrderedJSON.array($0.map(OrderedJSON.string))) }
      }
      members.append(("dependentRequired", .object(pairs)))
    }
    return .object(members)
  }
}

/// JSON whose objects keep their members in the order given.
package indirect enum OrderedJSON: Sendable {
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  var members: [(String, OrderedJSON)] {
    if case .object(let members) = self { return members }
    return []
  }

  package func text(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .string(let s): return JSONWriter.quoted(s)
    case .int(let i): return String(i)
    case .bool(let b): return b ? "true" : "false"
    case .array(let items):
      if items.isEmpty { return "[]" }
      // Short lists of scalars stay on one line (`"type": ["string", "number"]`).
      if items.allSatisfy(\.isScalar) {
        let line = "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
        if line.count <= 80 { return line }
      }
      return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      return "{\n"
        + members.map { inner + JSONWriter.quoted($0.0) + ": " + $0.1.text(indent: inner) }
        .joined(separator: ",\n") + "\n\(indent)}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .string, .int, .bool: true
    case .array, .object: false
    }
  }
}

extension OrderedJSON {
  /// The same value as a ``JSONValue`` (members unordered), for `--json` output.
  package var jsonValue: JSONValue {
    switch self {
    case .string(let s): .string(s)
    case .int(let i): .int(Int64(i))
    case .bool(let b): .bool(b)
    case .array(let items): .array(items.map(\.jsonValue))
    case .object(let members):
      .object(Dictionary(members.map { ($0.0, $0.1.jsonValue) }, uniquingKeysWith: { a, _ in a }))
    }
  }
}

extension SchemaRenderer {
  /// The whole document as ordered JSON (what ``render(_:)`` writes).
  package static func json(_ document: SchemaDocument) -> OrderedJSON {
    var members: [(String, OrderedJSON)] = [
      ("$schema", .string(draft)),
      ("title", .string(document.title)),
    ]
    members += json(document.root).members
    if !document.definitions.isEmpty {
      members.append(("$defs", .object(document.definitions.map { ($0.name, json($0.node)) })))
    }
    return .object(members)
  }
}

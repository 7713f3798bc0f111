import DocketDiagnostics
import DocketModel
import Foundation
import OrderedCollections

/// Reading `fields:`: types, labels, `required`, `default` (of the field's own type),
/// enum `values`, and `min`/`max` bounds.
extension WorkflowDecoder {
  static let fieldKeys = ["type", "label", "required", "default", "values", "min", "max"]

  func decodeFields(_ node: YAMLNode) -> OrderedDictionary<FieldName, FieldDefinition> {
    guard let map = reader.namedEntries(node, "'fields'") else { return [:] }
    var fields: OrderedDictionary<FieldName, FieldDefinition> = [:]
    for (name, value) in map.entries {
      checkFieldName(name)
      guard let field = decodeField(name, value), fields[field.name] == nil else { continue }
      fields[field.name] = field
    }
    return fields
  }

  private func checkFieldName(_ name: Located<String>) {
    if ExpressionCompiler.builtInVariables.keys.contains(name.value) {
      reader.bag.add(.fieldShadowsVariable(name.value, at: name.span))
    } else if !IdentifierSyntax.isFieldName(name.value) {
      reader.bag.add(
        .invalidID(
          "field name", name.value,
          rule: "a CEL identifier (a letter or '_', then letters, digits or '_'; not a CEL keyword)",
          at: name.span))
    }
  }

  private func decodeField(_ name: Located<String>, _ node: YAMLNode) -> FieldDefinition? {
    let what = "field '\(name.value)'"
    guard let map = reader.mapping(node, what, keys: Self.fieldKeys) else { return nil }
    var type = FieldType.string
    if let typeName = reader.string(in: map, "type", required: true, of: what) {
      if let known = FieldType(name: typeName.value) {
        type = known
      } else {
        reader.bag.add(.unknownFieldType(typeName.value, at: typeName.span))
      }
    }
    if case .enum = type {
      let values = reader.strings(in: map, "values", of: what)?.map(\.value) ?? []
      if values.isEmpty { reader.bag.add(.enumWithoutValues(name.value, at: map.keySpan("type") ?? name.span)) }
      type = .enum(values)
    } else if let span = map.keySpan("values") {
      reader.bag.add(.keyOnlyFor("values", types: "enum", field: name.value, at: span))
    }
    var minimum: Double?
    var maximum: Double?
    for key in ["min", "max"] where map.has(key) {
      guard type == .int || type == .number else {
        if let span = map.keySpan(key) {
          reader.bag.add(.keyOnlyFor(key, types: "int and number", field: name.value, at: span))
        }
        continue
      }
      let bound = reader.number(in: map, key, of: what)?.value
      if key == "min" { minimum = bound } else { maximum = bound }
    }
    let defaultValue = map["default"].flatMap { decodeDefault($0, of: name.value, type: type) }
    if let number = defaultValue?.doubleValue, let node = map["default"],
      number < (minimum ?? -.infinity) || number > (maximum ?? .infinity)
    {
      reader.bag.add(
        .defaultOutOfRange(
          name.value, text: node.scalar?.text ?? "", min: minimum, max: maximum, at: node.span))
    }
    return FieldDefinition(
      name: FieldName(name.value), type: type,
      label: reader.string(in: map, "label", of: what)?.value,
      isRequired: reader.bool(in: map, "required", of: what)?.value ?? false,
      defaultValue: defaultValue, minimum: minimum, maximum: maximum, span: name.span)
  }

  /// The default as a value of the field's type, or nil after reporting why it is not one.
  private func decodeDefault(_ node: YAMLNode, of field: String, type: FieldType) -> JSONValue? {
    let invalid = { (found: String) -> JSONValue? in
      reader.bag.add(.invalidDefault(field, type: type, found: found, at: node.span))
      return nil
    }
    if case .list = type {
      guard let items = node.sequence else { return invalid(Diagnostic.describe(node)) }
      var values: [JSONValue] = []
      for item in items {
        guard let text = item.scalar?.text, !item.isNull else {
          return invalid(Diagnostic.describe(item))
        }
        values.append(.string(text))
      }
      return .array(values)
    }
    guard let text = node.scalar?.text else { return invalid(Diagnostic.describe(node)) }
    switch type {
    case .string, .text:
      return .string(text)
    case .int:
      return Int64(text).map(JSONValue.int) ?? invalid("'\(text)'")
    case .number:
      guard let d = Double(text), d.isFinite else { return invalid("'\(text)'") }
      return Int64(text).map(JSONValue.int) ?? .double(d)
    case .bool:
      switch text {
      case "true", "True", "TRUE": return .bool(true)
      case "false", "False", "FALSE": return .bool(false)
      default: return invalid("'\(text)'")
      }
    case .enum(let values):
      guard values.contains(text) else {
        reader.bag.add(.enumDefaultNotInValues(field, value: text, values: values, at: node.span))
        return nil
      }
      return .string(text)
    case .date:
      return Self.isDate(text) ? .string(text) : invalid("'\(text)' (write YYYY-MM-DD)")
    case .datetime:
      return RFC3339.parse(text) != nil
        ? .string(text) : invalid("'\(text)' (write RFC 3339 with an offset)")
    case .duration:
      return DocketDuration(parsing: text).map { .string($0.description) }
        ?? invalid("'\(text)' (write it like 90m, 2h, 1h30m or 3d)")
    case .list:
      return nil
    }
  }

  /// `YYYY-MM-DD` naming a real day.
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
    else { return false }
    let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...days[m - 1]).contains(d)
  }
}

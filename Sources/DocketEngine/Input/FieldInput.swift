import DocketModel

/// The values a person gives a step: text from `--set K=V`, or typed values from fixtures
/// and JSON. The engine parses and checks each against its field's type (``FieldValueParser``).
public struct FieldInput: Sendable, Hashable, ExpressibleByDictionaryLiteral {
  /// One given value, before it is checked against the field's type.
  public enum Value: Sendable, Hashable {
    /// Text as typed on the command line; parsed by the field's type. Empty text clears the
    /// field.
    case text(String)
    /// A typed value (from a fixture or JSON). A string given for a non-text field is parsed
    /// as if it were typed.
    case value(JSONValue)
  }

  public var values: [FieldName: Value]

  public init(_ values: [FieldName: Value] = [:]) { self.values = values }

  public init(dictionaryLiteral elements: (FieldName, Value)...) {
    self.values = Dictionary(elements, uniquingKeysWith: { _, b in b })
  }

  /// From `K=V` texts, as `--set` gives them; a later `K` replaces an earlier one.
  public init(text pairs: [(String, String)]) {
    self.values = Dictionary(
      pairs.map { (FieldName($0.0), Value.text($0.1)) }, uniquingKeysWith: { _, b in b })
  }

  public static let none = FieldInput()

  public var isEmpty: Bool { values.isEmpty }
}

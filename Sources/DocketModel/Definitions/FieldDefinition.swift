import CEL
import DocketDiagnostics

/// The type of a ticket field, as written in `fields:` (contract §2).
public enum FieldType: Sendable, Hashable {
  case string
  case text
  case int
  case number
  case bool
  case `enum`([String])
  /// A calendar date `YYYY-MM-DD`, stored as that string.
  case date
  /// An instant, stored as RFC 3339 with offset.
  case datetime
  /// A length of time, stored as `1h30m` text.
  case duration
  /// A list of strings.
  case list

  /// The type names accepted in YAML, in the order the docs list them.
  public static let names = [
    "string", "text", "int", "number", "bool", "enum", "date", "datetime", "duration", "list",
  ]

  /// The type a `type:` name means (one of ``names``); `enum` with no values yet, since
  /// they are given apart.
  public init?(name: String) {
    switch name {
    case "string": self = .string
    case "text": self = .text
    case "int": self = .int
    case "number": self = .number
    case "bool": self = .bool
    case "enum": self = .enum([])
    case "date": self = .date
    case "datetime": self = .datetime
    case "duration": self = .duration
    case "list": self = .list
    default: return nil
    }
  }

  public var name: String {
    switch self {
    case .string: "string"
    case .text: "text"
    case .int: "int"
    case .number: "number"
    case .bool: "bool"
    case .enum: "enum"
    case .date: "date"
    case .datetime: "datetime"
    case .duration: "duration"
    case .list: "list"
    }
  }

  /// The CEL type an expression sees for this field.
  ///
  /// `date` is a string (`"2026-03-02"`, so `visit_date < "2026-04-01"` compares correctly);
  /// `datetime` is a timestamp and `duration` a duration, so `now - created_at > duration("24h")`
  /// type-checks.
  public var celType: CELType {
    switch self {
    case .string, .text, .enum, .date: .string
    case .int: .int
    case .number: .double
    case .bool: .bool
    case .datetime: .timestamp
    case .duration: .duration
    case .list: .list(.string)
    }
  }
}

/// One field of a workflow's ticket data.
public struct FieldDefinition: Sendable {
  public var name: FieldName
  public var type: FieldType
  public var label: String?
  /// Required at creation (contract §2); later steps use `require:`.
  public var isRequired: Bool
  /// The value given at creation when none is supplied, already of the field's type.
  public var defaultValue: JSONValue?
  /// Bounds for `int` and `number`.
  public var minimum: Double?
  public var maximum: Double?
  public var span: SourceSpan?

  public init(
    name: FieldName, type: FieldType, label: String? = nil, isRequired: Bool = false,
    defaultValue: JSONValue? = nil, minimum: Double? = nil, maximum: Double? = nil,
    span: SourceSpan? = nil
  ) {
    self.name = name
    self.type = type
    self.label = label
    self.isRequired = isRequired
    self.defaultValue = defaultValue
    self.minimum = minimum
    self.maximum = maximum
    self.span = span
  }

  /// The label if there is one, else the field's id.
  public var displayName: String { label ?? name.rawValue }
}

/// A CEL type, as the checker deduces it and as type values (`type(1) == int`) carry it.
///
/// `description` prints cel-go's notation: `list(int)`, `map(string, dyn)`,
/// `google.protobuf.Timestamp`, `optional_type(int)`. The checker's helpers (parsing type
/// strings, unification) live in `Types/`.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
  case dyn, null, bool, int, uint, double, string, bytes, duration, timestamp
  case list(CELType)
  case map(CELType, CELType)
  case type(CELType)
  case optional(CELType)
  case typeParam(String)
  /// A named type with parameters that only the checker knows (`tuple(int, string)`),
  /// declared by custom functions.
  case opaque(String, [CELType])
  case error

  public var description: String {
    switch self {
    case .dyn: "dyn"
    case .null: "null_type"
    case .bool: "bool"
    case .int: "int"
    case .uint: "uint"
    case .double: "double"
    case .string: "string"
    case .bytes: "bytes"
    case .duration: "google.protobuf.Duration"
    case .timestamp: "google.protobuf.Timestamp"
    case .list(let e): "list(\(e))"
    case .map(let k, let v): "map(\(k), \(v))"
    case .type(let t): "type(\(t))"
    case .optional(let t): "optional_type(\(t))"
    case .typeParam(let name): name
    case .opaque(let name, let params):
      params.isEmpty ? name : "\(name)(" + params.map(\.description).joined(separator: ", ") + ")"
    case .error: "*error*"
    }
  }

  /// The name of the type as a runtime type value shows it: parameters dropped
  /// (`list`, `map`, `type`, `optional_type`), as the conformance encoding `{"type": "list"}`.
  public var runtimeName: String {
    switch self {
    case .list: "list"
    case .map: "map"
    case .type: "type"
    case .optional: "optional_type"
    case .opaque(let name, _): name
    default: description
    }
  }

  /// The type a runtime type value stands for, from its name (`int`, `list`,
  /// `google.protobuf.Timestamp`, ...); nil for names that are not types.
  public init?(runtimeName name: String) {
    switch name {
    case "dyn": self = .dyn
    case "null_type": self = .null
    case "bool": self = .bool
    case "int": self = .int
    case "uint": self = .uint
    case "double": self = .double
    case "string": self = .string
    case "bytes": self = .bytes
    case "google.protobuf.Duration": self = .duration
    case "google.protobuf.Timestamp": self = .timestamp
    case "list": self = .list(.dyn)
    case "map": self = .map(.dyn, .dyn)
    case "type": self = .type(.dyn)
    case "optional_type": self = .optional(.dyn)
    default: return nil
    }
  }
}

/// A CEL value. Errors are values too, so `&&`, `||` and `?:` can absorb them as the spec
/// requires (`false && 1/0 > 0` is `false`).
///
/// `==` on `CELValue` is structural identity (handy in tests: `.int(1) != .double(1)`);
/// CEL's own heterogeneous equality, where `1 == 1.0 == 1u`, is ``celEquals(_:)``.
public enum CELValue: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case bytes([UInt8])
  case list([CELValue])
  case map(CELMap)
  case timestamp(CELTimestamp)
  case duration(CELDuration)
  case type(CELType)
  /// An optional value (`optional.of(x)`, `m.?k`); `nil` is `optional.none()`.
  indirect case optional(CELValue?)
  case error(CELError)

  /// The runtime type, as `type(x)` reports it.
  public var celType: CELType {
    switch self {
    case .null: .null
    case .bool: .bool
    case .int: .int
    case .uint: .uint
    case .double: .double
    case .string: .string
    case .bytes: .bytes
    case .list: .list(.dyn)
    case .map: .map(.dyn, .dyn)
    case .timestamp: .timestamp
    case .duration: .duration
    case .type(let t): .type(t)
    case .optional: .optional(.dyn)
    case .error: .error
    }
  }

  /// True for `.error`.
  public var isError: Bool {
    if case .error = self { return true }
    return false
  }
}

extension CELValue: Equatable {
  public static func == (a: CELValue, b: CELValue) -> Bool {
    switch (a, b) {
    case (.null, .null): true
    case (.bool(let x), .bool(let y)): x == y
    case (.int(let x), .int(let y)): x == y
    case (.uint(let x), .uint(let y)): x == y
    case (.double(let x), .double(let y)): x == y || (x.isNaN && y.isNaN)
    case (.string(let x), .string(let y)): CELValue.sameScalars(x, y)
    case (.bytes(let x), .bytes(let y)): x == y
    case (.list(let x), .list(let y)): x == y
    case (.map(let x), .map(let y)): x == y
    case (.timestamp(let x), .timestamp(let y)): x == y
    case (.duration(let x), .duration(let y)): x == y
    case (.type(let x), .type(let y)): x.runtimeName == y.runtimeName
    case (.optional(let x), .optional(let y)): x == y
    case (.error(let x), .error(let y)): x.message == y.message
    default: false
    }
  }
}

extension CELValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (CELValue, CELValue)...) {
    var map = CELMap()
    for (k, v) in elements { map[k] = v }
    self = .map(map)
  }
}

extension CELValue: CustomStringConvertible {
  /// A CEL-like rendering for messages and debugging (`[1, "a"]`, `{"k": 2u}`).
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d): return CELValue.formatDouble(d)
    case .string(let s): return CELValue.quote(s)
    case .bytes(let b): return "b\"" + b.map { byteEscape($0) }.joined() + "\""
    case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
    case .map(let m):
      return "{" + m.entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .timestamp(let t): return "timestamp(\"\(t)\")"
    case .duration(let d): return "duration(\"\(d)\")"
    case .type(let t): return t.runtimeName
    case .optional(let o): return o.map { "optional.of(\($0))" } ?? "optional.none()"
    case .error(let e): return "error(\(e.message))"
    }
  }

  /// Doubles print as CEL reads them back: `1.0`, `1e+100`, `NaN`, `-Infinity`.
  static func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    return "\(d)"
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          out += "\\x" + hex2(UInt8(u.value))
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}

private func hex2(_ b: UInt8) -> String {
  let digits = Array("0123456789abcdef")
  return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}

private func byteEscape(_ b: UInt8) -> String {
  switch b {
  case 0x22: "\\\""
  case 0x5C: "\\\\"
  case 0x20...0x7E: String(UnicodeScalar(b))
  default: "\\x" + hex2(b)
  }
}

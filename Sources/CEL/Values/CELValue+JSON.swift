/// Plain JSON <-> CEL values. JSON does not say whether `3` is an int or a double, so reading
/// takes a type hint: with `.int` a JSON number must be integral; with `.dyn` every number
/// is a double (as protobuf's `Value`). Timestamps, durations and bytes travel as strings
/// (RFC 3339, `1.5s`, base64).
extension CELValue {
  /// Reads plain JSON text as a value of the given type.
  public init(jsonText: String, as type: CELType = .dyn) throws(CELJSONError) {
    try self.init(json: CELJSON(parsing: jsonText), as: type)
  }

  // swiftlint:disable:next cyclomatic_complexity
  public init(json: CELJSON, as type: CELType = .dyn) throws(CELJSONError) {
    func mismatch() -> CELJSONError {
      CELJSONError("expected \(type), found JSON \(json.text.prefix(40))")
    }
    switch (type, json) {
    case (_, .null): self = .null
    case (.dyn, .bool(let b)), (.bool, .bool(let b)): self = .bool(b)
    case (.dyn, .string(let s)), (.string, .string(let s)): self = .string(s)
    case (.dyn, .number(let n)), (.double, .number(let n)):
      guard let d = Double(n) else { throw mismatch() }
      self = .double(d)
    case (.int, .number(let n)):
      if let i = Int64(n) {
        self = .int(i)
      } else if let d = Double(n), d.rounded() == d, abs(d) < 9.2e18 {
        self = .int(Int64(d))
      } else {
        throw CELJSONError("expected an integer, found \(n)")
      }
    case (.uint, .number(let n)):
      if let u = UInt64(n) {
        self = .uint(u)
      } else if let d = Double(n), d.rounded() == d, d >= 0, d < 1.8e19 {
        self = .uint(UInt64(d))
      } else {
        throw CELJSONError("expected an unsigned integer, found \(n)")
      }
    case (.bytes, .string(let s)):
      guard let b = Base64.decode(s) else { throw CELJSONError("invalid base64: \(s.prefix(40))") }
      self = .bytes(b)
    case (.timestamp, .string(let s)):
      guard let t = CELTimestamp(parsing: s) else { throw CELJSONError("invalid timestamp: \(s)") }
      self = .timestamp(t)
    case (.duration, .string(let s)):
      guard let d = CELDuration(parsing: s) else { throw CELJSONError("invalid duration: \(s)") }
      self = .duration(d)
    case (.dyn, .array(let items)), (.list, .array(let items)):
      var element = CELType.dyn
      if case .list(let e) = type { element = e }
      var out: [CELValue] = []
      for v in items { out.append(try CELValue(json: v, as: element)) }
      self = .list(out)
    case (.dyn, .object(let members)), (.map, .object(let members)):
      var (keyType, valueType) = (CELType.string, CELType.dyn)
      if case .map(let k, let v) = type { (keyType, valueType) = (k, v) }
      var map = CELMap()
      for m in members {
        let key: CELValue
        switch keyType {
        case .int:
          guard let i = Int64(m.key) else { throw mismatch() }
          key = .int(i)
        case .uint:
          guard let u = UInt64(m.key) else { throw mismatch() }
          key = .uint(u)
        case .bool where m.key == "true" || m.key == "false": key = .bool(m.key == "true")
        default: key = .string(m.key)
        }
        map[key] = try CELValue(json: m.value, as: valueType)
      }
      self = .map(map)
    case (.optional(let inner), _): self = .optional(try CELValue(json: json, as: inner))
    default:
      throw mismatch()
    }
  }

  /// Plain JSON for a value; errors, NaN and infinities have no JSON form.
  public func toJSON() throws(CELJSONError) -> CELJSON {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .number(String(i))
    case .uint(let u): return .number(String(u))
    case .double(let d):
      guard d.isFinite else { throw CELJSONError("\(CELValue.formatDouble(d)) has no JSON form") }
      return .number(JSONNumber.format(d))
    case .string(let s): return .string(s)
    case .bytes(let b): return .string(Base64.encode(b))
    case .list(let l):
      var out: [CELJSON] = []
      for v in l { out.append(try v.toJSON()) }
      return .array(out)
    case .map(let m):
      var out: [CELJSON.Member] = []
      for e in m.entries {
        let key: String
        switch e.key {
        case .string(let s): key = s
        default: key = e.key.description
        }
        out.append(.init(key, try e.value.toJSON()))
      }
      return .object(out)
    case .timestamp(let t): return .string(t.description)
    case .duration(let d): return .string(Conversions.durationString(d))
    case .type(let t): return .string(t.runtimeName)
    case .optional(let o): return try o?.toJSON() ?? .null
    case .error(let e): throw CELJSONError(e.message)
    }
  }
}

enum JSONNumber {
  /// Shortest round-tripping form, with `.0` kept off integral values only when exact.
  static func format(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 {
      return d == 0 && d.sign == .minus ? "-0.0" : String(Int64(d)) + ".0"
    }
    return "\(d)"
  }
}

/// Standard base64 (RFC 4648, padded), as the conformance encoding and `bytes` in JSON use.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
      let b0 = bytes[i]
      let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
      let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
      out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func decode(_ text: String) -> [UInt8]? {
    var values: [UInt8] = []
    var padding = 0
    for c in text.utf8 {
      if c == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      guard padding == 0 else { return nil }
      switch c {
      case 65...90: values.append(c - 65)
      case 97...122: values.append(c - 71)
      case 48...57: values.append(c + 4)
      case UInt8(ascii: "+"), UInt8(ascii: "-"): values.append(62)
      case UInt8(ascii: "/"), UInt8(ascii: "_"): values.append(63)
      default: return nil
      }
    }
    guard values.count % 4 != 1, padding <= 2 else { return nil }
    var out: [UInt8] = []
    var i = 0
    while i + 1 < values.count {
      let v0 = values[i]
      let v1 = values[i + 1]
      out.append(v0 << 2 | v1 >> 4)
      if i + 2 < values.count {
        let v2 = values[i + 2]
        out.append((v1 & 15) << 4 | v2 >> 2)
        if i + 3 < values.count { out.append((v2 & 3) << 6 | values[i + 3]) }
      }
      i += 4
    }
    return out
  }
}

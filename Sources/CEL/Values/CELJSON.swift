/// A JSON document, kept exact: numbers keep their text (so int64/uint64 survive) and object
/// members keep their order. Used for plain-JSON conversion of values and for the typed
/// encoding of the conformance cases (`{"int": "3"}`).
public indirect enum CELJSON: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number as written (`-12`, `1.5e3`).
  case number(String)
  case string(String)
  case array([CELJSON])
  case object([Member])

  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: CELJSON
    public init(_ key: String, _ value: CELJSON) {
      self.key = key
      self.value = value
    }
  }

  /// The first member with a key, for objects.
  public subscript(key: String) -> CELJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// Parses JSON text; nesting deeper than `maxDepth` is an error, not a stack overflow.
  public init(parsing text: String, maxDepth: Int = 512) throws(CELJSONError) {
    var p = JSONReader(Array(text.utf8), maxDepth: maxDepth)
    self = try p.document()
  }

  /// Compact JSON text (members in order, strings escaped).
  public var text: String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n
    case .string(let s): out += CELJSON.quoted(s)
    case .array(let items):
      out += "["
      for (i, v) in items.enumerated() {
        if i > 0 { out += "," }
        v.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, m) in members.enumerated() {
        if i > 0 { out += "," }
        out += CELJSON.quoted(m.key) + ":"
        m.value.write(to: &out)
      }
      out += "}"
    }
  }

  static func quoted(_ s: String) -> String {
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
          let h = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}

/// Why JSON could not be read or a value could not be converted.
public struct CELJSONError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

private struct JSONReader {
  let b: [UInt8]
  var i = 0
  let maxDepth: Int
  var depth = 0

  init(_ bytes: [UInt8], maxDepth: Int) {
    b = bytes
    self.maxDepth = maxDepth
  }

  mutating func document() throws(CELJSONError) -> CELJSON {
    let v = try value()
    skipSpace()
    guard i == b.count else { throw CELJSONError("unexpected text after JSON value at byte \(i)") }
    return v
  }

  mutating func skipSpace() {
    while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
  }

  mutating func literal(_ word: String, _ v: CELJSON) throws(CELJSONError) -> CELJSON {
    let w = Array(word.utf8)
    guard i + w.count <= b.count, Array(b[i..<i + w.count]) == w else {
      throw CELJSONError("invalid JSON at byte \(i)")
    }
    i += w.count
    return v
  }

  mutating func value() throws(CELJSONError) -> CELJSON {
    skipSpace()
    guard i < b.count else { throw CELJSONError("unexpected end of JSON") }
    switch b[i] {
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "["):
      depth += 1
      defer { depth -= 1 }
      guard depth <= maxDepth else { throw CELJSONError("JSON nested too deeply") }
      i += 1
      var items: [CELJSON] = []
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      }
      while true {
        items.append(try value())
        skipSpace()
        guard i < b.count else { throw CELJSONError("unexpected end of JSON") }
        if b[i] == UInt8(ascii: "]") {
          i += 1
          return .array(items)
        }
        guard b[i] == UInt8(ascii: ",") else { throw CELJSONError("expected ',' at byte \(i)") }
        i += 1
      }
    case UInt8(ascii: "{"):
      depth += 1
      defer { depth -= 1 }
      guard depth <= maxDepth else { throw CELJSONError("JSON nested too deeply") }
      i += 1
      var members: [CELJSON.Member] = []
      skipSpace()
      if i < b.count, b[i] == UInt8(ascii: "}") {
        i += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "\"") else {
          throw CELJSONError("expected a member name at byte \(i)")
        }
        let key = try string()
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ":") else {
          throw CELJSONError("expected ':' at byte \(i)")
        }
        i += 1
        members.append(.init(key, try value()))
        skipSpace()
        guard i < b.count else { throw CELJSONError("unexpected end of JSON") }
        if b[i] == UInt8(ascii: "}") {
          i += 1
          return .object(members)
        }
        guard b[i] == UInt8(ascii: ",") else { throw CELJSONError("expected ',' at byte \(i)") }
        i += 1
      }
    default:
      let start = i
      while i < b.count, "+-0123456789.eE".utf8.contains(b[i]) { i += 1 }
      guard i > start, let text = String(validating: b[start..<i], as: UTF8.self),
        Double(text) != nil
      else { throw CELJSONError("invalid JSON at byte \(start)") }
      return .number(text)
    }
  }

  mutating func hex4() throws(CELJSONError) -> UInt32 {
    guard i + 4 <= b.count else { throw CELJSONError("bad \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = b[i]
      let d: UInt32
      switch c {
      case 48...57: d = UInt32(c - 48)
      case 65...70: d = UInt32(c - 55)
      case 97...102: d = UInt32(c - 87)
      default: throw CELJSONError("bad \\u escape")
      }
      v = v * 16 + d
      i += 1
    }
    return v
  }

  mutating func string() throws(CELJSONError) -> String {
    i += 1
    var bytes: [UInt8] = []
    while true {
      guard i < b.count else { throw CELJSONError("unterminated JSON string") }
      let c = b[i]
      i += 1
      if c == UInt8(ascii: "\"") { break }
      if c != UInt8(ascii: "\\") {
        bytes.append(c)
        continue
      }
      guard i < b.count else { throw CELJSONError("unterminated JSON string") }
      let e = b[i]
      i += 1
      switch e {
      case UInt8(ascii: "n"): bytes.append(10)
      case UInt8(ascii: "t"): bytes.append(9)
      case UInt8(ascii: "r"): bytes.append(13)
      case UInt8(ascii: "b"): bytes.append(8)
      case UInt8(ascii: "f"): bytes.append(12)
      case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): bytes.append(e)
      case UInt8(ascii: "u"):
        var v = try hex4()
        if v >= 0xD800 && v < 0xDC00, i + 1 < b.count, b[i] == UInt8(ascii: "\\"),
          b[i + 1] == UInt8(ascii: "u")
        {
          i += 2
          let lo = try hex4()
          guard lo >= 0xDC00 && lo < 0xE000 else { throw CELJSONError("bad surrogate pair") }
          v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
        }
        guard let u = Unicode.Scalar(v) else { throw CELJSONError("bad \\u escape") }
        bytes.append(contentsOf: Array(String(u).utf8))
      default:
        throw CELJSONError("bad escape in JSON string")
      }
    }
    guard let s = String(validating: bytes, as: UTF8.self) else {
      throw CELJSONError("invalid UTF-8 in JSON string")
    }
    return s
  }
}

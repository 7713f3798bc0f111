import DocketModel

/// Why a file is not valid JSON, with the 1-based line and column (in bytes) of the problem.
package struct JSONSyntaxError: Error, Sendable, Equatable {
  package var line: Int
  package var column: Int
  package var reason: String

  package var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
}

/// Parses JSON bytes into a ``JSONValue``, keeping integers apart from doubles.
///
/// Hand-written because every command reads a ticket file; it works on the raw UTF-8 bytes
/// and has a nesting limit so a hostile file is an error, never a stack overflow.
package struct JSONReader {
  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0
  private static let maxDepth = 256

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The single value in `bytes` (surrounding whitespace allowed).
  package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var reader = JSONReader(bytes)
    // A UTF-8 byte order mark is tolerated: some editors add one.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.i = 3 }
    let value = try reader.value()
    reader.skipSpace()
    guard reader.i == bytes.count else { throw reader.error("unexpected text after the value") }
    return value
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    skipSpace()
    guard i < bytes.count else { throw error("unexpected end of file") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("unexpected character")
    }
  }

  /// An object's members, collected in order and hashed once at the end into a dictionary
  /// of the right size (inserting as they came grew and rehashed it again and again: 40
  /// times for one ticket). As before, a key given twice keeps its last value.
  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1
    var keys: [String] = []
    var values: [JSONValue] = []
    // Most objects in a ticket have up to eight members: one allocation each, not four.
    keys.reserveCapacity(8)
    values.reserveCapacity(8)
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object([:])
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw error("expected a key in quotes")
      }
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
      i += 1
      keys.append(key)
      values.append(try value())
      skipSpace()
      guard i < bytes.count else { throw error("unexpected end of file") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { members[key] = value }
        return .object(members)
      } else {
        throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipSpace()
      guard i < bytes.count else { throw error("unexpected end of file") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
      } else if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(items)
      } else {
        throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Self.maxDepth else { throw error("nested more than \(Self.maxDepth) deep") }
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    i += 1
    let start = i
    var ascii = true
    // Fast path: no escapes, so the bytes between the quotes are the string.
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        // ASCII is UTF-8 as it is: nothing to check.
        let s =
          ascii
          ? bytes[start..<i].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
          : try decodeUTF8(bytes[start..<i])
        i += 1
        return s
      }
      if b == UInt8(ascii: "\\") { break }
      if b < 0x20 { throw error("control character in a string") }
      if b >= 0x80 { ascii = false }
      i += 1
    }
    var out = Array(bytes[start..<i])
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return try decodeUTF8(out[...])
      }
      if b < 0x20 { throw error("control character in a string") }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        i += 1
        continue
      }
      i += 1
      guard i < bytes.count else { break }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(e)
      case UInt8(ascii: "\\"): out.append(e)
      case UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
          else { throw error("unpaired surrogate") }
          i += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
          throw error("unpaired surrogate")
        }
        guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default: throw error("invalid escape")
      }
    }
    throw error("unterminated string")
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard i + 4 <= bytes.count else { throw error("invalid \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[i]
      let d: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
      default: throw error("invalid \\u escape")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }

  /// The string these bytes spell, or an error if they are not UTF-8.
  ///
  /// Not `String(validating:as:)`: that is generic and not specialised in the standard
  /// library, so every call looked up generic metadata (about 2% of a whole `docket advance`).
  /// Decoding from a buffer pointer is specialised; it repairs bad bytes, so a string whose
  /// UTF-8 differs from the input had some.
  ///
  /// The comparison runs over both strings' bytes in place (`elementsEqual` over a string's
  /// UTF-8 view cost ~500 instructions a string).
  private func decodeUTF8(_ slice: ArraySlice<UInt8>) throws(JSONSyntaxError) -> String {
    let valid = slice.withUnsafeBufferPointer { input -> String? in
      var s = String(decoding: input, as: UTF8.self)
      let same = s.withUTF8 { decoded in
        guard decoded.count == input.count else { return false }
        for n in 0..<input.count where decoded[n] != input[n] { return false }
        return true
      }
      return same ? s : nil
    }
    guard let valid else { throw error("invalid UTF-8") }
    return valid
  }

  private mutating func number() throws(JSONSyntaxError) -> JSONValue {
    let start = i
    var isInteger = true
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    let digitsStart = i
    while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
    guard i > digitsStart else { throw error("invalid number") }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      isInteger = false
      i += 1
      let f = i
      while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
      guard i > f else { throw error("invalid number") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      isInteger = false
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      let e = i
      while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
      guard i > e else { throw error("invalid number") }
    }
    let text = String(decoding: bytes[start..<i], as: UTF8.self)
    if isInteger, let v = Int64(text) { return .int(v) }
    guard let d = Double(text) else { throw error("invalid number") }
    return .double(d)
  }

  private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard i + w.count <= bytes.count, bytes[i..<i + w.count].elementsEqual(w) else {
      throw error("unexpected character")
    }
    i += w.count
  }

  private mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  private func error(_ reason: String) -> JSONSyntaxError {
    var line = 1
    var column = 1
    for b in bytes[..<min(i, bytes.count)] {
      if b == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return JSONSyntaxError(line: line, column: column, reason: reason)
  }
}

/// Writes JSON the way instance files are stored: pretty-printed with two-space indents,
/// keys sorted by their UTF-8 bytes, `"key": value`, text kept as UTF-8 (Chinese stays
/// readable, `/` is not escaped).
///
/// Hand-written rather than `JSONEncoder`: a ticket file is written on every command, and
/// this writes straight into a byte buffer with no intermediate containers. It is also the
/// only way to get exactly the layout of contract §5 (Foundation writes `"key" : value`).
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []
  private let pretty: Bool

  /// - Parameter pretty: indented, one member a line (instance files), or compact (outbox
  ///   lines, one JSON object a line).
  package init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// Appends a whole value at the given nesting depth.
  package mutating func write(_ value: JSONValue, depth: Int = 0) {
    switch value {
    case .null: append("null")
    case .bool(let b): append(b ? "true" : "false")
    case .int(let i): append(String(i))
    case .double(let d): writeDouble(d)
    case .string(let s): writeString(s)
    case .array(let items):
      writeArray(items.count, depth: depth) { writer, index in
        writer.write(items[index], depth: depth + 1)
      }
    case .object(let members):
      let keys = members.keys.sorted(by: Self.keyOrder)
      writeObject(keys, depth: depth) { writer, key in
        if let v = members[key] { writer.write(v, depth: depth + 1) }
      }
    }
  }

  /// Appends an object whose members are written by `member`, keys in sorted order.
  package mutating func writeObject(
    _ keys: [String], depth: Int, member: (inout JSONWriter, String) -> Void
  ) {
    guard !keys.isEmpty else { return append("{}") }
    bytes.append(UInt8(ascii: "{"))
    for (n, key) in keys.enumerated() {
      if n > 0 { bytes.append(UInt8(ascii: ",")) }
      newline(depth + 1)
      writeString(key)
      bytes.append(UInt8(ascii: ":"))
      if pretty { bytes.append(UInt8(ascii: " ")) }
      member(&self, key)
    }
    newline(depth)
    bytes.append(UInt8(ascii: "}"))
  }

  /// Appends an array of `count` items written by `item`.
  package mutating func writeArray(
    _ count: Int, depth: Int, item: (inout JSONWriter, Int) -> Void
  ) {
    guard count > 0 else { return append("[]") }
    bytes.append(UInt8(ascii: "["))
    for index in 0..<count {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      newline(depth + 1)
      item(&self, index)
    }
    newline(depth)
    bytes.append(UInt8(ascii: "]"))
  }

  /// Appends `s` as a JSON string literal.
  ///
  /// Runs of bytes that need no escape are copied whole: appending byte by byte checked the
  /// buffer's uniqueness once per byte, most of the cost of writing a ticket.
  package mutating func writeString(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      var start = 0
      for (index, b) in utf8.enumerated() where b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        writeEscape(b)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends `s` as a JSON string literal, or `null`.
  package mutating func writeString(_ s: String?) {
    if let s { writeString(s) } else { append("null") }
  }

  private mutating func writeEscape(_ b: UInt8) {
    switch b {
    case UInt8(ascii: "\""): append("\\\"")
    case UInt8(ascii: "\\"): append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    case 0x08: append("\\b")
    case 0x0C: append("\\f")
    default:
      append("\\u00")
      bytes.append(Self.hex[Int(b >> 4)])
      bytes.append(Self.hex[Int(b & 0xF)])
    }
  }

  package mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// `s` as a JSON string literal, quotes included: the one escaping every JSON text Docket
  /// writes by hand shares.
  package static func quoted(_ s: String) -> String {
    var writer = JSONWriter(pretty: false, capacity: s.utf8.count + 2)
    writer.writeString(s)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// JSON has no NaN or infinity; such a value is written as `null` rather than produce a
  /// file no reader accepts. Whole doubles keep their `.0` so they read back as doubles.
  private mutating func writeDouble(_ d: Double) {
    guard d.isFinite else { return append("null") }
    append(String(describing: d))
  }

  private mutating func newline(_ depth: Int) {
    guard pretty else { return }
    bytes.append(0x0A)
    for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
  }

  /// Sorted keys compare by UTF-8 bytes, the order `sort` and most JSON tools use.
  package static func keyOrder(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
        return x.count < y.count
      }
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Why bytes are not a compiled home this executable wrote: truncated, damaged or from
/// elsewhere. The loader then reads the YAML instead; it is never a user-facing error.
struct MalformedCompiledHome: Error {}

/// Reads what ``BinaryWriter`` wrote, checking every bound: a damaged file is
/// ``MalformedCompiledHome``, never a crash or an endless loop.
struct BinaryReader {
  private let bytes: [UInt8]
  private(set) var offset: Int
  private let end: Int

  init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = min(max(0, offset), bytes.count)
    end = bytes.count
  }

  var isAtEnd: Bool { offset == end }

  mutating func byte() throws(MalformedCompiledHome) -> UInt8 {
    guard offset < end else { throw MalformedCompiledHome() }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func bool() throws(MalformedCompiledHome) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw MalformedCompiledHome()
    }
  }

  mutating func unsigned() throws(MalformedCompiledHome) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw MalformedCompiledHome() }
      value |= UInt64(b & 0x7f) << shift
      if b < 0x80 { return value }
      shift += 7
    }
  }

  /// A count no larger than the bytes left (every element takes at least one byte), so a
  /// damaged count cannot make a caller reserve or loop for long.
  mutating func count() throws(MalformedCompiledHome) -> Int {
    let value = try unsigned()
    guard value <= UInt64(end - offset) else { throw MalformedCompiledHome() }
    return Int(value)
  }

  /// A non-negative number (a line, a column, a day), not bounded by the bytes left.
  mutating func natural() throws(MalformedCompiledHome) -> Int {
    let value = try unsigned()
    guard value <= UInt64(Int32.max) else { throw MalformedCompiledHome() }
    return Int(value)
  }

  mutating func int64() throws(MalformedCompiledHome) -> Int64 {
    let z = try unsigned()
    return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
  }

  mutating func int() throws(MalformedCompiledHome) -> Int {
    Int(try int64())
  }

  mutating func double() throws(MalformedCompiledHome) -> Double {
    guard end - offset >= 8 else { throw MalformedCompiledHome() }
    var bits: UInt64 = 0
    for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  mutating func string() throws(MalformedCompiledHome) -> String {
    let n = try count()
    defer { offset += n }
    return bytes.withUnsafeBufferPointer { all in
      String(decoding: UnsafeBufferPointer(rebasing: all[offset..<(offset + n)]), as: UTF8.self)
    }
  }

  mutating func optional<T>(_ read: (inout BinaryReader) throws(MalformedCompiledHome) -> T)
    throws(MalformedCompiledHome) -> T?
  {
    try bool() ? try read(&self) : nil
  }

  mutating func optionalString() throws(MalformedCompiledHome) -> String? {
    try optional { r throws(MalformedCompiledHome) in try r.string() }
  }

  mutating func list<T>(_ read: (inout BinaryReader) throws(MalformedCompiledHome) -> T)
    throws(MalformedCompiledHome) -> [T]
  {
    let n = try count()
    var items: [T] = []
    items.reserveCapacity(n)
    for _ in 0..<n { items.append(try read(&self)) }
    return items
  }

  mutating func strings() throws(MalformedCompiledHome) -> [String] {
    try list { r throws(MalformedCompiledHome) in try r.string() }
  }

  /// The bytes of the next section, as a reader of its own; this reader moves past it.
  mutating func section() throws(MalformedCompiledHome) -> BinaryReader {
    let n = try count()
    let inner = BinaryReader(bytes, from: offset, end: offset + n)
    offset += n
    return inner
  }

  /// Moves past the next section without reading it.
  mutating func skipSection() throws(MalformedCompiledHome) {
    offset += try count()
  }

  private init(_ bytes: [UInt8], from offset: Int, end: Int) {
    self.bytes = bytes
    self.offset = offset
    self.end = end
  }
}

/// Why bytes are not what this executable wrote (a compiled home, a validated-home record):
/// truncated, damaged or from elsewhere. The caller then loads the YAML instead; it is never
/// a user-facing error.
package struct MalformedBytes: Error {
  package init() {}
}

/// Reads what ``BinaryWriter`` wrote, checking every bound: a damaged file is
/// ``MalformedBytes``, never a crash or an endless loop.
package struct BinaryReader {
  private let bytes: [UInt8]
  private(set) var offset: Int
  private let end: Int

  package init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = min(max(0, offset), bytes.count)
    end = bytes.count
  }

  package var isAtEnd: Bool { offset == end }

  package mutating func byte() throws(MalformedBytes) -> UInt8 {
    guard offset < end else { throw MalformedBytes() }
    defer { offset += 1 }
    return bytes[offset]
  }

  package mutating func bool() throws(MalformedBytes) -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw MalformedBytes()
    }
  }

  package mutating func unsigned() throws(MalformedBytes) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw MalformedBytes() }
      value |= UInt64(b & 0x7f) << shift
      if b < 0x80 { return value }
      shift += 7
    }
  }

  /// A count no larger than the bytes left (every element takes at least one byte), so a
  /// damaged count cannot make a caller reserve or loop for long.
  package mutating func count() throws(MalformedBytes) -> Int {
    let value = try unsigned()
    guard value <= UInt64(end - offset) else { throw MalformedBytes() }
    return Int(value)
  }

  /// A non-negative number (a line, a column, a day), not bounded by the bytes left.
  package mutating func natural() throws(MalformedBytes) -> Int {
    let value = try unsigned()
    guard value <= UInt64(Int32.max) else { throw MalformedBytes() }
    return Int(value)
  }

  package mutating func int64() throws(MalformedBytes) -> Int64 {
    let z = try unsigned()
    return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
  }

  package mutating func int() throws(MalformedBytes) -> Int {
    Int(try int64())
  }

  package mutating func double() throws(MalformedBytes) -> Double {
    guard end - offset >= 8 else { throw MalformedBytes() }
    var bits: UInt64 = 0
    for i in 0..<8 { bits |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  package mutating func string() throws(MalformedBytes) -> String {
    let n = try count()
    defer { offset += n }
    return bytes.withUnsafeBufferPointer { all in
      String(decoding: UnsafeBufferPointer(rebasing: all[offset..<(offset + n)]), as: UTF8.self)
    }
  }

  package mutating func optional<T>(_ read: (inout BinaryReader) throws(MalformedBytes) -> T)
    throws(MalformedBytes) -> T?
  {
    try bool() ? try read(&self) : nil
  }

  package mutating func optionalString() throws(MalformedBytes) -> String? {
    try optional { r throws(MalformedBytes) in try r.string() }
  }

  package mutating func list<T>(_ read: (inout BinaryReader) throws(MalformedBytes) -> T)
    throws(MalformedBytes) -> [T]
  {
    let n = try count()
    var items: [T] = []
    items.reserveCapacity(n)
    for _ in 0..<n { items.append(try read(&self)) }
    return items
  }

  package mutating func strings() throws(MalformedBytes) -> [String] {
    try list { r throws(MalformedBytes) in try r.string() }
  }

  /// The bytes of the next section, as a reader of its own; this reader moves past it.
  package mutating func section() throws(MalformedBytes) -> BinaryReader {
    let n = try count()
    let inner = BinaryReader(bytes, from: offset, end: offset + n)
    offset += n
    return inner
  }

  /// Moves past the next section without reading it.
  package mutating func skipSection() throws(MalformedBytes) {
    offset += try count()
  }

  private init(_ bytes: [UInt8], from offset: Int, end: Int) {
    self.bytes = bytes
    self.offset = offset
    self.end = end
  }
}

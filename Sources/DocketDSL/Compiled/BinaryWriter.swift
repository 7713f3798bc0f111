/// Appends values in the compiled home's binary form (see ``CompiledHome``).
///
/// Counts and integers are LEB128 varints (zig-zag for signed ones), so the small numbers
/// that make up most of a definition take one byte; strings are a count and their UTF-8
/// bytes. The form carries no type tags: reader and writer walk the same shapes in the same
/// order, and the whole file is keyed to one executable, so they cannot disagree.
package struct BinaryWriter {
  package private(set) var bytes: [UInt8] = []

  package init() {}

  package mutating func byte(_ value: UInt8) { bytes.append(value) }

  package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  /// A number of elements or bytes that follow.
  package mutating func count(_ value: Int) { unsigned(UInt64(max(0, value))) }

  /// A non-negative number (a line, a column, a day).
  package mutating func natural(_ value: Int) { unsigned(UInt64(max(0, value))) }

  package mutating func int(_ value: Int64) {
    unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  package mutating func int(_ value: Int) { int(Int64(value)) }

  package mutating func unsigned(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  package mutating func double(_ value: Double) {
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
    }
  }

  package mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// A presence byte, then the value when there is one.
  package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    guard let value else { return bool(false) }
    bool(true)
    write(&self, value)
  }

  package mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

  /// A count, then each element.
  package mutating func list<S: Collection>(_ items: S, _ write: (inout BinaryWriter, S.Element) -> Void) {
    count(items.count)
    for item in items { write(&self, item) }
  }

  package mutating func strings(_ items: some Collection<String>) { list(items) { $0.string($1) } }

  /// `body` written behind its length, so a reader can skip it without decoding it.
  package mutating func section(_ body: (inout BinaryWriter) -> Void) {
    var inner = BinaryWriter()
    body(&inner)
    count(inner.bytes.count)
    bytes.append(contentsOf: inner.bytes)
  }
}

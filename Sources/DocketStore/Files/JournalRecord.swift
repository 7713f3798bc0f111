import DocketModel

/// One commit as the journal's log holds it: every file it replaces and every append, with
/// all their bytes, framed so that a record cut short or garbled is recognised.
///
/// Layout (integers little-endian):
///
/// ```
/// "DKW2"  payload length (8)  payload  CRC-32C of everything before it (4)
/// payload: change count (4), then per change:
///   "P"  target length (4)  target  byte count (8)  bytes                 a file replaced
///   "A"  target length (4)  target  size before (8)  byte count (8)  bytes  bytes appended
/// ```
///
/// Records written before CRC-32C began with "DKWL" and ended with the SHA-256 of everything
/// before it (32 bytes); they are still read, so a log left by an older `docket` replays.
///
/// Targets are relative to the store root. An append records its target's size before it,
/// so applying the record again first cuts the file back to that size: replaying is
/// idempotent.
package struct JournalRecord: Sendable, Equatable {
  package enum Change: Sendable, Equatable {
    case put(target: String, bytes: [UInt8])
    case append(target: String, sizeBefore: Int64, bytes: [UInt8])

    package var target: String {
      switch self {
      case .put(let target, _), .append(let target, _, _): target
      }
    }
  }

  package var changes: [Change]

  static let magic: [UInt8] = Array("DKW2".utf8)
  /// Records checked by SHA-256, as older versions wrote them.
  static let shaMagic: [UInt8] = Array("DKWL".utf8)
  static let headerSize = 12
  static let checksumSize = 4
  static let shaChecksumSize = 32
  /// A record may not claim more than this (a garbled length is not allocated).
  static let maximumPayload: UInt64 = 1 << 34

  package init(changes: [Change]) { self.changes = changes }

  /// The framed record, ready to append to the log.
  package func encoded() -> [UInt8] {
    var payload: [UInt8] = []
    payload.reserveCapacity(changes.reduce(4) { $0 + 32 + $1.target.utf8.count + Self.byteCount($1) })
    Self.put(UInt32(changes.count), into: &payload)
    for change in changes {
      switch change {
      case .put(let target, let bytes):
        payload.append(UInt8(ascii: "P"))
        Self.put(target, into: &payload)
        Self.put(UInt64(bytes.count), into: &payload)
        payload += bytes
      case .append(let target, let size, let bytes):
        payload.append(UInt8(ascii: "A"))
        Self.put(target, into: &payload)
        Self.put(UInt64(size), into: &payload)
        Self.put(UInt64(bytes.count), into: &payload)
        payload += bytes
      }
    }
    var out = Self.magic
    out.reserveCapacity(Self.headerSize + payload.count + Self.checksumSize)
    Self.put(UInt64(payload.count), into: &out)
    out += payload
    out += Self.littleEndian(CRC32C.checksum(out))
    return out
  }

  private static func byteCount(_ change: Change) -> Int {
    switch change {
    case .put(_, let bytes), .append(_, _, let bytes): bytes.count
    }
  }

  /// What the log holds at an offset.
  package enum Decoded: Equatable {
    /// A whole record, and the offset just past it.
    case record(JournalRecord, end: Int)
    /// Not a whole record: cut short, garbled, or a checksum that does not match.
    case invalid
  }

  /// Reads the record starting at `offset` in `log`.
  package static func decode(_ log: [UInt8], at offset: Int) -> Decoded {
    guard let (sha, payloadStart, payloadEnd, end) = frame(log, at: offset) else { return .invalid }
    let body = log[offset..<payloadEnd]
    let matches =
      sha
      ? Array(log[payloadEnd..<end]) == SHA256.hash(body)
      : log[payloadEnd..<end].elementsEqual(Self.littleEndian(CRC32C.checksum(body)))
    guard matches, let changes = decodeChanges(log, from: payloadStart, to: payloadEnd) else {
      return .invalid
    }
    return .record(JournalRecord(changes: changes), end: end)
  }

  /// Where the record at `offset` would end, by its header alone; nil when there is no
  /// header or its length runs past the end.
  static func declaredEnd(_ log: [UInt8], at offset: Int) -> Int? {
    frame(log, at: offset)?.end
  }

  /// The record's form (SHA-256 or CRC-32C), where its payload starts and ends, and where
  /// the record ends, by its header; nil when there is no header or it runs past the end.
  private static func frame(_ log: [UInt8], at offset: Int) -> (
    sha: Bool, payloadStart: Int, payloadEnd: Int, end: Int
  )? {
    guard offset >= 0, log.count - offset >= headerSize else { return nil }
    let tag = log[offset..<offset + 4]
    let sha: Bool
    if tag.elementsEqual(magic) { sha = false } else if tag.elementsEqual(shaMagic) { sha = true } else { return nil }
    let size = sha ? shaChecksumSize : checksumSize
    var cursor = offset + 4
    guard let length = uint64(log, &cursor), length <= maximumPayload,
      UInt64(log.count - cursor) >= length + UInt64(size)
    else { return nil }
    let payloadEnd = cursor + Int(length)
    return (sha, cursor, payloadEnd, payloadEnd + size)
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    stride(from: 0, to: 32, by: 8).map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
  }

  private static func decodeChanges(_ log: [UInt8], from start: Int, to end: Int) -> [Change]? {
    var cursor = start
    guard let count = uint32(log, &cursor, limit: end) else { return nil }
    var changes: [Change] = []
    for _ in 0..<count {
      guard cursor < end else { return nil }
      let kind = log[cursor]
      cursor += 1
      guard let target = string(log, &cursor, limit: end), isSafe(target) else { return nil }
      var size: Int64 = 0
      if kind == UInt8(ascii: "A") {
        guard let raw = uint64(log, &cursor, limit: end), raw <= UInt64(Int64.max) else { return nil }
        size = Int64(raw)
      } else if kind != UInt8(ascii: "P") {
        return nil
      }
      guard let count = uint64(log, &cursor, limit: end), count <= UInt64(end - cursor) else { return nil }
      let bytes = Array(log[cursor..<cursor + Int(count)])
      cursor += Int(count)
      changes.append(kind == UInt8(ascii: "A") ? .append(target: target, sizeBefore: size, bytes: bytes) : .put(target: target, bytes: bytes))
    }
    return cursor == end ? changes : nil
  }

  /// A target must stay inside the store: relative, no `.`/`..`/empty components.
  package static func isSafe(_ path: String) -> Bool {
    // ASCII (every path the store writes) is read byte by byte; other text keeps the
    // character-wise reading, where a combining mark can join a `/` to the next letter.
    guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return isSafeText(path) }
    var path = path
    return path.withUTF8 { bytes in
      guard !bytes.isEmpty, bytes[0] != UInt8(ascii: "/") else { return false }
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
        switch end - start {
        case 0: return false
        case 1: if bytes[start] == UInt8(ascii: ".") { return false }
        case 2: if bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: ".") { return false }
        default: break
        }
        start = end + 1
      }
      return !bytes.contains(0)
    }
  }

  /// ``isSafe(_:)`` by characters: splitting a `String` and comparing `Substring`s, which
  /// costs a commit ~16 K instructions per target (docs/performance.md §13).
  static func isSafeText(_ path: String) -> Bool {
    !path.isEmpty && !path.hasPrefix("/")
      && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
      && !path.utf8.contains(0)
  }

  // MARK: - Integers and strings

  private static func put(_ value: UInt32, into out: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
  }

  private static func put(_ value: UInt64, into out: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  private static func put(_ text: String, into out: inout [UInt8]) {
    put(UInt32(text.utf8.count), into: &out)
    out += text.utf8
  }

  private static func uint32(_ bytes: [UInt8], _ cursor: inout Int, limit: Int) -> UInt32? {
    guard limit - cursor >= 4 else { return nil }
    var value: UInt32 = 0
    for i in 0..<4 { value |= UInt32(bytes[cursor + i]) << UInt32(8 * i) }
    cursor += 4
    return value
  }

  private static func uint64(_ bytes: [UInt8], _ cursor: inout Int, limit: Int? = nil) -> UInt64? {
    guard (limit ?? bytes.count) - cursor >= 8 else { return nil }
    var value: UInt64 = 0
    for i in 0..<8 { value |= UInt64(bytes[cursor + i]) << UInt64(8 * i) }
    cursor += 8
    return value
  }

  private static func string(_ bytes: [UInt8], _ cursor: inout Int, limit: Int) -> String? {
    guard let count = uint32(bytes, &cursor, limit: limit), Int(count) <= limit - cursor else { return nil }
    let text = String(decoding: bytes[cursor..<cursor + Int(count)], as: UTF8.self)
    cursor += Int(count)
    return text
  }
}

/// A time zone's offsets from UTC as the tz database's compiled files (TZif, RFC 8536) give
/// them: the transitions it lists, then the POSIX rule of its footer for later instants.
///
/// Only what Docket asks of a zone, the offset at an instant, with no Foundation: creating
/// Foundation's first `TimeZone` costs a command more than reading its ticket (the zone cache
/// and ICU's zone data; docs/performance.md §14).
struct ZoneRules: Sendable, Hashable {
  /// Transition instants (seconds since 1970), ascending, with the offset from each on.
  var transitions: [Int64]
  var offsets: [Int32]
  /// The offset before the first transition (the file's first local time type).
  var initial: Int32
  /// The footer's rule for instants from the last transition on; nil when there is none.
  var rule: POSIXZoneRule?

  /// The offset in seconds east of UTC at `instant` (seconds since 1970).
  func offset(at instant: Int64) -> Int {
    guard let last = transitions.last, instant >= transitions[0] else {
      if transitions.isEmpty, let rule { return rule.offset(at: instant) }
      return Int(initial)
    }
    if instant >= last, let rule { return rule.offset(at: instant) }
    // The last transition at or before `instant`.
    var low = 0
    var high = transitions.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if transitions[mid] <= instant { low = mid } else { high = mid - 1 }
    }
    return Int(offsets[low])
  }

  /// A zone whose offset never changes.
  init(fixed offset: Int32) {
    transitions = []
    offsets = []
    initial = offset
    rule = nil
  }

  /// Reads a TZif file (version 2 or later: 64-bit times and a footer; a version 1 file has
  /// 32-bit times only and is read as such). Nil for anything else.
  init?(tzif bytes: [UInt8]) {
    var r = TZifReader(bytes: bytes)
    guard let first = r.header() else { return nil }
    var header = first
    var timeSize = 4
    if first.version >= 2 {
      // Skip the version 1 block; the version 2 block that follows repeats it with 64-bit times.
      guard r.skip(first.blockSize(timeSize: 4)), let second = r.header() else { return nil }
      header = second
      timeSize = 8
    }
    guard header.typeCount > 0, r.remaining >= header.blockSize(timeSize: timeSize) else {
      return nil
    }
    var times: [Int64] = []
    times.reserveCapacity(header.timeCount)
    for _ in 0..<header.timeCount {
      guard let t = timeSize == 8 ? r.int64() : r.int32().map(Int64.init) else { return nil }
      times.append(t)
    }
    var typeIndexes: [Int] = []
    for _ in 0..<header.timeCount {
      guard let i = r.byte(), Int(i) < header.typeCount else { return nil }
      typeIndexes.append(Int(i))
    }
    var typeOffsets: [Int32] = []
    for _ in 0..<header.typeCount {
      guard let utoff = r.int32(), r.skip(2) else { return nil }
      typeOffsets.append(utoff)
    }
    guard r.skip(header.characterCount + header.leapCount * (timeSize + 4))
      && r.skip(header.standardCount + header.utCount)
    else { return nil }
    transitions = times
    offsets = typeIndexes.map { typeOffsets[$0] }
    initial = typeOffsets[0]
    rule = nil
    if first.version >= 2, let footer = r.footer(), !footer.isEmpty {
      guard let parsed = POSIXZoneRule(footer) else { return nil }
      rule = parsed
    }
    // Transitions must ascend for the search above.
    guard zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
  }
}

/// Big-endian reading of a TZif file, every read bounds-checked.
private struct TZifReader {
  let bytes: [UInt8]
  var offset = 0

  struct Header {
    var version: Int
    var utCount, standardCount, leapCount, timeCount, typeCount, characterCount: Int

    func blockSize(timeSize: Int) -> Int {
      timeCount * timeSize + timeCount + typeCount * 6 + characterCount
        + leapCount * (timeSize + 4) + standardCount + utCount
    }
  }

  var remaining: Int { bytes.count - offset }

  mutating func header() -> Header? {
    guard remaining >= 44, bytes[offset..<(offset + 4)].elementsEqual("TZif".utf8) else { return nil }
    let v = bytes[offset + 4]
    let version = v == 0 ? 1 : Int(v) - Int(UInt8(ascii: "0"))
    offset += 20
    var counts: [Int] = []
    for _ in 0..<6 {
      guard let c = int32(), c >= 0, c < 1 << 20 else { return nil }
      counts.append(Int(c))
    }
    guard version >= 1 else { return nil }
    return Header(
      version: version, utCount: counts[0], standardCount: counts[1], leapCount: counts[2],
      timeCount: counts[3], typeCount: counts[4], characterCount: counts[5])
  }

  mutating func skip(_ n: Int) -> Bool {
    guard n >= 0, n <= remaining else { return false }
    offset += n
    return true
  }

  mutating func byte() -> UInt8? {
    guard remaining >= 1 else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func int32() -> Int32? {
    guard remaining >= 4 else { return nil }
    var v: UInt32 = 0
    for i in 0..<4 { v = v << 8 | UInt32(bytes[offset + i]) }
    offset += 4
    return Int32(bitPattern: v)
  }

  mutating func int64() -> Int64? {
    guard remaining >= 8 else { return nil }
    var v: UInt64 = 0
    for i in 0..<8 { v = v << 8 | UInt64(bytes[offset + i]) }
    offset += 8
    return Int64(bitPattern: v)
  }

  /// The footer: the text between the two newlines that end a version 2+ file.
  mutating func footer() -> String? {
    guard byte() == UInt8(ascii: "\n") else { return nil }
    guard let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
    return String(decoding: bytes[offset..<end], as: UTF8.self)
  }
}

/// A text with a display path and a table of line starts, so offsets and positions convert
/// without searching the text again.
///
/// Offsets count Unicode scalars. The table is built in one pass over the UTF-8 bytes and
/// keeps each line's start both as a scalar offset and as a byte offset, so the text is never
/// copied into an array of scalars: every command builds one for each file it decodes, and
/// only diagnostics and expression positions look inside a line.
public struct SourceFile: Sendable {
  /// The path as displayed, relative to the home.
  public let path: String
  /// The text as given.
  public let text: String
  /// The number of Unicode scalars in ``text``.
  public let scalarCount: Int
  /// Scalar offset of the first character of each line.
  private let lineStarts: [Int]
  /// UTF-8 offset of the first character of each line.
  private let lineBytes: [Int]

  public init(path: String, text: String) {
    self.path = path
    var text = text
    let table = text.withUTF8(Self.lineTable)
    self.text = text
    scalarCount = table.scalars
    lineStarts = table.starts
    lineBytes = table.bytes
  }

  /// The number of scalars and each line's start as a scalar and as a byte offset.
  ///
  /// Eight bytes at a time: every byte but a continuation byte (`10xxxxxx`) starts a scalar,
  /// and a word without a line feed needs no other look.
  private static func lineTable(of utf8: UnsafeBufferPointer<UInt8>) -> (
    scalars: Int, starts: [Int], bytes: [Int]
  ) {
    var starts = [0]
    var bytes = [0]
    starts.reserveCapacity(utf8.count / 24 + 2)
    bytes.reserveCapacity(utf8.count / 24 + 2)
    var count = 0
    var i = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    if let base = UnsafeRawPointer(utf8.baseAddress) {
      while i + 8 <= utf8.count {
        let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // High bit of each byte that is 10xxxxxx (little-endian lanes).
        let continuation = word & ~(word << 1) & highs
        let x = word ^ (ones &* 0x0A)
        // High bit set in the first byte equal to a line feed (later bits may be spurious).
        let feeds = (x &- ones) & ~x & highs
        if feeds == 0 {
          count &+= 8 &- continuation.nonzeroBitCount
          i &+= 8
        } else {
          let k = feeds.trailingZeroBitCount >> 3
          let through: UInt64 = k == 7 ? ~0 : (1 << (8 * (k + 1))) &- 1
          count &+= (k + 1) &- (continuation & through).nonzeroBitCount
          i &+= k + 1
          starts.append(count)
          bytes.append(i)
        }
      }
    }
    while i < utf8.count {
      let b = utf8[i]
      count &+= b & 0xC0 != 0x80 ? 1 : 0
      i += 1
      if b == 0x0A {
        starts.append(count)
        bytes.append(i)
      }
    }
    return (count, starts, bytes)
  }

  /// The number of lines (a final line without a newline counts).
  public var lineCount: Int { lineStarts.count }

  /// The 1-based position of a scalar offset; offsets past the end clamp to the end.
  public func position(ofOffset offset: Int) -> SourcePosition {
    let offset = max(0, min(offset, scalarCount))
    let line = lineIndex(ofOffset: offset)
    return SourcePosition(line: line + 1, column: offset - lineStarts[line] + 1)
  }

  /// The scalar offset of a 1-based position, or nil when the position is outside the text.
  public func offset(of position: SourcePosition) -> Int? {
    guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else {
      return nil
    }
    let offset = lineStarts[position.line - 1] + position.column - 1
    return offset <= scalarCount ? offset : nil
  }

  /// The Unicode scalars at scalar offsets `range` (clamped to the text), decoded from the
  /// UTF-8 bytes of the line holding the first.
  public func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
    let lower = max(0, min(range.lowerBound, scalarCount))
    let upper = max(lower, min(range.upperBound, scalarCount))
    guard upper > lower else { return [] }
    let line = lineIndex(ofOffset: lower)
    let skip = lower - lineStarts[line]
    let from = lineBytes[line]
    var copy = text
    return copy.withUTF8 { utf8 -> [Unicode.Scalar] in
      var out: [Unicode.Scalar] = []
      out.reserveCapacity(upper - lower)
      var i = from
      var skipped = 0
      while i < utf8.count, out.count < upper - lower {
        let lead = utf8[i]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + length <= utf8.count else { break }
        if skipped < skip {
          skipped += 1
        } else {
          var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
          for k in 1..<max(1, length) { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
          out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        i += length
      }
      return out
    }
  }

  /// The text of a 1-based line without its line break, or nil past the end.
  public func line(_ number: Int) -> String? {
    guard number >= 1, number <= lineStarts.count else { return nil }
    let utf8 = text.utf8
    let from = lineBytes[number - 1]
    var to = number < lineBytes.count ? lineBytes[number] - 1 : utf8.count
    let start = utf8.index(utf8.startIndex, offsetBy: from)
    if to > from, utf8[utf8.index(utf8.startIndex, offsetBy: to - 1)] == 0x0D { to -= 1 }
    let end = utf8.index(utf8.startIndex, offsetBy: max(from, to))
    return String(Substring(utf8[start..<end]))
  }

  /// A span in this file for a range of scalar offsets.
  public func span(from start: Int, to end: Int) -> SourceSpan {
    SourceSpan(file: path, start: position(ofOffset: start), end: position(ofOffset: end))
  }

  /// The 0-based line holding scalar offset `offset`.
  private func lineIndex(ofOffset offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }
}

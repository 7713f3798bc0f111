/// A text with a display path and a table of line starts, so offsets and positions convert
/// without searching the text again.
public struct SourceFile: Sendable {
  /// The path as displayed, relative to the home.
  public let path: String
  /// The text as Unicode scalars; offsets index this array.
  public let scalars: [Unicode.Scalar]
  /// Scalar offset of the first character of each line.
  private let lineStarts: [Int]

  public init(path: String, text: String) {
    self.path = path
    let scalars = Array(text.unicodeScalars)
    self.scalars = scalars
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    self.lineStarts = starts
  }

  /// The number of lines (a final line without a newline counts).
  public var lineCount: Int { lineStarts.count }

  /// The 1-based position of a scalar offset; offsets past the end clamp to the end.
  public func position(ofOffset offset: Int) -> SourcePosition {
    let offset = max(0, min(offset, scalars.count))
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return SourcePosition(line: lo + 1, column: offset - lineStarts[lo] + 1)
  }

  /// The scalar offset of a 1-based position, or nil when the position is outside the text.
  public func offset(of position: SourcePosition) -> Int? {
    guard position.line >= 1, position.line <= lineStarts.count, position.column >= 1 else {
      return nil
    }
    let offset = lineStarts[position.line - 1] + position.column - 1
    return offset <= scalars.count ? offset : nil
  }

  /// The text of a 1-based line without its line break, or nil past the end.
  public func line(_ number: Int) -> String? {
    guard number >= 1, number <= lineStarts.count else { return nil }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
    if end > start, scalars[end - 1] == "\r" { end -= 1 }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<max(start, end)])
    return String(view)
  }

  /// A span in this file for a range of scalar offsets.
  public func span(from start: Int, to end: Int) -> SourceSpan {
    SourceSpan(file: path, start: position(ofOffset: start), end: position(ofOffset: end))
  }
}

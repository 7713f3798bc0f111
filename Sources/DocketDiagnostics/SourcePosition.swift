/// A place in a source text: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, not bytes or grapheme clusters: that is what libyaml reports
/// and what CEL offsets count, and it keeps columns right after Chinese text.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, in Unicode scalars.
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// A range in one file, as shown to users: `path:line:col`.
public struct SourceSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The path as displayed, relative to the home (`workflows/complaint.yaml`).
  public var file: String
  public var start: SourcePosition
  /// The position just past the end; equal to `start` for a point.
  public var end: SourcePosition

  public init(file: String, start: SourcePosition, end: SourcePosition? = nil) {
    self.file = file
    self.start = start
    self.end = end ?? start
  }

  public init(file: String, line: Int, column: Int) {
    self.init(file: file, start: SourcePosition(line: line, column: column))
  }

  public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
    (a.file, a.start.line, a.start.column) < (b.file, b.start.line, b.start.column)
  }

  /// `path:line:col`, the form editors and terminals turn into links.
  public var description: String { "\(file):\(start.line):\(start.column)" }
}

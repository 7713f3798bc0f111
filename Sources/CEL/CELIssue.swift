/// One problem found while compiling an expression (syntax, checking, limits).
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
  /// A stable snake_case code: `cel_syntax`, `cel_undeclared_reference`,
  /// `cel_no_matching_overload`, `cel_type_mismatch`, `cel_limit_exceeded`, ...
  public var id: String
  /// cel-go's wording, e.g. `no matching overload for '_+_' applied to '(string, int)'`.
  public var message: String
  /// Unicode-scalar offsets into the expression source.
  public var range: Range<Int>
  /// 1-based line within the expression.
  public var line: Int
  /// 1-based column within the line, in Unicode scalars.
  public var column: Int

  public init(id: String, message: String, range: Range<Int>, line: Int, column: Int) {
    self.id = id
    self.message = message
    self.range = range
    self.line = line
    self.column = column
  }

  /// `line:column: message`, as cel-go prints `ERROR: <input>:1:5: ...`.
  public var description: String { "\(line):\(column): \(message)" }
}

/// The problems of one compilation, sorted by position.
public struct CELIssues: Error, Sendable, Hashable, CustomStringConvertible {
  public var issues: [CELIssue]

  public init(_ issues: [CELIssue]) {
    self.issues = issues.sorted { ($0.range.lowerBound, $0.id) < ($1.range.lowerBound, $1.id) }
  }

  public var first: CELIssue? { issues.first }
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension CELIssue {
  /// An issue located by a source map (line/column computed from the offset table).
  package init(id: String, message: String, range: Range<Int>, in map: SourceMap) {
    let (line, column) = map.lineColumn(ofOffset: range.lowerBound)
    self.init(id: id, message: message, range: range, line: line, column: column)
  }
}

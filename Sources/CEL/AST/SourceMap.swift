/// Where each node of an expression came from: node id -> range of Unicode-scalar offsets in
/// the expression source, plus a line table so offsets turn into 1-based line/column without
/// searching the text again (cel-go `common/source.go`).
package struct SourceMap: Sendable, Hashable {
  /// Scalar ranges by node id. Macro-generated nodes share the range of the call they replace.
  package private(set) var ranges: [ExprID: Range<Int>] = [:]
  /// Scalar offset of the first character of each line.
  package let lineStarts: [Int]

  package init(source: String) {
    var starts = [0]
    var i = 0
    for s in source.unicodeScalars {
      i += 1
      if s == "\n" { starts.append(i) }
    }
    lineStarts = starts
  }

  package init(scalars: [Unicode.Scalar]) {
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    lineStarts = starts
  }

  package mutating func record(_ id: ExprID, _ range: Range<Int>) {
    ranges[id] = range
  }

  package func range(of id: ExprID) -> Range<Int>? { ranges[id] }

  /// The 1-based line and column (in scalars) of an offset.
  package func lineColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
    let offset = max(0, offset)
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lo + 1, offset - lineStarts[lo] + 1)
  }
}

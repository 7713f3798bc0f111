/// Argument lists, list and map literals, and the conversion of number literals.
extension Parser {
  mutating func parseArgs(close: String) throws(SyntaxError)
    -> (nodes: [Node], end: Int, depth: Int)
  {
    try enter(current.range)
    defer { depth -= 1 }
    var nodes: [Node] = []
    if let c = accept(close) { return ([], c.range.upperBound, 0) }
    while true {
      nodes.append(try parseExpr())
      if let c = accept(close) {
        return (nodes, c.range.upperBound, nodes.map(\.depth).max() ?? 0)
      }
      _ = try expect(",")
    }
  }

  mutating func parseList(open: Token) throws(SyntaxError) -> Node {
    try enter(open.range)
    defer { depth -= 1 }
    var elements: [Expr] = []
    var optionalIndices: [Int] = []
    var maxDepth = 0
    while !current.isPunct("]") {
      if accept("?") != nil { optionalIndices.append(elements.count) }
      let e = try parseExpr()
      elements.append(e.expr)
      maxDepth = max(maxDepth, e.depth)
      if accept(",") == nil { break }
    }
    let close = try expect("]")
    return (
      make(
        .createList(elements: elements, optionalIndices: optionalIndices),
        open.range.lowerBound..<close.range.upperBound), maxDepth + 1
    )
  }

  mutating func parseMap(open: Token) throws(SyntaxError) -> Node {
    try enter(open.range)
    defer { depth -= 1 }
    var entries: [Expr.MapEntry] = []
    var maxDepth = 0
    while !current.isPunct("}") {
      let start = current.range.lowerBound
      let optional = accept("?") != nil
      let k = try parseExpr()
      let colon = try expect(":")
      let v = try parseExpr()
      maxDepth = max(maxDepth, k.depth, v.depth)
      let id = newID(colon.range.lowerBound..<max(start, colon.range.upperBound))
      entries.append(Expr.MapEntry(id: id, key: k.expr, value: v.expr, optional: optional))
      if accept(",") == nil { break }
    }
    let close = try expect("}")
    return (
      make(.createMap(entries: entries), open.range.lowerBound..<close.range.upperBound),
      maxDepth + 1
    )
  }

  // MARK: - Literals

  static func parseInt(_ digits: String, negative: Bool) -> Int64? {
    let hex = digits.hasPrefix("0x") || digits.hasPrefix("0X")
    guard let magnitude = UInt64(hex ? String(digits.dropFirst(2)) : digits, radix: hex ? 16 : 10)
    else { return nil }
    if negative {
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  static func parseUInt(_ digits: String) -> UInt64? {
    let hex = digits.hasPrefix("0x") || digits.hasPrefix("0X")
    return UInt64(hex ? String(digits.dropFirst(2)) : digits, radix: hex ? 16 : 10)
  }
}

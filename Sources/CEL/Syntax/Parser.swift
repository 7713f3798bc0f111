/// A parsed expression: the tree, where its nodes came from, and the next free node id.
package struct ParsedExpression: Sendable {
  package let root: Expr
  package let sourceMap: SourceMap
  /// One past the largest node id in the tree.
  package let nextID: ExprID
}

/// Recursive-descent parser with precedence climbing, following CEL's grammar:
///
/// ```
/// expr     = or ('?' or ':' expr)?
/// or       = and ('||' and)*          and = relation ('&&' relation)*
/// relation = add (('<'|'<='|'>='|'>'|'=='|'!='|'in') add)*
/// add      = mul (('+'|'-') mul)*     mul = unary (('*'|'/'|'%') unary)*
/// unary    = member | '!'+ member | '-'+ member
/// member   = primary ('.' '?'? IDENT ('(' args ')')? | '[' '?'? expr ']')*
/// primary  = '.'? IDENT ('(' args ')')? | '(' expr ')' | '[' list ']' | '{' map '}' | literal
/// ```
///
/// Every node records its scalar range in a ``SourceMap``. Nesting deeper than
/// ``CELLimits/maxNestingDepth`` (parentheses, calls, operator chains) is an error, so the
/// tree, and everything that later walks it recursively, stays shallow.
struct Parser {
  private let tokens: [Token]
  private var pos = 0
  private var nextID: ExprID = 1
  private(set) var sourceMap: SourceMap
  private let maxDepth: Int
  var depth = 0
  let macrosEnabled: Bool

  /// A node and the depth of the tree below it (to bound operator chains too).
  typealias Node = (expr: Expr, depth: Int)

  static func parse(_ source: String, limits: CELLimits, macros: Bool = true)
    -> Result<ParsedExpression, SyntaxError>
  {
    let scalars = Array(source.unicodeScalars)
    if scalars.count > limits.maxSourceSize {
      return .failure(
        SyntaxError(
          message:
            "expression code point size exceeds limit: size: \(scalars.count), limit \(limits.maxSourceSize)",
          range: 0..<0, id: "cel_limit_exceeded"))
    }
    let tokens: [Token]
    do throws(SyntaxError) {
      tokens = try Lexer.tokenize(scalars)
    } catch {
      return .failure(error)
    }
    var parser = Parser(
      tokens: tokens, sourceMap: SourceMap(scalars: scalars), maxDepth: limits.maxNestingDepth,
      macrosEnabled: macros)
    do throws(SyntaxError) {
      let node = try parser.parseExpr()
      guard case .eof = parser.current.kind else {
        throw parser.unexpected()
      }
      return .success(
        ParsedExpression(root: node.expr, sourceMap: parser.sourceMap, nextID: parser.nextID))
    } catch {
      return .failure(error)
    }
  }

  private init(tokens: [Token], sourceMap: SourceMap, maxDepth: Int, macrosEnabled: Bool) {
    self.tokens = tokens
    self.sourceMap = sourceMap
    self.maxDepth = maxDepth
    self.macrosEnabled = macrosEnabled
  }

  // MARK: - Tokens

  var current: Token { tokens[pos] }

  mutating func advance() -> Token {
    let t = tokens[pos]
    if pos < tokens.count - 1 { pos += 1 }
    return t
  }

  mutating func accept(_ p: String) -> Token? {
    if current.isPunct(p) { return advance() }
    return nil
  }

  mutating func expect(_ p: String) throws(SyntaxError) -> Token {
    if let t = accept(p) { return t }
    throw unexpected(expecting: p)
  }

  func unexpected(expecting: String? = nil) -> SyntaxError {
    let t = current
    let found: String
    switch t.kind {
    case .eof: found = "'<EOF>'"
    case .ident(let s): found = "'\(s)'"
    case .punct(let p): found = "'\(p)'"
    default: found = "literal"
    }
    let message =
      expecting.map { "Syntax error: mismatched input \(found) expecting '\($0)'" }
      ?? "Syntax error: extraneous input \(found)"
    return SyntaxError(message: message, range: t.range)
  }

  // MARK: - Node construction

  mutating func make(_ kind: Expr.Kind, _ range: Range<Int>) -> Expr {
    let id = nextID
    nextID += 1
    sourceMap.record(id, range)
    return Expr(id: id, kind: kind)
  }

  mutating func newID(_ range: Range<Int>) -> ExprID {
    let id = nextID
    nextID += 1
    sourceMap.record(id, range)
    return id
  }

  private func checkDepth(_ d: Int, _ range: Range<Int>) throws(SyntaxError) {
    if d > maxDepth {
      throw SyntaxError(
        message: "expression recursion limit exceeded: \(maxDepth)", range: range,
        id: "cel_limit_exceeded")
    }
  }

  mutating func enter(_ range: Range<Int>) throws(SyntaxError) {
    depth += 1
    try checkDepth(depth, range)
  }

  private mutating func binary(_ op: String, _ l: Node, _ r: Node, _ range: Range<Int>)
    throws(SyntaxError) -> Node
  {
    let d = max(l.depth, r.depth) + 1
    try checkDepth(d, range)
    return (make(.call(function: op, target: nil, args: [l.expr, r.expr]), range), d)
  }

  // MARK: - Grammar

  mutating func parseExpr() throws(SyntaxError) -> Node {
    try enter(current.range)
    defer { depth -= 1 }
    let cond = try parseOr()
    guard let q = accept("?") else { return cond }
    let a = try parseOr()
    _ = try expect(":")
    let b = try parseExpr()
    let d = max(cond.depth, a.depth, b.depth) + 1
    try checkDepth(d, q.range)
    return (
      make(.call(function: "_?_:_", target: nil, args: [cond.expr, a.expr, b.expr]), q.range), d
    )
  }

  /// `a || b || c ...` as a balanced tree (as cel-go), so long chains stay shallow.
  private mutating func parseOr() throws(SyntaxError) -> Node {
    let first = try parseAnd()
    // Most expressions have no `||`: no arrays for them (a process's first array of nodes
    // costs thousands of instructions of type metadata).
    guard let op = accept("||") else { return first }
    var terms = [first, try parseAnd()]
    var ops = [op.range]
    while let t = accept("||") {
      ops.append(t.range)
      terms.append(try parseAnd())
    }
    return try balance("_||_", terms, ops)
  }

  private mutating func parseAnd() throws(SyntaxError) -> Node {
    let first = try parseRelation()
    guard let op = accept("&&") else { return first }
    var terms = [first, try parseRelation()]
    var ops = [op.range]
    while let t = accept("&&") {
      ops.append(t.range)
      terms.append(try parseRelation())
    }
    return try balance("_&&_", terms, ops)
  }

  private mutating func balance(_ op: String, _ terms: [Node], _ ops: [Range<Int>])
    throws(SyntaxError) -> Node
  {
    if terms.count == 1 { return terms[0] }
    return try balanceRange(op, terms, ops, 0, terms.count - 1)
  }

  private mutating func balanceRange(
    _ op: String, _ terms: [Node], _ ops: [Range<Int>], _ lo: Int, _ hi: Int
  ) throws(SyntaxError) -> Node {
    if lo == hi { return terms[lo] }
    let mid = (lo + hi + 1) / 2
    let l = try balanceRange(op, terms, ops, lo, mid - 1)
    let r = try balanceRange(op, terms, ops, mid, hi)
    return try binary(op, l, r, ops[mid - 1])
  }

  private static let relationOps: [String: String] = [
    "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "==": "_==_", "!=": "_!=_",
  ]

  private mutating func parseRelation() throws(SyntaxError) -> Node {
    var left = try parseAddition()
    while true {
      let t = current
      let op: String
      if case .punct(let p) = t.kind, let f = Parser.relationOps[p] {
        op = f
      } else if case .ident("in") = t.kind {
        op = "@in"
      } else {
        return left
      }
      _ = advance()
      let right = try parseAddition()
      left = try binary(op, left, right, t.range)
    }
  }

  private mutating func parseAddition() throws(SyntaxError) -> Node {
    var left = try parseMultiplication()
    while true {
      let t = current
      guard t.isPunct("+") || t.isPunct("-") else { return left }
      _ = advance()
      let right = try parseMultiplication()
      left = try binary(t.isPunct("+") ? "_+_" : "_-_", left, right, t.range)
    }
  }

  private mutating func parseMultiplication() throws(SyntaxError) -> Node {
    var left = try parseUnary()
    while true {
      let t = current
      let op: String
      if t.isPunct("*") {
        op = "_*_"
      } else if t.isPunct("/") {
        op = "_/_"
      } else if t.isPunct("%") {
        op = "_%_"
      } else {
        return left
      }
      _ = advance()
      let right = try parseUnary()
      left = try binary(op, left, right, t.range)
    }
  }

  private mutating func parseUnary() throws(SyntaxError) -> Node {
    if current.isPunct("!") {
      var bangs: [Range<Int>] = []
      while let t = accept("!") { bangs.append(t.range) }
      var node = try parseMember()
      // `!!x` is `x` in cel-go only for even counts; keep each as a call for error parity.
      for r in bangs.reversed() {
        try checkDepth(node.depth + 1, r)
        node = (make(.call(function: "!_", target: nil, args: [node.expr]), r), node.depth + 1)
      }
      return node
    }
    if current.isPunct("-") {
      var minuses: [Range<Int>] = []
      while let t = accept("-") { minuses.append(t.range) }
      var node: Node
      // A minus directly before a number literal belongs to the literal (`-9223372036854775808`).
      switch current.kind {
      case .int, .double:
        let signRange = minuses.removeLast()
        node = try parseMember(negatedLiteralFrom: signRange.lowerBound)
      default:
        node = try parseMember()
      }
      for r in minuses.reversed() {
        try checkDepth(node.depth + 1, r)
        node = (make(.call(function: "-_", target: nil, args: [node.expr]), r), node.depth + 1)
      }
      return node
    }
    return try parseMember()
  }

  private mutating func parseMember(negatedLiteralFrom: Int? = nil) throws(SyntaxError) -> Node {
    var node = try parsePrimary(negatedLiteralFrom: negatedLiteralFrom)
    while true {
      if let dot = accept(".") {
        let optional = accept("?") != nil
        let name: String
        var quoted = false
        switch current.kind {
        case .ident(let n): name = n
        case .quotedIdent(let n):
          name = n
          quoted = true
        default: throw unexpected(expecting: "IDENTIFIER")
        }
        let nameTok = advance()
        if !optional, !quoted, let open = accept("(") {
          let args = try parseArgs(close: ")")
          let range = nameTok.range.lowerBound..<args.end
          try checkDepth(max(node.depth, args.depth) + 1, open.range)
          node = try memberCall(name, target: node, args: args.nodes, range: range)
        } else {
          let range = dot.range.lowerBound..<nameTok.range.upperBound
          try checkDepth(node.depth + 1, range)
          node = (
            make(.select(operand: node.expr, field: name, testOnly: false, optional: optional), range),
            node.depth + 1
          )
        }
      } else if let open = accept("[") {
        let optional = accept("?") != nil
        try enter(open.range)
        let index = try parseExpr()
        depth -= 1
        let close = try expect("]")
        let range = open.range.lowerBound..<close.range.upperBound
        node = try binary(optional ? "_[?_]" : "_[_]", node, index, range)
      } else {
        return node
      }
    }
  }

  private mutating func parsePrimary(negatedLiteralFrom: Int?) throws(SyntaxError) -> Node {
    let t = current
    switch t.kind {
    case .int(let digits):
      _ = advance()
      let start = negatedLiteralFrom ?? t.range.lowerBound
      let value = Parser.parseInt(digits, negative: negatedLiteralFrom != nil)
      guard let value else {
        throw SyntaxError(message: "invalid int literal", range: start..<t.range.upperBound)
      }
      return (make(.literal(.int(value)), start..<t.range.upperBound), 1)
    case .uint(let digits):
      _ = advance()
      guard let v = Parser.parseUInt(digits) else {
        throw SyntaxError(message: "invalid uint literal", range: t.range)
      }
      return (make(.literal(.uint(v)), t.range), 1)
    case .double(let text):
      _ = advance()
      let start = negatedLiteralFrom ?? t.range.lowerBound
      guard let v = Double(text) else {
        throw SyntaxError(message: "invalid double literal", range: t.range)
      }
      return (make(.literal(.double(negatedLiteralFrom != nil ? -v : v)), start..<t.range.upperBound), 1)
    case .string(let s):
      _ = advance()
      return (make(.literal(.string(s)), t.range), 1)
    case .bytes(let b):
      _ = advance()
      return (make(.literal(.bytes(b)), t.range), 1)
    case .punct("("):
      _ = advance()
      try enter(t.range)
      let inner = try parseExpr()
      depth -= 1
      _ = try expect(")")
      return inner
    case .punct("["):
      _ = advance()
      return try parseList(open: t)
    case .punct("{"):
      _ = advance()
      return try parseMap(open: t)
    case .punct("."):
      _ = advance()
      guard case .ident(let name) = current.kind else { throw unexpected(expecting: "IDENTIFIER") }
      let nameTok = advance()
      return try identOrCall("." + name, range: t.range.lowerBound..<nameTok.range.upperBound)
    case .ident(let name):
      _ = advance()
      switch name {
      case "true": return (make(.literal(.bool(true)), t.range), 1)
      case "false": return (make(.literal(.bool(false)), t.range), 1)
      case "null": return (make(.literal(.null), t.range), 1)
      case "in":
        throw SyntaxError(message: "Syntax error: mismatched input 'in'", range: t.range)
      default:
        if isReservedWord(name) {
          throw SyntaxError(message: "reserved identifier: \(name)", range: t.range)
        }
        return try identOrCall(name, range: t.range)
      }
    default:
      throw unexpected()
    }
  }

  private mutating func identOrCall(_ name: String, range: Range<Int>) throws(SyntaxError) -> Node {
    guard let open = accept("(") else {
      if current.isPunct("{") {
        throw SyntaxError(
          message: "message construction is not supported: \(name){...}", range: range)
      }
      return (make(.ident(name), range), 1)
    }
    let args = try parseArgs(close: ")")
    try checkDepth(args.depth + 1, open.range)
    return try globalCall(name, args: args.nodes, range: range.lowerBound..<args.end)
  }
}

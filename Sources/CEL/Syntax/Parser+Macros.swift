/// Macro expansion, as cel-go's `parser/macro.go`: `has`, `all`, `exists`, `exists_one`,
/// `map`, `filter`, the two-variable forms, `cel.bind`, `optMap` and `optFlatMap` become a
/// `.select(testOnly:)` or one `.comprehension`, so later stages know a single loop form.
extension Parser {
  /// The accumulator variable of macro loops (not a valid identifier, so it cannot clash).
  static let accumulator = "@result"

  mutating func globalCall(_ name: String, args: [Node], range: Range<Int>) throws(SyntaxError)
    -> Node
  {
    let depth = (args.map(\.depth).max() ?? 0) + 1
    if macrosEnabled, name == "has", args.count == 1 {
      guard case .select(let operand, let field, _, false) = args[0].expr.kind else {
        throw SyntaxError(message: "invalid argument to has() macro", range: range)
      }
      return (make(.select(operand: operand, field: field, testOnly: true, optional: false), range), depth)
    }
    return (make(.call(function: name, target: nil, args: args.map(\.expr)), range), depth)
  }

  mutating func memberCall(_ name: String, target: Node, args: [Node], range: Range<Int>)
    throws(SyntaxError) -> Node
  {
    let depth = max(target.depth, args.map(\.depth).max() ?? 0) + 2
    if macrosEnabled, let expanded = try expandMacro(name, target: target.expr, args: args.map(\.expr), range: range) {
      return (expanded, depth)
    }
    return (make(.call(function: name, target: target.expr, args: args.map(\.expr)), range), depth)
  }

  private func variableName(_ e: Expr, _ range: Range<Int>) throws(SyntaxError) -> String {
    guard case .ident(let name) = e.kind, !name.hasPrefix(".") else {
      throw SyntaxError(message: "argument must be a simple name", range: range)
    }
    return name
  }

  private mutating func ident(_ name: String, _ r: Range<Int>) -> Expr { make(.ident(name), r) }
  private mutating func call(_ f: String, _ args: [Expr], _ r: Range<Int>) -> Expr {
    make(.call(function: f, target: nil, args: args), r)
  }
  private mutating func lit(_ c: Expr.Constant, _ r: Range<Int>) -> Expr { make(.literal(c), r) }

  // swiftlint:disable:next cyclomatic_complexity
  private mutating func expandMacro(_ name: String, target: Expr, args: [Expr], range r: Range<Int>)
    throws(SyntaxError) -> Expr?
  {
    let acc = Parser.accumulator
    // cel.bind(var, init, body)
    if name == "bind", args.count == 3, case .ident("cel") = target.kind {
      let v = try variableName(args[0], r)
      let empty = make(.createList(elements: [], optionalIndices: []), r)
      return make(
        .comprehension(
          .init(
            iterVar: "#unused", iterRange: empty, accuVar: v, accuInit: args[1],
            loopCondition: lit(.bool(false), r), loopStep: ident(v, r), result: args[2])), r)
    }
    switch (name, args.count) {
    case ("all", 2), ("exists", 2), ("exists_one", 2), ("existsOne", 2), ("map", 2), ("map", 3),
      ("filter", 2):
      let x = try variableName(args[0], r)
      return try oneVariableLoop(name, x, target, Array(args.dropFirst()), r)
    case ("all", 3), ("exists", 3), ("exists_one", 3), ("existsOne", 3), ("transformList", 3),
      ("transformList", 4), ("transformMap", 3), ("transformMap", 4), ("transformMapEntry", 3),
      ("transformMapEntry", 4):
      let k = try variableName(args[0], r)
      let v = try variableName(args[1], r)
      if k == acc || v == acc || k == v {
        throw SyntaxError(message: "duplicate variable name: \(k)", range: r)
      }
      return twoVariableLoop(name, k, v, target, Array(args.dropFirst(2)), r)
    case ("optMap", 2), ("optFlatMap", 2):
      let x = try variableName(args[0], r)
      let hasValue = make(.call(function: "hasValue", target: target, args: []), r)
      let value = make(.call(function: "value", target: target, args: []), r)
      let empty = make(.createList(elements: [], optionalIndices: []), r)
      let bound = make(
        .comprehension(
          .init(
            iterVar: "#unused", iterRange: empty, accuVar: x, accuInit: value,
            loopCondition: lit(.bool(false), r), loopStep: ident(x, r), result: args[1])), r)
      let some = name == "optMap" ? call("optional.of", [bound], r) : bound
      let none = call("optional.none", [], r)
      return call("_?_:_", [hasValue, some, none], r)
    default:
      return nil
    }
  }

  private mutating func oneVariableLoop(
    _ name: String, _ x: String, _ range: Expr, _ args: [Expr], _ r: Range<Int>
  ) throws(SyntaxError) -> Expr {
    let acc = Parser.accumulator
    let initial: Expr
    var condition: Expr
    let step: Expr
    var result: Expr
    switch name {
    case "all":
      initial = lit(.bool(true), r)
      condition = call("@not_strictly_false", [ident(acc, r)], r)
      step = call("_&&_", [ident(acc, r), args[0]], r)
    case "exists":
      initial = lit(.bool(false), r)
      condition = call("@not_strictly_false", [call("!_", [ident(acc, r)], r)], r)
      step = call("_||_", [ident(acc, r), args[0]], r)
    case "exists_one", "existsOne":
      initial = lit(.int(0), r)
      condition = lit(.bool(true), r)
      step = call(
        "_?_:_", [args[0], call("_+_", [ident(acc, r), lit(.int(1), r)], r), ident(acc, r)], r)
      result = call("_==_", [ident(acc, r), lit(.int(1), r)], r)
      return make(
        .comprehension(
          .init(
            iterVar: x, iterRange: range, accuVar: acc, accuInit: initial,
            loopCondition: condition, loopStep: step, result: result)), r)
    case "map":
      initial = make(.createList(elements: [], optionalIndices: []), r)
      condition = lit(.bool(true), r)
      let transform = args.count == 2 ? args[1] : args[0]
      let appended = call(
        "_+_", [ident(acc, r), make(.createList(elements: [transform], optionalIndices: []), r)], r)
      step = args.count == 2 ? call("_?_:_", [args[0], appended, ident(acc, r)], r) : appended
    default:  // filter
      initial = make(.createList(elements: [], optionalIndices: []), r)
      condition = lit(.bool(true), r)
      let appended = call(
        "_+_", [ident(acc, r), make(.createList(elements: [ident(x, r)], optionalIndices: []), r)],
        r)
      step = call("_?_:_", [args[0], appended, ident(acc, r)], r)
    }
    result = ident(acc, r)
    return make(
      .comprehension(
        .init(
          iterVar: x, iterRange: range, accuVar: acc, accuInit: initial,
          loopCondition: condition, loopStep: step, result: result)), r)
  }

  private mutating func twoVariableLoop(
    _ name: String, _ k: String, _ v: String, _ range: Expr, _ args: [Expr], _ r: Range<Int>
  ) -> Expr {
    let acc = Parser.accumulator
    let initial: Expr
    let condition: Expr
    let step: Expr
    var result = ident(acc, r)
    switch name {
    case "all":
      initial = lit(.bool(true), r)
      condition = call("@not_strictly_false", [ident(acc, r)], r)
      step = call("_&&_", [ident(acc, r), args[0]], r)
    case "exists":
      initial = lit(.bool(false), r)
      condition = call("@not_strictly_false", [call("!_", [ident(acc, r)], r)], r)
      step = call("_||_", [ident(acc, r), args[0]], r)
    case "exists_one", "existsOne":
      initial = lit(.int(0), r)
      condition = lit(.bool(true), r)
      step = call(
        "_?_:_", [args[0], call("_+_", [ident(acc, r), lit(.int(1), r)], r), ident(acc, r)], r)
      result = call("_==_", [ident(acc, r), lit(.int(1), r)], r)
    case "transformList":
      initial = make(.createList(elements: [], optionalIndices: []), r)
      condition = lit(.bool(true), r)
      let transform = args.count == 2 ? args[1] : args[0]
      let appended = call(
        "_+_", [ident(acc, r), make(.createList(elements: [transform], optionalIndices: []), r)], r)
      step = args.count == 2 ? call("_?_:_", [args[0], appended, ident(acc, r)], r) : appended
    default:  // transformMap, transformMapEntry
      initial = make(.createMap(entries: []), r)
      condition = lit(.bool(true), r)
      let transform = args.count == 2 ? args[1] : args[0]
      let inserted =
        name == "transformMap"
        ? call("cel.@mapInsert", [ident(acc, r), ident(k, r), transform], r)
        : call("cel.@mapInsert", [ident(acc, r), transform], r)
      step = args.count == 2 ? call("_?_:_", [args[0], inserted, ident(acc, r)], r) : inserted
    }
    return make(
      .comprehension(
        .init(
          iterVar: k, iterVar2: v, iterRange: range, accuVar: acc, accuInit: initial,
          loopCondition: condition, loopStep: step, result: result)), r)
  }
}

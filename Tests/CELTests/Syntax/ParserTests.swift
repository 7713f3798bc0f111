import Testing

@testable import CEL

/// The parser's trees, printed: precedence, associativity, literals, macro expansion.
@Suite struct ParserTests {
  private func parse(_ source: String, ids: Bool = false) -> String {
    switch CELEnvironment().parse(source) {
    case .success(let p): return ASTPrinter.print(p.root, ids: ids)
    case .failure(let issues): return "ERROR: \(issues)"
    }
  }

  @Test(arguments: [
    ("1 + 2 * 3", "_+_(1, _*_(2, 3))"),
    ("1 - 2 - 3", "_-_(_-_(1, 2), 3)"),
    ("a || b && c", "_||_(a, _&&_(b, c))"),
    ("a ? b : c ? d : e", "_?_:_(a, b, _?_:_(c, d, e))"),
    ("!a == b", "_==_(!_(a), b)"),
    ("-x.y", "-_(x.y)"),
    ("-1", "-1"),
    ("--1", "-_(-1)"),
    ("x in [1, 2u, 3.5]", "@in(x, [1, 2u, 3.5])"),
    ("a.b[c].d(e)", "_[_](a.b, c).d(e)"),
    ("m.?k", "m.?k"),
    ("l[?0]", "_[?_](l, 0)"),
    ("[1, ?x]", "[1, ?x]"),
    ("{'a': 1, ?'b': x}", "{\"a\": 1, ?\"b\": x}"),
    (".y.z", ".y.z"),
    ("has(a.b)", "a.b~test-only"),
    ("m.`content-type`", "m.content-type"),
    ("a && b && c && d", "_&&_(_&&_(a, b), _&&_(c, d))"),
    ("0x1F + 0xFFu", "_+_(31, 255u)"),
    ("1e3 + .5", "_+_(1000.0, 0.5)"),
    ("b'\\xff\\001'", "b\"\\xff\\x01\""),
    ("r'\\n' + '\\n'", "_+_(\"\\\\n\", \"\\n\")"),
  ])
  func trees(_ source: String, _ expected: String) {
    #expect(parse(source) == expected)
  }

  @Test func macrosExpandIntoOneComprehension() {
    #expect(
      parse("l.all(x, x > 0)")
        == "__comprehension__(x, l, @result, true, @not_strictly_false(@result), _&&_(@result, _>_(x, 0)), @result)"
    )
    #expect(
      parse("l.exists(x, p)")
        == "__comprehension__(x, l, @result, false, @not_strictly_false(!_(@result)), _||_(@result, p), @result)"
    )
    #expect(
      parse("l.exists_one(x, p)")
        == "__comprehension__(x, l, @result, 0, true, _?_:_(p, _+_(@result, 1), @result), _==_(@result, 1))"
    )
    #expect(
      parse("l.map(x, x * 2)")
        == "__comprehension__(x, l, @result, [], true, _+_(@result, [_*_(x, 2)]), @result)")
    #expect(
      parse("l.filter(x, p)")
        == "__comprehension__(x, l, @result, [], true, _?_:_(p, _+_(@result, [x]), @result), @result)")
    #expect(
      parse("m.transformMap(k, v, v + 1)")
        == "__comprehension__(k, v, m, @result, {}, true, cel.@mapInsert(@result, k, _+_(v, 1)), @result)")
    #expect(
      parse("cel.bind(x, 1, x + x)")
        == "__comprehension__(#unused, [], x, 1, false, x, _+_(x, x))")
  }

  @Test func nodeIDsAreUniqueAndPositioned() throws {
    let parsed = try CELEnvironment().parse("a + b.c").get()
    #expect(ASTPrinter.print(parsed.root, ids: true) == "_+_(a^#1, b^#2.c^#3)^#4")
    #expect(parsed.sourceMap.range(of: 4) == 2..<3)
    #expect(parsed.sourceMap.range(of: 3) == 5..<7)
  }

  @Test func macroArgumentsMustBeNames() {
    #expect(parse("l.all(1, true)").hasPrefix("ERROR"))
    #expect(parse("has(a)").hasPrefix("ERROR"))
    #expect(parse("l.all(x, x, true)").hasPrefix("ERROR"))
  }
}

import Testing

@testable import CEL

/// Hostile or mistaken input stops at a documented limit with a clear message: never a
/// crash, a stack overflow or a hang.
@Suite struct HostileInputTests {
  private func issue(_ source: String, env: CELEnvironment = CELEnvironment()) -> CELIssue? {
    if case .failure(let issues) = env.compile(source) { return issues.first }
    return nil
  }

  @Test(arguments: [
    String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
    String(repeating: "[", count: 10_000) + "1" + String(repeating: "]", count: 10_000),
    String(repeating: "f(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
    String(repeating: "{1: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
    String(repeating: "!", count: 10_000) + "true",
    String(repeating: "-", count: 10_000) + "x",
    "a" + String(repeating: ".b", count: 10_000),
    "a" + String(repeating: "[0]", count: 10_000),
    "a" + String(repeating: ".f()", count: 10_000),
    Array(repeating: "1", count: 10_000).joined(separator: " + "),
    Array(repeating: "x", count: 10_000).joined(separator: " ? 1 : "),
  ])
  func deepNestingIsALimitIssue(_ source: String) throws {
    let i = try #require(issue(source))
    #expect(i.id == "cel_limit_exceeded")
    #expect(i.message.contains("recursion limit"))
  }

  @Test func nestingJustUnderTheLimitWorks() {
    let source = String(repeating: "(", count: 100) + "7" + String(repeating: ")", count: 100)
    #expect(eval(source) == .int(7))
    let list = String(repeating: "[", count: 100) + "7" + String(repeating: "]", count: 100)
    #expect(eval("size(\(list))") == .int(1))
  }

  @Test func longAndOrChainsStayShallow() {
    let source = Array(repeating: "true", count: 10_000).joined(separator: " && ")
    #expect(eval(source) == .bool(true))
  }

  @Test func aMegabyteExpressionIsRejectedBySize() throws {
    let source = "'" + String(repeating: "a", count: 1_000_000) + "'"
    let i = try #require(issue(source))
    #expect(i.id == "cel_limit_exceeded")
    #expect(i.message.contains("size"))
  }

  @Test func nestedComprehensionsStopAtTheIterationBudget() {
    let hundred = "[" + (0..<100).map(String.init).joined(separator: ",") + "]"
    let source = "\(hundred).all(a, \(hundred).all(b, \(hundred).all(c, \(hundred).all(d, true))))"
    guard case .error(let e) = eval(source) else {
      Issue.record("expected an iteration-limit error")
      return
    }
    #expect(e.code == "limit_exceeded")
  }

  @Test func growingStringsStopAtTheSizeLimit() {
    let env = CELEnvironment(limits: CELLimits(maxCollectionSize: 1000))
    var source = "'0123456789'"
    for name in ["a", "b", "c", "d"] {
      source = "cel.bind(\(name), \(source), \(name) + \(name) + \(name) + \(name) + \(name) + \(name) + \(name) + \(name) + \(name) + \(name))"
    }
    guard case .error(let e) = eval(source, env: env) else {
      Issue.record("expected a size-limit error")
      return
    }
    #expect(e.code == "limit_exceeded")
  }

  @Test func hugeListsFromBindingsAreBoundedByIterations() {
    let env = CELEnvironment(limits: CELLimits(maxIterations: 1000))
    let big = CELValue.list(Array(repeating: .int(1), count: 5000))
    let result = eval("xs.map(x, x + 1).size() > 0", ["xs": big], env: env)
    #expect(result.isError)
  }
}

/// Expressions just inside the nesting limit go through every stage (parse, check, plan,
/// evaluate) without exhausting the stack of a test thread.
@Suite struct NearLimitTests {
  @Test(arguments: [
    String(repeating: "(", count: 120) + "1" + String(repeating: ")", count: 120),
    "size(" + String(repeating: "[", count: 120) + "1" + String(repeating: "]", count: 120) + ")",
    String(repeating: "int(", count: 120) + "1" + String(repeating: ")", count: 120),
    "1" + String(repeating: " + 1", count: 240),
    String(repeating: "-", count: 240) + "1",
    String(repeating: "!", count: 240) + "true",
    "[1]" + String(repeating: ".map(x, x)", count: 60) + " == [1]",
    String(repeating: "[1].all(x, ", count: 60) + "true" + String(repeating: ")", count: 60),
  ])
  func nearLimitExpressionsEvaluate(_ source: String) {
    let value = eval(source)
    if case .error(let e) = value {
      #expect(e.message.contains("limit"), "\(e.message)")
    }
  }
}

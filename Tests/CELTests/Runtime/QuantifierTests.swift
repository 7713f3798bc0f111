import Testing

@testable import CEL

/// `all` and `exists` run as tight loops; they must keep the macro's error absorption: a
/// later deciding element wins over an earlier error, otherwise the error is the result.
@Suite struct QuantifierTests {
  private func eval(_ source: String) -> CELValue {
    switch CELEnvironment().compile(source) {
    case .success(let program): return program.evaluate()
    case .failure(let issues): return .error(CELError(code: "check", "\(issues)"))
    }
  }

  private func isError(_ v: CELValue) -> Bool {
    if case .error = v { return true }
    return false
  }

  @Test func decidingElementsWinOverEarlierErrors() {
    #expect(eval("[0, 1].exists(x, 1 / x > 0)") == .bool(true))
    #expect(eval("[0, -1].all(x, 1 / x > 0)") == .bool(false))
  }

  @Test func undecidedLoopsReturnTheError() {
    #expect(isError(eval("[0, -1].exists(x, 1 / x > 0)")))
    #expect(isError(eval("[0, 1].all(x, 1 / x > 0)")))
    #expect(isError(eval("dyn([1]).exists(x, x)")))
  }

  @Test func mapsListsAndTwoVariables() {
    #expect(eval("{'a': 1, 'b': 2}.exists(k, k == 'b')") == .bool(true))
    #expect(eval("{'a': 1, 'b': 2}.all(k, v, v > 0)") == .bool(true))
    #expect(eval("[5, 6].exists(i, v, i == 1 && v == 6)") == .bool(true))
    #expect(eval("[].exists(x, x > 0)") == .bool(false))
    #expect(eval("[].all(x, x > 0)") == .bool(true))
    #expect(eval("[[1, 2], [3]].exists(l, l.all(x, x > 2))") == .bool(true))
  }
}

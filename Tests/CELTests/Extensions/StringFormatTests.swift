import Testing

@testable import CEL

/// `string.format` as message templates use it: every verb, precision, and clear errors for
/// bad clauses and missing or mistyped arguments.
@Suite struct StringFormatTests {
  private func eval(_ source: String) -> CELValue {
    switch CELEnvironment().compile(source) {
    case .success(let program): return program.evaluate()
    case .failure(let issues): return .error(CELError(code: "check", "\(issues)"))
    }
  }

  @Test(arguments: [
    ("'%s owes %.2f'.format(['李雷', 12.5])", "李雷 owes 12.50"),
    ("'%d%%'.format([42])", "42%"),
    ("'%x %X %o %b'.format([255, 255u, 8, 5])", "ff FF 10 101"),
    ("'%e'.format([123456.0])", "1.234560e+05"),
    ("'%s'.format([1e20])", "100000000000000000000"),
    ("'%s'.format([0.000001])", "0.000001"),
    ("'%s'.format([{'b': 1, 'a': [true, null]}])", "{a: [true, null], b: 1}"),
    ("'%x'.format([-30])", "-1e"),
  ])
  func verbs(_ source: String, _ expected: String) {
    #expect(eval(source) == .string(expected), "\(source)")
  }

  @Test(arguments: [
    ("'%s %s'.format(['one'])", "index 1 out of range"),
    ("'%q'.format([1])", "unrecognized formatting clause"),
    ("'%.f'.format([1.0])", "precision"),
    ("'%d'.format(['x'])", "decimal clause"),
    ("'%s'.format([optional.of(1)])", "string clause"),
  ])
  func errorsNameTheProblem(_ source: String, _ fragment: String) {
    guard case .error(let e) = eval(source) else {
      Issue.record("\(source) should be an error")
      return
    }
    #expect(e.message.contains(fragment), "\(e.message)")
  }
}

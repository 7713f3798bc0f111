import Testing

@testable import CEL

/// The strings extension as a rule author uses it: positions in code points, Go's corner
/// cases for empty separators and limits, and errors (never crashes) for bad indexes.
@Suite struct StringsExtensionTests {
  private func eval(_ source: String) -> CELValue {
    switch CELEnvironment().compile(source) {
    case .success(let program): return program.evaluate()
    case .failure(let issues): return .error(CELError(code: "check", "\(issues)"))
    }
  }

  @Test(arguments: [
    ("'中文标题'.charAt(1)", CELValue.string("文")),
    ("'中文标题'.indexOf('标')", .int(2)),
    ("'a,b,,c'.split(',')", .list(["a", "b", "", "c"].map(CELValue.string))),
    ("'abc'.split('')", .list(["a", "b", "c"].map(CELValue.string))),
    ("'a-b-c'.split('-', 2)", .list(["a", "b-c"].map(CELValue.string))),
    ("'abc'.replace('', '.')", .string(".a.b.c.")),
    ("'aaa'.replace('a', 'b', 2)", .string("bba")),
    ("'  标题 \\t'.trim()", .string("标题")),
    ("'ÄbC'.lowerAscii()", .string("Äbc")),
    ("['a', 'b'].join(', ')", .string("a, b")),
    ("'é中'.reverse()", .string("中é")),
    ("strings.quote('say \"hi\"\\n')", .string(#""say \"hi\"\n""#)),
    ("'中文标题'.substring(1, 3)", .string("文标")),
    ("'abcabc'.lastIndexOf('bc')", .int(4)),
  ])
  func stringFunctions(_ source: String, _ expected: CELValue) {
    #expect(eval(source) == expected, "\(source)")
  }

  @Test(arguments: [
    "'abc'.charAt(4)", "'abc'.charAt(-1)", "'abc'.substring(2, 1)", "'abc'.substring(0, 9)",
    "'abc'.indexOf('a', 3)", "'abc'.lastIndexOf('a', -1)", "dyn([1, 2]).join()",
  ])
  func badIndexesAreErrors(_ source: String) {
    guard case .error = eval(source) else {
      Issue.record("\(source) should be an error, got \(eval(source))")
      return
    }
  }

  @Test func wrongArgumentTypesAreReportedWhenChecking() {
    guard case .failure(let issues) = CELEnvironment().compile("'abc'.split(1)") else {
      Issue.record("'abc'.split(1) should not check")
      return
    }
    #expect("\(issues)".contains("no matching overload"))
  }

  @Test func wrongReceiverAtRuntimeNamesTheFunction() {
    guard case .error(let e) = eval("dyn(42).charAt(1)") else {
      Issue.record("charAt on an int should be an error")
      return
    }
    #expect(e.message.contains("'charAt'"), "\(e.message)")
  }
}

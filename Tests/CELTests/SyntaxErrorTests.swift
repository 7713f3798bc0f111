import Testing

@testable import CEL

@Suite struct SyntaxErrorTests {
  private func issue(_ source: String) -> CELIssue? {
    if case .failure(let issues) = CELEnvironment().compile(source) { return issues.first }
    return nil
  }

  @Test func positionsAreScalarColumns() throws {
    let i = try #require(issue("'名字' == 1 +"))
    #expect(i.id == "cel_syntax")
    #expect(i.line == 1)
    #expect(i.column == 12)
  }

  @Test func secondLine() throws {
    let i = try #require(issue("a &&\n  b +"))
    #expect(i.line == 2)
    #expect(i.column == 6)
  }

  @Test func invalidEscapesAreSyntaxErrors() {
    #expect(issue(#"'\q'"#)?.id == "cel_syntax")
    #expect(issue(#"'\u12'"#)?.id == "cel_syntax")
    #expect(issue("'unterminated") != nil)
    #expect(issue("9223372036854775808") != nil)
  }

  @Test func reservedWordsCannotBeNames() {
    #expect(issue("if") != nil)
    #expect(issue("{'if': 1}.if") == nil)
  }
}

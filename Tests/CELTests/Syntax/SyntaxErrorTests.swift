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
    let reserved = [
      "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
      "loop", "package", "namespace", "return", "var", "void", "while",
    ]
    for word in reserved {
      #expect(issue(word) != nil, "\(word)")
      #expect(issue("{'\(word)': 1}.\(word)") == nil, "\(word)")
    }
    #expect(issue("{'iff': 1}.iff") == nil)
  }
}

@Suite struct UTF8InputTests {
  @Test func invalidUTF8IsASyntaxIssueAtTheBadByte() throws {
    let bytes: [UInt8] = Array("'ab' + '".utf8) + [0xFF, 0x27]
    guard case .failure(let issues) = CELEnvironment().compile(utf8: bytes) else {
      Issue.record("expected an issue")
      return
    }
    let issue = try #require(issues.first)
    #expect(issue.id == "cel_syntax")
    #expect(issue.column == 9)
  }

  @Test func validUTF8Compiles() throws {
    let program = try CELEnvironment().compile(utf8: Array("'名' + '字'".utf8)).get()
    #expect(program.evaluate() == .string("名字"))
  }
}

@Suite struct SyntaxMessageTests {
  @Test func messagesUseCelGoWording() throws {
    guard case .failure(let issues) = CELEnvironment().compile("(1 + 2") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(issues.first?.message == "Syntax error: mismatched input '<EOF>' expecting ')'")
  }
}

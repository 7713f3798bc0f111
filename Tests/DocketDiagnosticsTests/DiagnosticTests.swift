import DocketDiagnostics
import Testing

@Suite struct DiagnosticTests {
  @Test func rendersContractLineWithSuggestion() {
    let d = Diagnostic.error(
      "unknown_state", "unknown state 'handlng'",
      at: SourceSpan(file: "workflows/complaint.yaml", line: 12, column: 7), suggestion: "handling")
    #expect(
      d.description
        == "workflows/complaint.yaml:12:7: error: unknown state 'handlng' (did you mean 'handling'?)")
  }

  @Test func caretLinesUpUnderChineseText() {
    let file = SourceFile(path: "w.yaml", text: "title: 客户投诉\nlabel: 已接待 x\n")
    let span = SourceSpan(file: "w.yaml", start: SourcePosition(line: 2, column: 12))
    let text = DiagnosticRenderer(sources: ["w.yaml": file]).context(for: span, in: file)
    let lines = text.split(separator: "\n").map(String.init)
    // "label: 已接待 " is 7 + 6 + 1 = 14 cells wide, so the caret is in cell 15.
    #expect(lines[1] == "   | " + String(repeating: " ", count: 14) + "^")
    #expect(file.position(ofOffset: 21) == SourcePosition(line: 2, column: 10))
  }

  @Test func sortsByFileLineColumnAndDropsDuplicates() {
    var bag = DiagnosticBag()
    bag.error("b", "second", at: SourceSpan(file: "a.yaml", line: 3, column: 1))
    bag.error("a", "first", at: SourceSpan(file: "a.yaml", line: 1, column: 9))
    bag.error("a", "first", at: SourceSpan(file: "a.yaml", line: 1, column: 9))
    #expect(bag.sorted.map(\.id) == ["a", "b"])
    #expect(bag.hasErrors)
  }

  @Test func suggestsNearNamesOnly() {
    #expect(Suggestion.closest(to: "handlng", in: ["received", "handling"]) == "handling")
    #expect(Suggestion.closest(to: "zzz", in: ["received", "handling"]) == nil)
    // A swap of two neighbouring letters is one slip, even in a short name.
    #expect(Suggestion.closest(to: "doign", in: ["todo", "doing", "done"]) == "doing")
    #expect(Suggestion.closest(to: "Handling", in: ["handling"]) == "handling")
  }

  @Test func measuresWideCharactersAsTwoCells() {
    #expect(DisplayWidth.of("客服abc") == 7)
    #expect(DisplayWidth.padRight("李伟", to: 6) == "李伟  ")
    #expect(DisplayWidth.truncate("已协调商户处理", to: 7) == "已协调…")
  }
}

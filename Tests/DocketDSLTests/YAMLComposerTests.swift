import DocketDiagnostics
import Testing

@testable import DocketDSL

@Suite("Composing YAML with positions and limits")
struct YAMLComposerTests {
  func compose(_ text: String, limits: YAMLLimits = .default) -> (YAMLNode?, DiagnosticBag) {
    var bag = DiagnosticBag()
    let file = SourceFile(path: "t.yaml", text: text)
    return (YAMLComposer(file: file, limits: limits).compose(text, into: &bag), bag)
  }

  @Test func columnsCountUnicodeScalarsAfterChineseText() throws {
    let (root, bag) = compose("标题: 客户投诉\nstates: { 已受理: x, b: 李伟 }\n")
    #expect(bag.diagnostics.isEmpty)
    let pairs = try #require(root?.pairs)
    #expect(pairs[0].value.span.start == SourcePosition(line: 1, column: 5))
    let flow = try #require(pairs[1].value.pairs)
    #expect(flow[0].value.span.start == SourcePosition(line: 2, column: 16))
    #expect(flow[1].key.span.start == SourcePosition(line: 2, column: 19))
    #expect(flow[1].value.offset == 30)  // scalar offset into the whole text
  }

  @Test func aliasBombIsRefusedWithADiagnostic() {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in 1...9 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
    let (root, bag) = compose(lines.joined(separator: "\n"))
    #expect(root == nil)
    #expect(bag.diagnostics.map(\.id) == ["yaml_alias_limit"])
  }

  @Test func tooManyAliasesAreRefusedEvenWhenSmall() {
    let text = "a: &a x\nb: [" + Array(repeating: "*a", count: 20).joined(separator: ", ") + "]"
    let (_, bag) = compose(text, limits: YAMLLimits(maxAliases: 10))
    #expect(bag.diagnostics.map(\.id) == ["yaml_alias_limit"])
  }

  @Test func aliasesWithinLimitsAreExpanded() throws {
    let (root, bag) = compose("base: &b { to: closed }\nother: *b\n")
    #expect(bag.diagnostics.isEmpty)
    let other = try #require(root?.pairs?[1].value.pairs)
    #expect(other[0].value.scalar?.text == "closed")
  }

  @Test func deepNestingIsRefused() {
    let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    let (root, bag) = compose(text)
    #expect(root == nil)
    #expect(bag.diagnostics.map(\.id) == ["yaml_too_deep"])
  }

  @Test func everyDuplicateKeyIsReportedAndCompositionGoesOn() throws {
    let (root, bag) = compose("a: 1\nb: 2\na: 3\nb: 4\nc: 5\n")
    #expect(bag.diagnostics.map(\.id) == ["duplicate_key", "duplicate_key"])
    #expect(bag.diagnostics.map(\.span?.start.line) == [3, 4])
    #expect(root?.pairs?.count == 5)
  }

  @Test func syntaxErrorsCarryLibyamlsPosition() {
    let (root, bag) = compose("a: [1, 2\nb: 3\n")
    #expect(root == nil)
    #expect(bag.diagnostics.first?.id == "yaml_syntax")
    #expect(bag.diagnostics.first?.span?.start.line == 2)
  }

  @Test func aSecondDocumentIsRefused() {
    let (_, bag) = compose("a: 1\n---\nb: 2\n")
    #expect(bag.diagnostics.map(\.id) == ["yaml_syntax"])
  }

  @Test func scalarStylesAreKept() throws {
    let (root, _) = compose("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  lit\ne: >\n  fold\n")
    let styles = try #require(root?.pairs).map { $0.value.scalar?.style }
    #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
  }
}

@Suite("Reading bytes as text")
struct SourceTextTests {
  @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
    var bag = DiagnosticBag()
    let bytes = Array("a: 1\nb: 李".utf8) + [0xFF] + Array(" x\n".utf8)
    #expect(SourceText.decode(bytes, path: "x.yaml", into: &bag) == nil)
    #expect(bag.diagnostics.map(\.id) == ["invalid_utf8"])
    #expect(bag.diagnostics.first?.span?.start == SourcePosition(line: 2, column: 5))
  }

  @Test func oversizedFilesAreRefused() {
    var bag = DiagnosticBag()
    let bytes = [UInt8](repeating: 0x61, count: 2000)
    #expect(SourceText.decode(bytes, path: "x.yaml", limits: YAMLLimits(maxBytes: 1000), into: &bag) == nil)
    #expect(bag.diagnostics.map(\.id) == ["file_too_large"])
  }

  @Test func aByteOrderMarkIsDropped() {
    var bag = DiagnosticBag()
    #expect(SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a: 1".utf8), path: "x", into: &bag) == "a: 1")
  }
}

@Suite("YAML merge keys")
struct MergeKeyTests {
  func compose(_ text: String) -> (YAMLNode?, DiagnosticBag) {
    var bag = DiagnosticBag()
    let file = SourceFile(path: "t.yaml", text: text)
    return (YAMLComposer(file: file).compose(text, into: &bag), bag)
  }

  @Test func mergedEntriesFillWhatTheMappingDoesNotSet() throws {
    let (root, bag) = compose("base: &b { to: closed, by: [a] }\nx: { <<: *b, by: [c] }\n")
    #expect(bag.diagnostics.isEmpty)
    let x = try #require(root?.pairs?[1].value.pairs)
    #expect(x.map { $0.key.scalar?.text } == ["by", "to"])
    #expect(x[0].value.sequence?.first?.scalar?.text == "c")
  }

  @Test func mergingSomethingElseIsReported() {
    let (_, bag) = compose("x: { <<: 3, a: 1 }\n")
    #expect(bag.diagnostics.map(\.id) == ["wrong_type"])
  }
}

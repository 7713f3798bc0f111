import DocketDiagnostics
import Testing

@testable import DocketDSL

@Suite("Positions inside expressions map to file positions")
struct EmbeddedExpressionTests {
  /// The file position of the first `+` of the expression under key `x`.
  func plusPosition(_ yaml: String) throws -> SourcePosition {
    var bag = DiagnosticBag()
    let file = SourceFile(path: "t.yaml", text: yaml)
    let root = try #require(YAMLComposer(file: file).compose(yaml, into: &bag))
    let node = try #require(root.pairs?.first { $0.key.scalar?.text == "x" }?.value)
    let embedded = try #require(EmbeddedExpression(node, in: file))
    let offset = try #require(Array(embedded.text.unicodeScalars).firstIndex(of: "+"))
    return embedded.position(ofOffset: offset)
  }

  @Test func plainScalar() throws {
    #expect(try plusPosition("x: 客户 + 1\n") == SourcePosition(line: 1, column: 7))
  }

  @Test func doubleQuotedScalar() throws {
    #expect(try plusPosition("x: \"客户 + 1\"\n") == SourcePosition(line: 1, column: 8))
  }

  @Test func singleQuotedScalarWithDoubledQuote() throws {
    #expect(try plusPosition("x: '''a'' + 1'\n") == SourcePosition(line: 1, column: 11))
  }

  @Test func literalBlockScalar() throws {
    #expect(try plusPosition("x: |\n  a &&\n    b + 1\n") == SourcePosition(line: 3, column: 7))
  }

  @Test func foldedBlockScalar() throws {
    #expect(try plusPosition("x: >\n  a &&\n  b + 1\n") == SourcePosition(line: 3, column: 5))
  }

  @Test func escapesBeforeThePositionFallBackToTheScalarStart() throws {
    #expect(try plusPosition("x: \"\\t a + 1\"\n") == SourcePosition(line: 1, column: 4))
  }
}

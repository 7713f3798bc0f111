import DocketDiagnostics
import Testing

/// Offsets and positions in Unicode scalars, whatever the bytes: what diagnostics and CEL
/// error positions point at.
@Suite struct SourceFileTests {
  // "客户" is two scalars of three bytes each; "😀" one scalar of four bytes; CRLF on line 2.
  static let file = SourceFile(path: "w.yaml", text: "title: 客户\r\nicon: 😀 ok\n\nlast")

  @Test func positionsAndOffsetsCountScalarsAcrossLines() {
    let file = Self.file
    #expect(file.lineCount == 4)
    #expect(file.scalarCount == 11 + 11 + 1 + 4)
    #expect(file.position(ofOffset: 7) == SourcePosition(line: 1, column: 8))
    #expect(file.position(ofOffset: 11) == SourcePosition(line: 2, column: 1))
    #expect(file.position(ofOffset: 19) == SourcePosition(line: 2, column: 9))
    #expect(file.position(ofOffset: 22) == SourcePosition(line: 3, column: 1))
    #expect(file.position(ofOffset: 23) == SourcePosition(line: 4, column: 1))
    #expect(file.position(ofOffset: 999) == SourcePosition(line: 4, column: 5))
    #expect(file.offset(of: SourcePosition(line: 2, column: 7)) == 17)
    #expect(file.offset(of: SourcePosition(line: 5, column: 1)) == nil)
  }

  @Test func scalarsOfARangeAreTheTextsOwn() {
    let file = Self.file
    #expect(String(String.UnicodeScalarView(file.scalars(in: 7..<9))) == "客户")
    #expect(String(String.UnicodeScalarView(file.scalars(in: 17..<21))) == "😀 ok")
    #expect(String(String.UnicodeScalarView(file.scalars(in: 9..<12))) == "\r\ni")
    #expect(String(String.UnicodeScalarView(file.scalars(in: 24..<99))) == "ast")
    #expect(file.scalars(in: 30..<40).isEmpty)
  }

  @Test func linesComeWithoutTheirBreaks() {
    let file = Self.file
    #expect(file.line(1) == "title: 客户")
    #expect(file.line(2) == "icon: 😀 ok")
    #expect(file.line(3) == "")
    #expect(file.line(4) == "last")
    #expect(file.line(5) == nil)
  }

  @Test func everyOffsetOfAMixedTextMatchesACountByScalars() {
    // Lines of every length from 0 to 20 in 1-, 2-, 3- and 4-byte scalars, so line feeds fall
    // at every place of an eight-byte word.
    let pieces: [Unicode.Scalar] = ["a", "é", "客", "😀"]
    var text = String.UnicodeScalarView()
    for length in 0...20 {
      for k in 0..<length { text.append(pieces[(length + k) % pieces.count]) }
      text.append("\n")
    }
    text.append("x")
    let scalars = Array(text)
    let file = SourceFile(path: "m.yaml", text: String(text))
    #expect(file.scalarCount == scalars.count)
    var line = 1
    var column = 1
    for (offset, scalar) in scalars.enumerated() {
      #expect(file.position(ofOffset: offset) == SourcePosition(line: line, column: column))
      #expect(file.scalars(in: offset..<(offset + 1)) == [scalar])
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    #expect(file.lineCount == 22)
  }
}

import DocketModel
import Foundation
import Testing

/// The scalar trimming must trim exactly what Foundation's trims, on every kind of space.
@Suite("Trimming white space")
struct StringTrimmingTests {
  static let samples = [
    "", " ", "\t", "\n", "a", " a ", "\ta\t", " \n a b \r\n", "\u{3000}客户\u{3000}", "\u{00A0}x\u{2009}",
    "\u{2028}y\u{2029}", "\u{0085}z", "\u{200B}w\u{200B}", "1h 30m ", " e\u{301} ", "\u{1680}\u{205F}q\u{202F}",
    "\u{000B}\u{000C}v", "a\u{0000}", "😀 ", "  多 个  空 格  ",
  ]

  @Test("spaces and tabs", arguments: samples)
  func spaces(text: String) {
    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
  }

  @Test("white space and line breaks", arguments: samples)
  func whitespace(text: String) {
    #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test("every scalar of the Basic Multilingual Plane counts as Foundation counts it")
  func everyScalar() {
    for value in UInt32(0)..<0x1_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(Character(scalar))
      #expect(
        text.trimmingSpaces().isEmpty == text.trimmingCharacters(in: .whitespaces).isEmpty,
        "U+\(String(value, radix: 16))")
      #expect(
        text.trimmingWhitespace().isEmpty
          == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
        "U+\(String(value, radix: 16))")
    }
  }
}

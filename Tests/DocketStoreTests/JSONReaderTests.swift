import DocketModel
import Testing

@testable import DocketStore

/// The ticket reader's strings and objects: UTF-8 checked byte for byte, last key wins.
@Suite("JSON reader")
struct JSONReaderTests {
  private func parse(_ bytes: [UInt8]) -> JSONValue? { try? JSONReader.parse(bytes) }

  @Test("strings read back as the same text: ASCII, Chinese, emoji, escapes")
  func validStrings() throws {
    for text in ["", "plain", "客户098998", "楼上装修噪音 😀", "tab\there", "quote\"and\\slash/"] {
      let document = JSONWriter.quoted(text)
      #expect(parse(Array(document.utf8)) == .string(text), "\(text.debugDescription)")
    }
  }

  @Test("bytes that are not UTF-8 inside a string are an error", arguments: [
    [0xFF], [0xC0, 0xAF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    [0x61, 0xE4, 0xB8, 0x62],
  ] as [[UInt8]])
  func invalidUTF8(_ inner: [UInt8]) {
    let document: [UInt8] = [UInt8(ascii: "\"")] + inner + [UInt8(ascii: "\"")]
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(document) }
    // As an object key too.
    let object: [UInt8] = Array("{\"".utf8) + inner + Array("\": 1}".utf8)
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(object) }
  }

  @Test("an object keeps every member, and a key given twice keeps its last value")
  func objects() {
    let text = #"{"b": 1, "a": {"x": [1, 2]}, "b": 3, "c": null, "客服": "李伟", "e": {}}"#
    #expect(
      parse(Array(text.utf8))
        == .object([
          "a": .object(["x": .array([.int(1), .int(2)])]), "b": .int(3), "c": .null,
          "客服": .string("李伟"), "e": .object([:]),
        ]))
  }
}

import Testing

@testable import DocketStore

/// Index and bucket texts written by hand must be exactly what the standard library's
/// formatting and the set-based escape they replaced gave.
@Suite("Index texts")
struct IndexTextTests {
  /// The escape as it was: `%XX` (upper-case hex) for the bytes in the set.
  private func referenceEscape(_ s: String) -> String {
    let escaped: Set<UInt8> = [0x25, 0x09, 0x0A, 0x0D, 0x2C, 0x3A]
    var out: [UInt8] = []
    for b in s.utf8 {
      if escaped.contains(b) {
        out.append(0x25)
        let hex = String(b, radix: 16, uppercase: true)
        out.append(contentsOf: Array((b < 0x10 ? "0" + hex : hex).utf8))
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  @Test("escaping agrees over every byte value and mixed text")
  func escapeAgrees() {
    var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    texts += ["", "plain", "a,b:c%d", "客户\t098998\n", "100%", "::,,", "\r\n", "%25", "楼上, 装修: 噪音"]
    for text in texts {
      #expect(IndexLine.escape(text) == referenceEscape(text), "\(text.debugDescription)")
      #expect(IndexLine.unescape(Array(IndexLine.escape(text).utf8)) == text)
    }
  }

  @Test("bucket names are at least three lower-case hex digits, as String(radix:) padded them")
  func bucketNames() {
    for bucket in [0, 1, 9, 10, 15, 16, 255, 256, 1023, 1024, 4095, 4096, 65535, 1 << 40, -1, -10, -300] {
      let hex = String(bucket, radix: 16)
      #expect(LookupIndex.bucketName(bucket) == String(repeating: "0", count: max(0, 3 - hex.count)) + hex)
    }
  }
}

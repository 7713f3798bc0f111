import DocketModel
import Foundation
import Testing

/// `String.nfc` answers without Foundation only for scalars NFC leaves alone wherever they
/// stand; these tests check that claim for every scalar it covers, against Foundation.
@Suite("NFC without Foundation")
struct StringNFCTests {
  private var covered: [Unicode.Scalar] {
    String.plainlyNFCRanges.flatMap { $0.compactMap(Unicode.Scalar.init) }
  }

  @Test("every covered scalar is its own NFC and NFD, with combining class 0")
  func coveredScalarsAreStable() {
    var unstable: [String] = []
    for scalar in covered {
      let text = String(scalar)
      let isStable =
        text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
        && scalar.properties.canonicalCombiningClass == .notReordered
      if !isStable { unstable.append(String(scalar.value, radix: 16)) }
    }
    #expect(unstable.isEmpty, "not stable under NFC: \(unstable.prefix(20))")
  }

  @Test("no canonical decomposition has a covered scalar after its first")
  func coveredScalarsNeverComposeWithWhatPrecedes() {
    let set = Set(covered.map(\.value))
    var offenders: [String] = []
    for value in UInt32(0)...0x2_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let parts = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
      if parts.dropFirst().contains(where: { set.contains($0.value) }) {
        offenders.append(String(value, radix: 16))
      }
    }
    #expect(offenders.isEmpty, "composes onto a covered scalar: \(offenders.prefix(20))")
    // Hangul composes by algorithm: its trailing jamo must stay outside the covered set.
    #expect(!set.contains(0x1161) && !set.contains(0x11A8))
  }

  @Test("keys people type come out as Foundation's NFC", arguments: [
    "CMP-000123", "张三", "李伟 / 1F 服装店", "café", "cafe\u{301}", "한국어", "ｆｕｌｌ", "Å", "A\u{30A}",
    "\u{2126}", "か\u{3099}", "e\u{301}\u{302}", "",
  ])
  func matchesFoundation(_ text: String) {
    #expect(text.nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
  }

  @Test("text outside the covered ranges is not claimed to be plain")
  func decomposedTextGoesToFoundation() {
    #expect(!"cafe\u{301}".isPlainlyNFC)
    #expect(!"\u{2126}".isPlainlyNFC)
    #expect("张三 café".isPlainlyNFC)
  }
}

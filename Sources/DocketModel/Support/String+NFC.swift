import Foundation

extension String {
  /// The text in Unicode normalization form C.
  ///
  /// Foundation normalizes by bridging through `NSString`, whose first use in the static
  /// binary costs about 0.5 M instructions: a tenth of a millisecond on every command that
  /// reads a lookup key. Most keys are ASCII, Chinese or Hangul and already in NFC, which a
  /// scan of their scalars can tell; only text with anything else goes to Foundation.
  package var nfc: String {
    isPlainlyNFC ? self : precomposedStringWithCanonicalMapping
  }

  /// True when every scalar is one that NFC leaves alone wherever it stands: not
  /// decomposable, combining class 0, and never the second half of a canonical composition.
  /// A text of such scalars is in NFC. False means "ask Foundation", not "not in NFC".
  package var isPlainlyNFC: Bool {
    unicodeScalars.allSatisfy { Self.isPlainlyNFC($0.value) }
  }

  /// The ranges a test checks scalar by scalar against Foundation (StringNFCTests).
  package static let plainlyNFCRanges: [ClosedRange<UInt32>] = [
    0x0000...0x007F,  // ASCII
    0x00A0...0x00FF,  // Latin-1 letters and signs
    0x2010...0x2027,  // dashes, quotation marks, ellipsis
    0x2030...0x205E,  // per mille, primes, more punctuation
    0x3000...0x3029,  // CJK symbols and punctuation (before the tone marks 302A–302F)
    0x3030...0x303F,
    0x3041...0x3096,  // Hiragana (not the combining sound marks 3099–309A)
    0x30A1...0x30FA,  // Katakana
    0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xAC00...0xD7A3,  // Hangul syllables (precomposed)
    0xFF01...0xFF5E,  // fullwidth ASCII forms
  ]

  private static func isPlainlyNFC(_ v: UInt32) -> Bool {
    if v < 0x80 { return true }
    if v >= 0x4E00, v <= 0x9FFF { return true }
    for range in plainlyNFCRanges where range.contains(v) { return true }
    return false
  }
}

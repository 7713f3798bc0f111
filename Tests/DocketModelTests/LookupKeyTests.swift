import DocketModel
import Testing

/// Lookup keys compare in one form, so the store's index and the engine's view of a
/// command's own tickets agree on who "the same customer" is.
@Suite("Lookup key comparison form")
struct LookupKeyTests {
  @Test("an accent typed two ways and 3 vs 3.0 compare equal; different text does not")
  func equalValuesShareOneForm() {
    let composed = LookupEntry.canonicalKey([.string("Zoé"), .double(3), .null])
    let decomposed = LookupEntry.canonicalKey([.string("Zoe\u{301}"), .int(3), .null])
    #expect(composed == decomposed)
    #expect(composed == [.string("Zoé"), .int(3), .null])
    #expect(LookupEntry.canonicalKey([.string("张三"), .double(3.5)]) == [.string("张三"), .double(3.5)])
    #expect(LookupEntry.canonicalKey([.string("Zoe")]) != LookupEntry.canonicalKey([.string("Zoé")]))
  }
}

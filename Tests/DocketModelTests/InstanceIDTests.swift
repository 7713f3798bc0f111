import DocketModel
import Testing

@Suite struct InstanceIDTests {
  @Test func makesPaddedIDsAndReadsThemBack() {
    let id = InstanceID.make(prefix: "CMP", number: 42)
    #expect(id.rawValue == "CMP-000042")
    #expect(id.prefix == "CMP")
    #expect(id.number == 42)
    #expect(InstanceID.make(prefix: "CMP", number: 1_234_567).rawValue == "CMP-1234567")
  }

  @Test func readsPrefixAndNumberOfEveryWellFormedShape() {
    let id = InstanceID("Cmp_2-0000010")
    #expect(id.isWellFormed)
    #expect(id.prefix == "Cmp_2")
    #expect(id.number == 10)
    // Well formed, but too large a number for an Int: no number rather than a wrong one.
    let huge = InstanceID("CMP-" + String(repeating: "9", count: 30))
    #expect(huge.isWellFormed)
    #expect(huge.prefix == "CMP")
    #expect(huge.number == nil)
    #expect(InstanceID("CMP-000001/..").prefix == nil)
    #expect(InstanceID("CMP-00x001").number == nil)
  }

  @Test(arguments: [
    "../CMP-000001", "CMP-000001/..", "CMP/000001", "CMP-", "-000001", "CMP-00x001", "CMP 000001",
    "CMP-000001\u{0}", "..", "", String(repeating: "A", count: 100) + "-1",
  ])
  func refusesHostileIDs(text: String) {
    #expect(!InstanceID(text).isWellFormed)
  }
}

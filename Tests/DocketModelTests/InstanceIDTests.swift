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

  @Test(arguments: [
    "../CMP-000001", "CMP-000001/..", "CMP/000001", "CMP-", "-000001", "CMP-00x001", "CMP 000001",
    "CMP-000001\u{0}", "..", "", String(repeating: "A", count: 100) + "-1",
  ])
  func refusesHostileIDs(text: String) {
    #expect(!InstanceID(text).isWellFormed)
  }
}

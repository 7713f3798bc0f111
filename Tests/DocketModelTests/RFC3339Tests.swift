import DocketModel
import Foundation
import Testing

@Suite struct RFC3339Tests {
  @Test func roundTripsWithTheZoneOffset() throws {
    let date = try #require(RFC3339.parse("2026-03-02T09:00:00+08:00"))
    #expect(date.timeIntervalSince1970 == 1_772_413_200)
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(RFC3339.format(date, in: shanghai) == "2026-03-02T09:00:00+08:00")
    #expect(RFC3339.format(date, offset: 0) == "2026-03-02T01:00:00Z")
  }

  @Test func keepsFractionsAndNegativeOffsets() throws {
    let parsed = try #require(RFC3339.parseWithOffset("1999-12-31T23:59:59.250-05:30"))
    #expect(parsed.offset == -19_800)
    #expect(RFC3339.format(parsed.date, offset: parsed.offset) == "1999-12-31T23:59:59.250-05:30")
  }

  @Test(arguments: [
    "2026-02-30T00:00:00Z", "2026-03-02 09:00", "2026-03-02T25:00:00Z", "2026-03-02T09:00:00",
    "2026-03-02T09:00:00+0800", "2026-03-02T09:00:00.Z", "", "２０２６-03-02T09:00:00Z",
  ])
  func rejectsWhatIsNotRFC3339(text: String) {
    #expect(RFC3339.parse(text) == nil)
  }

  @Test func truncatesFractionsBeyondNanoseconds() throws {
    let date = try #require(RFC3339.parse("2026-03-02T09:00:00.1234567890123Z"))
    #expect(RFC3339.format(date, offset: 0).hasPrefix("2026-03-02T09:00:00.123"))
  }
}

@testable import DocketModel
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

  /// The formatter writes bytes directly; its output must stay exactly what interpolating
  /// padded pieces gave (instance files are compared byte for byte), sign quirks included.
  @Test func formatsExactlyAsInterpolatedPieces() {
    func pad(_ v: Int64, _ width: Int) -> String {
      let s = String(v)
      return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
    func reference(_ date: Date, offset: Int) -> String {
      let interval = date.timeIntervalSince1970
      var seconds = Int64(interval.rounded(.down))
      var nanos = Int64(((interval - Double(seconds)) * 1e9).rounded())
      if nanos >= 1_000_000_000 {
        seconds += 1
        nanos -= 1_000_000_000
      }
      let local = seconds + Int64(offset)
      let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
      let secOfDay = local - days * 86_400
      let (y, m, d) = RFC3339.civil(fromDays: days)
      var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T"
      out += "\(pad(secOfDay / 3600, 2)):\(pad(secOfDay / 60 % 60, 2)):\(pad(secOfDay % 60, 2))"
      if nanos != 0 {
        if nanos % 1_000_000 == 0 {
          out += "." + pad(nanos / 1_000_000, 3)
        } else if nanos % 1000 == 0 {
          out += "." + pad(nanos / 1000, 6)
        } else {
          out += "." + pad(nanos, 9)
        }
      }
      if offset == 0 { return out + "Z" }
      let sign = offset < 0 ? "-" : "+"
      let a = abs(offset)
      return out + "\(sign)\(pad(Int64(a / 3600), 2)):\(pad(Int64(a / 60 % 60), 2))"
    }
    let instants: [Double] = [
      0, 1, -1, 59.5, 1_772_413_200, 1_772_413_200.25, 1_772_413_200.000_001, 1_772_413_200.123_456_789,
      946_684_799.999, -62_135_596_800, -62_167_219_200, -62_198_755_200, -80_000_000_000,
      253_402_300_799, 253_402_300_800, 400_000_000_000, 1_795_000_000,
    ]
    let offsets = [0, 28_800, -19_800, 3_600, -43_200, 50_400, 45]
    for t in instants {
      for offset in offsets {
        let date = Date(timeIntervalSince1970: t)
        #expect(RFC3339.format(date, offset: offset) == reference(date, offset: offset))
      }
    }
  }
}

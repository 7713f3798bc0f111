import Foundation
import Testing

@testable import DocketModel

/// Docket's own zone offsets (the system's tz files) against Foundation's, which is the
/// oracle: they must agree on every instant a ticket could carry. Zones whose rules changed
/// recently are left out, since the two data sets may be of different releases.
@Suite struct ZoneTests {
  static let zones = [
    "UTC", "Asia/Shanghai", "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London",
    "Europe/Berlin", "America/New_York", "America/Los_Angeles", "America/St_Johns",
    "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
    "America/Sao_Paulo", "Africa/Johannesburg",
  ]

  @Test(arguments: zones)
  func offsetsAgreeWithFoundation(_ name: String) throws {
    let zone = try #require(Zone(identifier: name))
    let foundation = try #require(TimeZone(identifier: name))
    #expect(zone.identifier == name)
    var mismatches: [String] = []
    // Every 7 h 13 min from 1971 to 2060, and each side of every transition in 1990–2060.
    var t = Date(timeIntervalSince1970: 31_536_000)
    let end = Date(timeIntervalSince1970: 2_840_140_800)
    while t < end, mismatches.count < 5 {
      if zone.secondsFromGMT(for: t) != foundation.secondsFromGMT(for: t) { mismatches.append("\(t)") }
      t += 7 * 3600 + 13 * 60
    }
    var transition = Date(timeIntervalSince1970: 631_152_000)
    while let next = foundation.nextDaylightSavingTimeTransition(after: transition), next < end,
      mismatches.count < 5
    {
      for probe in [next - 1, next, next + 1]
      where zone.secondsFromGMT(for: probe) != foundation.secondsFromGMT(for: probe) {
        mismatches.append("transition \(probe)")
      }
      transition = next
    }
    #expect(mismatches.isEmpty, "\(name): \(mismatches)")
  }

  @Test func footerRulesGiveTheYearlySwitches() throws {
    // US rules: second Sunday of March 02:00 local standard, first Sunday of November 02:00
    // local daylight. In 2030: March 10 and November 3.
    let us = try #require(POSIXZoneRule("EST5EDT,M3.2.0,M11.1.0"))
    let march10 = Int64(LocalDate(year: 2030, month: 3, day: 10)!.daysSinceEpoch) * 86_400
    #expect(us.offset(at: march10 + 7 * 3600 - 1) == -5 * 3600)
    #expect(us.offset(at: march10 + 7 * 3600) == -4 * 3600)
    let november3 = Int64(LocalDate(year: 2030, month: 11, day: 3)!.daysSinceEpoch) * 86_400
    #expect(us.offset(at: november3 + 6 * 3600 - 1) == -4 * 3600)
    #expect(us.offset(at: november3 + 6 * 3600) == -5 * 3600)
    // Southern hemisphere, half-hour daylight saving (Lord Howe).
    let lordHowe = try #require(POSIXZoneRule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"))
    #expect(lordHowe.offset(at: march10) == 11 * 3600)
    #expect(lordHowe.offset(at: Int64(LocalDate(year: 2030, month: 6, day: 1)!.daysSinceEpoch) * 86_400) == 37_800)
    #expect(try #require(POSIXZoneRule("CST-8")).offset(at: 0) == 8 * 3600)
  }

  @Test(arguments: ["", "X", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0", "<+03", "CST-8x", "ABC99"])
  func malformedFootersAreRefused(_ text: String) {
    #expect(POSIXZoneRule(text) == nil)
  }

  @Test func damagedTzFilesAreRefusedWithoutCrashing() throws {
    guard let bytes = FileManager.default.contents(atPath: "/usr/share/zoneinfo/America/New_York")
    else { return }  // no tz files on this system: zones come from Foundation
    let good = [UInt8](bytes)
    #expect(ZoneRules(tzif: good) != nil)
    for length in stride(from: 0, to: good.count, by: 37) {
      _ = ZoneRules(tzif: Array(good.prefix(length)))
    }
    var state: UInt64 = 0x2545F491
    for _ in 0..<500 {
      var damaged = good
      state = state &* 6364136223846793005 &+ 1442695040888963407
      damaged[Int(state >> 33) % damaged.count] = UInt8(truncatingIfNeeded: state >> 17)
      if let rules = ZoneRules(tzif: damaged) {
        _ = rules.offset(at: 1_900_000_000)
        _ = rules.offset(at: -5_000_000_000)
      }
    }
  }

  @Test func unsafeOrUnknownNamesReadNoFile() {
    #expect(Zone(identifier: "../../etc/passwd") == nil)
    #expect(Zone(identifier: "No/Such_Zone") == nil)
    #expect(Zone(identifier: "UTC") == .utc)
    #expect(Zone.utc.secondsFromGMT(for: Date()) == 0)
  }
}

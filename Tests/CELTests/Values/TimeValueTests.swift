import Testing

@testable import CEL

@Suite struct TimeValueTests {
  @Test(arguments: [
    ("2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z"),
    ("2009-02-13T23:31:30.5Z", "2009-02-13T23:31:30.500Z"),
    ("2009-02-13T23:31:30.000001Z", "2009-02-13T23:31:30.000001Z"),
    ("2009-02-14T07:31:30.123456789+08:00", "2009-02-13T23:31:30.123456789Z"),
    ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
    ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"),
    ("2024-02-29t12:00:00z", "2024-02-29T12:00:00Z"),
  ])
  func timestampsRoundTrip(_ text: String, _ printed: String) throws {
    let t = try #require(CELTimestamp(parsing: text))
    #expect(t.description == printed)
  }

  @Test(arguments: [
    "2023-02-29T00:00:00Z", "2009-13-01T00:00:00Z", "2009-02-13 23:31:30Z", "2009-02-13T23:31:30",
    "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "", "2009-02-13T24:00:00Z",
  ])
  func invalidTimestamps(_ text: String) {
    #expect(CELTimestamp(parsing: text) == nil)
  }

  @Test(arguments: [
    ("1h30m", 5400, 0), ("-1.5s", -1, -500_000_000), ("300ms", 0, 300_000_000), ("2us", 0, 2000),
    ("1ns", 0, 1), ("0", 0, 0), ("1h1m1s1ms1us1ns", 3661, 1_001_001), ("1.5h", 5400, 0),
  ])
  func durationsParse(_ text: String, _ seconds: Int64, _ nanos: Int32) throws {
    let d = try #require(CELDuration(parsing: text))
    #expect(d.seconds == seconds)
    #expect(d.nanos == nanos)
  }

  @Test(arguments: ["", "1", "h", "1x", ".h", "--1s", "9999999999999h"])
  func invalidDurations(_ text: String) {
    #expect(CELDuration(parsing: text) == nil)
  }

  @Test func civilCalendarIsExact() {
    // 2000-03-01 is day 11017 since the epoch; 1900 was not a leap year, 2000 was.
    #expect(CivilTime.daysFromCivil(year: 2000, month: 3, day: 1) == 11017)
    #expect(CivilTime.daysInMonth(year: 1900, month: 2) == 28)
    #expect(CivilTime.daysInMonth(year: 2000, month: 2) == 29)
    let c = CivilTime(utcSeconds: -1)
    #expect((c.year, c.month, c.day, c.hour, c.minute, c.second) == (1969, 12, 31, 23, 59, 59))
    #expect(c.weekday == 3)
  }

  @Test func timeZonesByNameAndOffset() throws {
    let t = try #require(CELTimestamp(parsing: "2024-01-15T23:30:00Z"))
    #expect(TimeFunctions.offsetSeconds("Asia/Shanghai", at: t) == 8 * 3600)
    #expect(TimeFunctions.offsetSeconds("+05:30", at: t) == 5 * 3600 + 1800)
    #expect(TimeFunctions.offsetSeconds("-02:30", at: t) == -(2 * 3600 + 1800))
    #expect(TimeFunctions.offsetSeconds("Mars/Olympus", at: t) == nil)
    #expect(TimeFunctions.offsetSeconds("+25:00", at: t) == nil)
  }
}

@Suite struct TimeValueRangeTests {
  @Test func extremeInputsAreNilNotTraps() {
    #expect(CELDuration(seconds: Int64.min) == nil)
    #expect(CELDuration(seconds: Int64.max, nanos: Int64.max) == nil)
    #expect(CELTimestamp(seconds: Int64.min, nanos: Int64.min) == nil)
    #expect(CELTimestamp(seconds: Int64.max, nanos: Int64.max) == nil)
  }
}

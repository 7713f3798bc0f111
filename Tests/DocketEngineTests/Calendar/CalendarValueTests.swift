import DocketModel
import Foundation
import Testing

/// The small values calendars are made of: dates, clock times, intervals, `Nwd` durations, and
/// the conflicts a calendar refuses.
@Suite("Calendar values")
struct CalendarValueTests {
  @Test("dates parse only when they exist", arguments: [
    ("2026-02-28", true), ("2026-02-29", false), ("2028-02-29", true), ("2026-13-01", false),
    ("2026-04-31", false), ("2026-1-01", false), ("26-01-01", false), ("2026-01-01 ", false),
    ("２０２６-01-01", false),
  ])
  func dateParsing(_ text: String, _ valid: Bool) {
    #expect((LocalDate(parsing: text) != nil) == valid)
  }

  @Test("dates know their weekday and count days") func dateArithmetic() throws {
    let d = try #require(LocalDate(parsing: "2026-03-02"))
    #expect(d.weekday == .monday)
    #expect(d.adding(days: 6).weekday == .sunday)
    #expect(d.adding(days: -2).description == "2026-02-28")
    #expect(d.adding(days: 365).description == "2027-03-02")
    #expect(LocalDate(daysSinceEpoch: d.daysSinceEpoch) == d)
    #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
  }

  @Test("clock times and intervals parse", arguments: [
    ("09:00-12:00", "09:00-12:00"), ("9:00-12:00", "09:00-12:00"), ("18:00-24:00", "18:00-24:00"),
    ("13:30 - 18:00", "13:30-18:00"), ("12:00-09:00", nil), ("09:00-09:00", nil),
    ("24:30-25:00", nil), ("09:60-10:00", nil), ("0900-1000", nil), ("09:00", nil),
  ] as [(String, String?)])
  func intervalParsing(_ text: String, _ canonical: String?) {
    #expect(WorkingInterval(parsing: text)?.description == canonical)
  }

  @Test("overlapping intervals are refused, touching ones are not") func overlaps() throws {
    let a = try #require(WorkingInterval(parsing: "09:00-12:00"))
    let b = try #require(WorkingInterval(parsing: "11:30-13:00"))
    let c = try #require(WorkingInterval(parsing: "12:00-13:00"))
    #expect(throws: CalendarProblem.overlappingIntervals(a, b)) { try WorkingHours([b, a]) }
    #expect(try WorkingHours([c, a]).intervals == [a, c])
  }

  @Test("a date cannot be both a holiday and a make-up day") func conflictingDays() throws {
    let d = try #require(LocalDate(parsing: "2026-02-14"))
    let hours = try TestCalendars.hours("09:00-17:00")
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(throws: CalendarProblem.holidayAndWorkday(d)) {
      try BusinessCalendar(id: "x", timeZone: zone, week: [:], holidays: [d], workdays: [d: hours])
    }
    #expect(throws: CalendarProblem.holidayAndHalfDay(d)) {
      try BusinessCalendar(id: "x", timeZone: zone, week: [:], holidays: [d], halfDays: [d: hours])
    }
    #expect(throws: CalendarProblem.workdayAndHalfDay(d)) {
      try BusinessCalendar(id: "x", timeZone: zone, week: [:], workdays: [d: hours], halfDays: [d: hours])
    }
  }

  @Test("`Nwd` is a working-day duration written alone", arguments: [
    ("3wd", "3wd", 3), ("10wd", "10wd", 10), ("1wd2h", nil, 0), ("2h1wd", nil, 0), ("wd", nil, 0),
    ("-1wd", nil, 0), ("1.5wd", nil, 0), ("99999wd", nil, 0), ("3d", "3d", 0),
  ] as [(String, String?, Int64)])
  func workingDaysSyntax(_ text: String, _ canonical: String?, _ days: Int64) {
    let d = DocketDuration(parsing: text)
    #expect(d?.description == canonical)
    if canonical != nil { #expect(d?.workingDays == days) }
  }

  @Test("`3wd` and `3d` are different durations") func workingDaysAreDistinct() throws {
    let wd = try #require(DocketDuration(parsing: "3wd"))
    let d = try #require(DocketDuration(parsing: "3d"))
    #expect(wd != d)
    #expect(wd.seconds == d.seconds)
    #expect(wd.humanized == "3wd")
  }
}

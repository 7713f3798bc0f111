import DocketModel
import Foundation
import Testing

/// Warnings, pauses and "due in" displays, counted in working time the same way as due times.
@Suite("Working time: warnings, pauses, elapsed")
struct WorkingTimeTests {
  struct Warn: CustomTestStringConvertible, Sendable {
    let calendar: String, due: String, before: String, at: String, note: String
    var testDescription: String { "\(calendar) \(before) before \(due)" }
  }

  static let warnings: [Warn] = [
    .init(calendar: "cn", due: "2026-03-03T10:00:00+08:00", before: "1h", at: "2026-03-02T18:00:00+08:00", note: "earliest moment with 1h left: Monday's close"),
    .init(calendar: "cn", due: "2026-03-03T10:30:00+08:00", before: "1h", at: "2026-03-03T09:30:00+08:00", note: ""),
    .init(calendar: "cn", due: "2026-03-02T14:00:00+08:00", before: "1h", at: "2026-03-02T11:30:00+08:00", note: "lunch break skipped"),
    .init(calendar: "cn", due: "2026-03-02T14:00:00+08:00", before: "30m", at: "2026-03-02T12:00:00+08:00", note: "the morning's close, not 13:30"),
    .init(calendar: "cn", due: "2026-02-24T10:00:00+08:00", before: "2h", at: "2026-02-14T17:00:00+08:00", note: "back over Spring Festival to make-up Saturday"),
    .init(calendar: "ny", due: "2026-03-09T10:00:00-04:00", before: "2h", at: "2026-03-06T16:00:00-05:00", note: "back over the DST change"),
    .init(calendar: "cn", due: "2026-03-05T18:00:00+08:00", before: "1wd", at: "2026-03-04T18:00:00+08:00", note: "close of the working day before"),
    .init(calendar: "cn", due: "2026-02-24T18:00:00+08:00", before: "1wd", at: "2026-02-14T18:00:00+08:00", note: "make-up Saturday before the holiday"),
  ]

  @Test("a warning runs when only `before` of working time is left", arguments: warnings)
  func warningTime(_ w: Warn) throws {
    let calendar = try TestCalendars.named(w.calendar)
    let due = try TimeText.parse(w.due)
    let before = try #require(DocketDuration(parsing: w.before))
    let start = try TimeText.parse("2026-01-01T00:00:00Z")
    let at = DeadlineTimeBase(calendar: calendar).warning(before: before, due: due, start: start)
    #expect(TimeText.format(at, in: calendar) == w.at)
    if before.workingDays == 0 {
      #expect(calendar.workingTime(from: at, to: due) == before.seconds)
    }
  }

  @Test("a warning never runs before the clock started") func warningNotBeforeStart() throws {
    let calendar = try TestCalendars.named("cn")
    let start = try TimeText.parse("2026-03-02T10:00:00+08:00")
    let base = DeadlineTimeBase(calendar: calendar)
    let within = try #require(DocketDuration(parsing: "1h"))
    let due = try #require(base.due(from: start, within: within))
    let at = base.warning(before: .hours(2), due: due, start: start)
    #expect(at == start)
  }

  struct Elapsed: CustomTestStringConvertible, Sendable {
    let calendar: String, from: String, to: String, seconds: Int64
    var testDescription: String { "\(calendar) \(from) → \(to)" }
  }

  static let elapsed: [Elapsed] = [
    .init(calendar: "cn", from: "2026-03-02T09:00:00+08:00", to: "2026-03-02T18:00:00+08:00", seconds: 27_000),
    .init(calendar: "cn", from: "2026-03-06T17:00:00+08:00", to: "2026-03-09T10:00:00+08:00", seconds: 7200),
    .init(calendar: "cn", from: "2026-02-13T09:00:00+08:00", to: "2026-02-25T10:30:00+08:00", seconds: 86_400),
    .init(calendar: "cn", from: "2026-03-09T10:00:00+08:00", to: "2026-03-06T17:00:00+08:00", seconds: -7200),
    .init(calendar: "cn", from: "2026-03-07T08:00:00+08:00", to: "2026-03-08T20:00:00+08:00", seconds: 0),
    .init(calendar: "ny", from: "2026-03-06T16:00:00-05:00", to: "2026-03-09T10:00:00-04:00", seconds: 7200),
    .init(calendar: "h24", from: "2026-03-08T00:00:00-05:00", to: "2026-03-09T00:00:00-04:00", seconds: 82_800),
    .init(calendar: "h24", from: "2026-11-01T00:00:00-04:00", to: "2026-11-02T00:00:00-05:00", seconds: 90_000),
    .init(calendar: "none", from: "2026-03-02T09:00:00Z", to: "2027-03-02T09:00:00Z", seconds: 0),
  ]

  @Test("working time between two instants", arguments: elapsed)
  func workingTimeBetween(_ e: Elapsed) throws {
    let calendar = try TestCalendars.named(e.calendar)
    let from = try TimeText.parse(e.from)
    let to = try TimeText.parse(e.to)
    #expect(calendar.workingTime(from: from, to: to) == e.seconds)
  }

  @Test("a paused clock keeps its working time left and resumes with it")
  func pauseAndResume() throws {
    let calendar = try TestCalendars.named("cn")
    let base = DeadlineTimeBase(calendar: calendar)
    let start = try TimeText.parse("2026-03-02T09:00:00+08:00")
    let due = try #require(base.due(from: start, within: .hours(8)))
    #expect(TimeText.format(due, in: calendar) == "2026-03-03T09:30:00+08:00")
    // Paused at 17:00: one hour today and half an hour tomorrow are left.
    let left = base.remaining(from: try TimeText.parse("2026-03-02T17:00:00+08:00"), until: due)
    #expect(left == 5400)
    // Resumed on Wednesday at 10:00, outside any pause the clock did not run.
    let resumed = base.due(from: try TimeText.parse("2026-03-04T10:00:00+08:00"), remaining: left)
    #expect(TimeText.format(resumed, in: calendar) == "2026-03-04T11:30:00+08:00")
    // Paused after hours: only tomorrow's half hour is left.
    #expect(base.remaining(from: try TimeText.parse("2026-03-02T20:00:00+08:00"), until: due) == 1800)
    // Past due: nothing left.
    #expect(base.remaining(from: try TimeText.parse("2026-03-05T09:00:00+08:00"), until: due) == 0)
  }

  @Test("without a calendar a deadline counts wall-clock time") func wallClock() throws {
    let base = DeadlineTimeBase(calendar: nil)
    let start = try TimeText.parse("2026-03-07T10:00:00+08:00")
    let within = try #require(DocketDuration(parsing: "1h30m"))
    #expect(base.due(from: start, within: within) == start.addingTimeInterval(5400))
    let twoWorkingDays = try #require(DocketDuration(parsing: "2wd"))
    #expect(base.due(from: start, within: twoWorkingDays) == start.addingTimeInterval(2 * 86_400))
    #expect(base.remaining(from: start, until: start.addingTimeInterval(100)) == 100)
    #expect(base.warning(before: .hours(1), due: start.addingTimeInterval(7200), start: start)
      == start.addingTimeInterval(3600))
  }
}

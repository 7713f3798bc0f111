import Testing

/// One row of the golden table: a deadline of `within` started at `start` under `calendar` is
/// due at `due` ("—" when the calendar has too little working time).
///
/// The same rows are the table in docs/calendars.md; `CalendarDocTests` keeps them in sync.
struct GoldenCase: CustomTestStringConvertible, Sendable {
  let calendar: String
  let start: String
  let within: String
  let due: String
  let note: String

  init(_ calendar: String, _ start: String, _ within: String, _ due: String, _ note: String = "") {
    self.calendar = calendar
    self.start = start
    self.within = within
    self.due = due
    self.note = note
  }

  var testDescription: String { "\(calendar) \(start) + \(within)" }
}

extension GoldenCase {
  static let all: [GoldenCase] = china + chinaWorkingDays + newYork + roundTheClock + berlin + others

  static let china: [GoldenCase] = [
    .init("cn", "2026-03-02T09:00:00+08:00", "1h", "2026-03-02T10:00:00+08:00", "inside the morning"),
    .init("cn", "2026-03-02T09:00:00+08:00", "3h", "2026-03-02T12:00:00+08:00", "ends at the lunch break: its start, not 13:30"),
    .init("cn", "2026-03-02T09:00:00+08:00", "3h1m", "2026-03-02T13:31:00+08:00", "lunch break skipped"),
    .init("cn", "2026-03-02T09:00:00+08:00", "7h30m", "2026-03-02T18:00:00+08:00", "a whole working day ends at its close"),
    .init("cn", "2026-03-02T09:00:00+08:00", "7h31m", "2026-03-03T09:01:00+08:00", "one minute into the next day"),
    .init("cn", "2026-03-02T12:30:00+08:00", "1h", "2026-03-02T14:30:00+08:00", "starts in the lunch break"),
    .init("cn", "2026-03-02T07:00:00+08:00", "2h", "2026-03-02T11:00:00+08:00", "starts before opening"),
    .init("cn", "2026-03-02T19:00:00+08:00", "1h", "2026-03-03T10:00:00+08:00", "starts after closing"),
    .init("cn", "2026-03-06T17:00:00+08:00", "2h", "2026-03-09T10:00:00+08:00", "Friday evening to Monday"),
    .init("cn", "2026-03-07T10:00:00+08:00", "1h", "2026-03-09T10:00:00+08:00", "starts on a Saturday"),
    .init("cn", "2026-03-02T09:00:00+08:00", "24h", "2026-03-05T10:30:00+08:00", "24 working hours are 3.2 working days"),
    .init("cn", "2026-03-02T09:00:00+08:00", "3d", "2026-03-13T15:00:00+08:00", "`d` is 24 working hours under a calendar"),
    .init("cn", "2026-03-02T11:00:00+08:00", "1h30m", "2026-03-02T14:00:00+08:00", ""),
    .init("cn", "2026-03-02T17:00:00+08:00", "90m", "2026-03-03T09:30:00+08:00", ""),
    .init("cn", "2026-03-02T12:00:00+08:00", "45m", "2026-03-02T14:15:00+08:00", "starts at the morning's close"),
    .init("cn", "2026-03-02T13:30:00+08:00", "4h30m", "2026-03-02T18:00:00+08:00", "the whole afternoon"),
    .init("cn", "2026-03-02T07:00:00+08:00", "0s", "2026-03-02T07:00:00+08:00", "zero is due at once"),
    .init("cn", "2026-02-13T17:00:00+08:00", "2h", "2026-02-14T10:00:00+08:00", "调休: Saturday 02-14 is a working day"),
    .init("cn", "2026-02-14T17:00:00+08:00", "2h", "2026-02-24T10:00:00+08:00", "Spring Festival 02-15..02-23"),
    .init("cn", "2026-02-13T09:00:00+08:00", "24h", "2026-02-25T10:30:00+08:00", ""),
    .init("cn", "2026-02-16T10:00:00+08:00", "1h", "2026-02-24T10:00:00+08:00", "starts inside the holiday"),
    .init("cn", "2026-02-27T18:00:00+08:00", "1h", "2026-02-28T10:00:00+08:00", "调休: Saturday 02-28"),
    .init("cn", "2026-01-01T00:00:00+08:00", "30m", "2026-01-04T09:30:00+08:00", "New Year, then make-up Sunday 01-04"),
    .init("cn", "2025-12-31T17:00:00+08:00", "2h", "2026-01-04T10:00:00+08:00", ""),
    .init("cn", "2026-04-03T16:00:00+08:00", "4h", "2026-04-07T11:00:00+08:00", "Qingming 04-04..04-06"),
    .init("cn", "2026-04-30T09:00:00+08:00", "15h", "2026-05-06T18:00:00+08:00", "Labour Day 05-01..05-05"),
    .init("cn", "2026-05-08T18:00:00+08:00", "7h30m", "2026-05-09T18:00:00+08:00", "调休: Saturday 05-09, whole day"),
    .init("cn", "2026-06-18T17:00:00+08:00", "2h", "2026-06-22T10:00:00+08:00", "Dragon Boat 06-19..06-21"),
    .init("cn", "2026-09-18T13:30:00+08:00", "12h", "2026-09-20T18:00:00+08:00", "调休: Sunday 09-20"),
    .init("cn", "2026-09-24T10:00:00+08:00", "8h", "2026-09-28T10:30:00+08:00", "Mid-Autumn 09-25..09-27"),
    .init("cn", "2026-09-30T12:00:00+08:00", "8h", "2026-10-08T14:00:00+08:00", "National Day 10-01..10-07"),
    .init("cn", "2026-10-09T17:59:00+08:00", "2m", "2026-10-10T09:01:00+08:00", "调休: Saturday 10-10"),
  ]

  static let chinaWorkingDays: [GoldenCase] = [
    .init("cn", "2026-03-02T10:00:00+08:00", "1wd", "2026-03-03T18:00:00+08:00", "the start day never counts"),
    .init("cn", "2026-03-02T07:00:00+08:00", "1wd", "2026-03-03T18:00:00+08:00", "not even before opening"),
    .init("cn", "2026-03-02T10:00:00+08:00", "3wd", "2026-03-05T18:00:00+08:00", "close of the 3rd working day"),
    .init("cn", "2026-03-07T10:00:00+08:00", "1wd", "2026-03-09T18:00:00+08:00", "from Saturday, Monday is day 1"),
    .init("cn", "2026-02-12T15:00:00+08:00", "3wd", "2026-02-24T18:00:00+08:00", "Fri 02-13, Sat 02-14 (调休), Tue 02-24"),
    .init("cn", "2026-02-13T09:00:00+08:00", "2wd", "2026-02-24T18:00:00+08:00", ""),
    .init("cn", "2026-09-28T09:00:00+08:00", "5wd", "2026-10-10T18:00:00+08:00", "ends on make-up Saturday 10-10"),
    .init("cn", "2025-12-31T10:00:00+08:00", "1wd", "2026-01-04T18:00:00+08:00", "make-up Sunday 01-04 is day 1"),
    .init("cn", "2026-09-21T10:00:00+08:00", "10wd", "2026-10-12T18:00:00+08:00", "two holidays and one make-up day"),
  ]

  static let newYork: [GoldenCase] = [
    .init("ny", "2026-03-02T09:00:00-05:00", "40h", "2026-03-06T17:00:00-05:00", "a whole week"),
    .init("ny", "2026-03-02T09:00:00-05:00", "41h", "2026-03-09T10:00:00-04:00", "across the spring DST change"),
    .init("ny", "2026-03-06T16:00:00-05:00", "2h", "2026-03-09T10:00:00-04:00", "wall-clock hours stay 09:00-17:00"),
    .init("ny", "2026-03-08T12:00:00-04:00", "1h", "2026-03-09T10:00:00-04:00", "starts on the DST Sunday"),
    .init("ny", "2026-10-30T16:30:00-04:00", "1h", "2026-11-02T09:30:00-05:00", "across the autumn DST change"),
    .init("ny", "2026-07-02T16:00:00-04:00", "2h", "2026-07-06T10:00:00-04:00", "Independence Day observed 07-03"),
    .init("ny", "2026-11-25T16:00:00-05:00", "6h", "2026-11-30T10:00:00-05:00", "Thanksgiving, then a half day"),
    .init("ny", "2026-11-27T12:00:00-05:00", "1h", "2026-11-27T13:00:00-05:00", "ends at the half day's close"),
    .init("ny", "2026-11-27T13:30:00-05:00", "1h", "2026-11-30T10:00:00-05:00", "starts after the half day's close"),
    .init("ny", "2026-11-25T10:00:00-05:00", "1wd", "2026-11-27T13:00:00-05:00", "a half day is a working day"),
    .init("ny", "2026-11-25T10:00:00-05:00", "2wd", "2026-11-30T17:00:00-05:00", ""),
    .init("ny", "2026-12-23T15:00:00-05:00", "8h", "2026-12-28T11:00:00-05:00", "Christmas Eve half day, Christmas"),
  ]

  static let roundTheClock: [GoldenCase] = [
    .init("h24", "2026-03-07T12:00:00-05:00", "24h", "2026-03-08T13:00:00-04:00", "the spring DST day has 23 hours"),
    .init("h24", "2026-10-31T12:00:00-04:00", "24h", "2026-11-01T11:00:00-05:00", "the autumn DST day has 25 hours"),
    .init("h24", "2026-03-07T12:00:00-05:00", "1wd", "2026-03-09T00:00:00-04:00", "a 24-hour day closes at midnight"),
    .init("h24", "2026-03-08T01:30:00-05:00", "1h", "2026-03-08T03:30:00-04:00", "clocks jump from 02:00 to 03:00"),
  ]

  static let berlin: [GoldenCase] = [
    .init("de", "2026-03-27T16:00:00+01:00", "1h", "2026-03-30T08:30:00+02:00", "across the spring DST change"),
    .init("de", "2026-04-02T15:30:00+02:00", "3h", "2026-04-07T10:00:00+02:00", "Good Friday and Easter Monday"),
    .init("de", "2026-04-02T12:15:00+02:00", "30m", "2026-04-02T13:00:00+02:00", "starts in the lunch break"),
    .init("de", "2026-04-02T11:30:00+02:00", "1h", "2026-04-02T13:00:00+02:00", "lunch break skipped"),
    .init("de", "2026-12-23T14:00:00+01:00", "8h", "2026-12-28T09:30:00+01:00", "Christmas Eve half day, Christmas"),
    .init("de", "2026-12-30T16:00:00+01:00", "2h", "2026-12-31T09:30:00+01:00", "New Year's Eve half day"),
    .init("de", "2026-10-23T16:00:00+02:00", "1h", "2026-10-26T08:30:00+01:00", "across the autumn DST change"),
    .init("de", "2026-04-02T10:00:00+02:00", "2wd", "2026-04-08T16:30:00+02:00", "Good Friday and Easter Monday skipped"),
  ]

  static let others: [GoldenCase] = [
    .init("night", "2026-03-02T23:00:00+08:00", "2h", "2026-03-03T01:00:00+08:00", "runs on across midnight"),
    .init("night", "2026-03-06T23:30:00+08:00", "3h", "2026-03-09T18:30:00+08:00", "Friday night, Saturday small hours, Monday"),
    .init("night", "2026-03-02T10:00:00+08:00", "1wd", "2026-03-04T00:00:00+08:00", "Tuesday closes at 24:00"),
    .init("none", "2026-03-02T09:00:00Z", "1h", "—", "no working time: an error, never a hang"),
    .init("none", "2026-03-02T09:00:00Z", "1wd", "—", ""),
    .init("once", "2026-02-28T00:00:00Z", "4h", "2026-03-01T13:00:00Z", "one make-up day only"),
    .init("once", "2026-02-28T00:00:00Z", "9h", "—", "it has only 8 working hours"),
  ]
}

import DocketModel
import Foundation
import Testing

/// The calendars the golden and property tests use, built in code so the arithmetic is tested
/// apart from the YAML decoder.
///
/// - `cn`: mainland China 2026 as published by the State Council (holidays and 调休 make-up
///   days), Asia/Shanghai, 09:00-12:00 and 13:30-18:00 Monday to Friday.
/// - `ny`: a New York office, 09:00-17:00 Monday to Friday, with US holidays, half days on
///   2026-11-27 and 2026-12-24, and daylight-saving changes on 2026-03-08 and 2026-11-01.
/// - `de`: a Berlin office, 08:00-12:00 and 12:30-16:30, Easter holidays, half days on
///   Christmas and New Year's Eve, daylight-saving changes on 2026-03-29 and 2026-10-25.
/// - `h24`: round-the-clock support in New York (00:00-24:00 every day), where a
///   daylight-saving day has 23 or 25 working hours.
/// - `night`: a night desk in Shanghai, 18:00-24:00 Monday to Friday and 00:00-02:00 Tuesday
///   to Saturday, so working time runs on across midnight.
/// - `none`: no working time at all. `once`: only one make-up day, 2026-03-01 09:00-17:00.
enum TestCalendars {
  struct Unknown: Error { let name: String }

  static func named(_ name: String) throws -> BusinessCalendar {
    switch name {
    case "cn": return try china2026()
    case "ny":
      return try make(
        "ny", zone: "America/New_York", week: ["mon-fri": "09:00-17:00"],
        holidays: ["2026-01-01", "2026-07-03", "2026-11-26", "2026-12-25"],
        halfDays: ["2026-11-27": "09:00-13:00", "2026-12-24": "09:00-13:00"])
    case "de":
      return try make(
        "de", zone: "Europe/Berlin", week: ["mon-fri": "08:00-12:00, 12:30-16:30"],
        holidays: ["2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25"],
        halfDays: ["2026-12-24": "08:00-12:00", "2026-12-31": "08:00-12:00"])
    case "h24":
      return try make("h24", zone: "America/New_York", week: ["mon-sun": "00:00-24:00"])
    case "night":
      return try make(
        "night", zone: "Asia/Shanghai", week: ["mon-fri": "18:00-24:00", "tue-sat": "00:00-02:00"])
    case "none": return try make("none", zone: "UTC", week: [:])
    case "once":
      return try make("once", zone: "UTC", week: [:], workdays: ["2026-03-01": "09:00-17:00"])
    default: throw Unknown(name: name)
    }
  }

  static func china2026() throws -> BusinessCalendar {
    let ranges = [
      ("2026-01-01", 3), ("2026-02-15", 9), ("2026-04-04", 3), ("2026-05-01", 5),
      ("2026-06-19", 3), ("2026-09-25", 3), ("2026-10-01", 7),
    ]
    var holidays: [String] = []
    for (first, count) in ranges {
      let d = try #require(LocalDate(parsing: first))
      holidays += (0..<count).map { d.adding(days: $0).description }
    }
    let office = "09:00-12:00, 13:30-18:00"
    let makeUp = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]
    return try make(
      "cn", zone: "Asia/Shanghai", week: ["mon-fri": office], holidays: holidays,
      workdays: Dictionary(uniqueKeysWithValues: makeUp.map { ($0, office) }))
  }

  /// Builds a calendar from the short text forms used above (`mon-fri`, `09:00-12:00, ...`).
  static func make(
    _ id: String, zone: String, week: [String: String], holidays: [String] = [],
    workdays: [String: String] = [:], halfDays: [String: String] = [:]
  ) throws -> BusinessCalendar {
    var intervals: [Weekday: [WorkingInterval]] = [:]
    for (days, text) in week {
      let ends = days.split(separator: "-").compactMap { Weekday(rawValue: String($0)) }
      let first = try #require(ends.first).index
      let last = try #require(ends.last).index
      for i in first...last { intervals[Weekday.mondayFirst[i], default: []] += try hours(text).intervals }
    }
    var byDay: [Weekday: WorkingHours] = [:]
    for (day, list) in intervals { byDay[day] = try WorkingHours(list) }
    return try BusinessCalendar(
      id: CalendarID(id), timeZone: try #require(TimeZone(identifier: zone)), week: byDay,
      holidays: Set(try holidays.map { try #require(LocalDate(parsing: $0)) }),
      workdays: try dated(workdays), halfDays: try dated(halfDays))
  }

  static func hours(_ text: String) throws -> WorkingHours {
    try WorkingHours(
      text.split(separator: ",").map {
        try #require(WorkingInterval(parsing: $0.trimmingCharacters(in: .whitespaces)))
      })
  }

  private static func dated(_ map: [String: String]) throws -> [LocalDate: WorkingHours] {
    var result: [LocalDate: WorkingHours] = [:]
    for (date, text) in map { result[try #require(LocalDate(parsing: date))] = try hours(text) }
    return result
  }
}

/// RFC 3339 text in and out, in the calendar's zone, so failures read like the golden table.
enum TimeText {
  static func parse(_ text: String) throws -> Date { try #require(RFC3339.parse(text)) }
  static func format(_ date: Date?, in calendar: BusinessCalendar) -> String {
    date.map { RFC3339.format($0, in: calendar.timeZone) } ?? "—"
  }
}

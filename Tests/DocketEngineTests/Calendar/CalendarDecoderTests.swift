import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation
import Testing

/// Calendar files: the shipped China 2026 calendar, and every problem reported at its place.
@Suite("Calendar files")
struct CalendarDecoderTests {
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  /// `path:line:col: id` of every diagnostic, in order.
  private func problems(_ yaml: String, path: String = "calendars/office.yaml") -> [String] {
    CalendarDecoder.decode(text: yaml, path: path).diagnostics.diagnostics.map {
      "\($0.span.map { "\($0.start.line):\($0.start.column)" } ?? "-") \($0.id)"
    }
  }

  @Test("calendars/china-2026.yaml is the State Council's 2026 calendar") func chinaFile() throws {
    let url = Self.repositoryRoot.appendingPathComponent("calendars/china-2026.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let decoded = CalendarDecoder.decode(text: text, path: "calendars/china-2026.yaml")
    #expect(decoded.diagnostics.diagnostics.isEmpty)
    let calendar = try #require(decoded.calendar)
    let expected = try TestCalendars.china2026()
    #expect(calendar.id == "china-2026")
    #expect(calendar.timeZone.identifier == "Asia/Shanghai")
    #expect(calendar.week == expected.week)
    #expect(calendar.holidays == expected.holidays)
    #expect(calendar.workdays == expected.workdays)
    #expect(calendar.halfDays.isEmpty)
    #expect(calendar.holidays.count == 33)
  }

  @Test("every key of the format decodes") func fullFormat() throws {
    let yaml = """
      calendar: office
      title: Office
      timezone: Europe/Berlin
      week:
        mon-thu: [08:00-12:00, 12:30-16:30]
        fri: 08:00-14:00
        sat: []
      holidays:
        - 2026-04-03
        - { date: 2026-12-25, to: 2026-12-26, name: Christmas }
      workdays:
        - 2026-05-16
        - { date: 2026-05-17, like: fri }
        - { date: 2026-05-23, hours: 10:00-12:00 }
      half_days:
        - { date: 2026-12-24, hours: [08:00-12:00], name: Christmas Eve }
      """
    let decoded = CalendarDecoder.decode(text: yaml, path: "calendars/office.yaml")
    #expect(decoded.diagnostics.diagnostics.isEmpty)
    let c = try #require(decoded.calendar)
    #expect(c.title == "Office")
    #expect(c.week[.monday]?.description == "08:00-12:00, 12:30-16:30")
    #expect(c.week[.friday]?.description == "08:00-14:00")
    #expect(c.week[.saturday] == nil)
    #expect(c.holidays.map(\.description).sorted() == ["2026-04-03", "2026-12-25", "2026-12-26"])
    func on(_ d: String) throws -> String { c.hours(on: try #require(LocalDate(parsing: d))).description }
    #expect(try on("2026-05-16") == "08:00-12:00, 12:30-16:30")
    #expect(try on("2026-05-17") == "08:00-14:00")
    #expect(try on("2026-05-23") == "10:00-12:00")
    #expect(try on("2026-12-24") == "08:00-12:00")
    #expect(try on("2026-12-25") == "off")
  }

  @Test("a bad time zone is reported at its value, with a suggestion") func badZone() throws {
    let yaml = "calendar: office\ntimezone: Asia/Shanghia\nweek: { mon: 09:00-17:00 }\n"
    let diagnostics = CalendarDecoder.decode(text: yaml, path: "calendars/office.yaml").diagnostics
    let d = try #require(diagnostics.diagnostics.first)
    #expect(d.id == "invalid_timezone")
    #expect(d.span?.description == "calendars/office.yaml:2:11")
    #expect(d.suggestion == "Asia/Shanghai")
  }

  @Test("bad dates, intervals and weekdays are reported where they are written")
  func positions() {
    let yaml = """
      calendar: office
      timezone: Asia/Shanghai
      week:
        mon-fri: [09:00-12:00, 11:00-13:00, 14:00-13:00]
        fri: 09:00-10:00
        sun-mon: 09:00-10:00
        tues: 09:00-10:00
      holidays:
        - 2026-02-30
        - { date: 2026-03-10, to: 2026-03-01 }
        - 2026-10-01
      workdays:
        - 2026-10-01
        - { date: 2026-10-11, like: sat }
      half_days:
        - { date: 2026-10-11, hours: 09:00-12:00 }
        - 2026-12-31
      """
    #expect(problems(yaml) == [
      "4:26 overlapping_intervals",
      "4:39 invalid_interval",
      "5:3 duplicate_weekday",
      "6:3 unknown_weekday",
      "7:3 unknown_weekday",
      "9:5 invalid_date",
      "10:29 invalid_date_range",
      "13:5 conflicting_days",
      "14:13 workday_without_hours",
      "17:5 wrong_type",
    ])
  }

  @Test("a holiday that is also a make-up day is reported with a note at the first")
  func conflictNote() throws {
    let yaml = """
      calendar: office
      timezone: UTC
      week: { mon-fri: 09:00-17:00 }
      workdays: [2026-02-14]
      holidays: [2026-02-14]
      """
    let d = try #require(CalendarDecoder.decode(text: yaml, path: "calendars/office.yaml").diagnostics.diagnostics.first)
    #expect(d.id == "conflicting_days")
    #expect(d.span?.description == "calendars/office.yaml:5:12")
    #expect(d.notes.first?.span?.description == "calendars/office.yaml:4:12")
  }

  @Test("missing keys, a wrong id and an unknown key are reported") func missingKeys() {
    #expect(problems("calendar: Office\ntitel: x\n") == [
      "2:1 unknown_key", "1:11 invalid_id", "1:1 missing_key", "1:1 missing_key",
    ])
    #expect(problems("calendar: other\ntimezone: UTC\nweek: {}\n") == ["1:11 calendar_id_mismatch"])
    #expect(problems("") == ["1:1 missing_key"])
  }
}

@Suite("Calendars of a home")
struct HomeCalendarTests {
  @Test("the repository home's calendars load without problems") func repositoryCalendars() throws {
    var bag = DiagnosticBag()
    var sources: [String: SourceFile] = [:]
    let loaded = CalendarDecoder.loadCalendars(
      home: CalendarDecoderTests.repositoryRoot, into: &bag, sources: &sources)
    #expect(bag.diagnostics.isEmpty)
    #expect(loaded.calendars["china-2026"] != nil)
    #expect(sources["calendars/china-2026.yaml"] != nil)
  }

  @Test("a deadline naming no calendar file is reported, a broken file is not unknown")
  func references() throws {
    let span = SourceSpan(file: "workflows/repair.yaml", line: 12, column: 15)
    var bag = DiagnosticBag()
    CalendarDecoder.checkReferences(
      [Located("china-2025", at: span), Located("broken", at: span), Located("china-2026", at: span)],
      stems: ["china-2026", "broken"], into: &bag)
    let d = try #require(bag.diagnostics.first)
    #expect(bag.diagnostics.count == 1)
    #expect(d.id == "unknown_calendar")
    #expect(d.description.hasPrefix("workflows/repair.yaml:12:15: error: unknown calendar 'china-2025'"))
    #expect(d.suggestion == "china-2026")
  }

  @Test("a calendar file with errors contributes no calendar") func brokenFile() throws {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-calendars-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent("calendars")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "calendar: broken\ntimezone: Mars/Olympus\nweek: {}\n".write(
      to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    try Data([0x63, 0xFF]).write(to: folder.appendingPathComponent("binary.yaml"))
    var bag = DiagnosticBag()
    var sources: [String: SourceFile] = [:]
    let loaded = CalendarDecoder.loadCalendars(home: home, into: &bag, sources: &sources)
    #expect(loaded.calendars.isEmpty)
    #expect(loaded.stems == ["broken", "binary"])
    #expect(bag.diagnostics.map(\.id).sorted() == ["invalid_timezone", "invalid_utf8"])
  }
}

import DocketModel
import DocketTestSupport
import Foundation
import Testing

/// Calendars with little or no working time, very long durations, and the round-trip laws
/// that tie `add`, `subtract` and `workingTime` together.
@Suite("Business calendar edges and laws")
struct CalendarEdgeTests {
  @Test("a calendar with no working time gives nil, never hangs") func noWorkingTime() throws {
    let calendar = try TestCalendars.named("none")
    let t = try TimeText.parse("2026-03-02T09:00:00Z")
    #expect(calendar.add(1, to: t) == nil)
    #expect(calendar.add(3_153_600_000, to: t) == nil)
    #expect(calendar.subtract(60, from: t) == nil)
    #expect(calendar.dueAfterWorkingDays(1, from: t) == nil)
    #expect(calendar.closeOfWorkingDay(1, before: t) == nil)
    #expect(calendar.nextWorkingMoment(atOrAfter: t) == nil)
    #expect(!calendar.isWorking(at: t))
  }

  @Test("after its last make-up day a calendar without weekly hours has no time left")
  func onlyMakeUpDays() throws {
    let calendar = try TestCalendars.named("once")
    let before = try TimeText.parse("2026-02-01T00:00:00Z")
    let after = try TimeText.parse("2026-03-02T00:00:00Z")
    #expect(try calendar.add(8 * 3600, to: before) == TimeText.parse("2026-03-01T17:00:00Z"))
    #expect(calendar.add(1, to: after) == nil)
    #expect(try calendar.subtract(8 * 3600, from: after) == TimeText.parse("2026-03-01T09:00:00Z"))
    #expect(calendar.subtract(1, from: before) == nil)
  }

  @Test("a due time beyond the 100-year horizon is nil") func beyondHorizon() throws {
    let calendar = try TestCalendars.named("cn")
    let t = try TimeText.parse("2026-03-02T09:00:00+08:00")
    let longest = try #require(DocketDuration(parsing: "36600d"))
    #expect(DeadlineTimeBase(calendar: calendar).due(from: t, within: longest) == nil)
  }

  @Test("long durations round-trip through working time", arguments: ["cn", "ny", "de", "h24", "night"])
  func longDurations(_ name: String) throws {
    let calendar = try TestCalendars.named(name)
    let start = try TimeText.parse("2026-01-15T11:17:00Z")
    for hours: Int64 in [500, 2000, 10_000] {
      let due = try #require(calendar.add(hours * 3600, to: start))
      #expect(calendar.workingTime(from: start, to: due) == hours * 3600)
      #expect(calendar.subtract(hours * 3600, from: due).map { $0 <= due } == true)
    }
  }

  @Test("add, subtract and workingTime agree", arguments: ["cn", "ny", "de", "h24", "night"])
  func laws(_ name: String) throws {
    let calendar = try TestCalendars.named(name)
    var rng = SplitMix64(state: 7)
    let base = try TimeText.parse("2026-01-01T00:00:00Z").timeIntervalSince1970
    for _ in 0..<300 {
      let start = Date(timeIntervalSince1970: base + Double(rng.next() % (365 * 86_400)))
      let seconds = Int64(rng.next() % (200 * 3600))
      let due = try #require(calendar.add(seconds, to: start))
      #expect(calendar.workingTime(from: start, to: due) == seconds)
      #expect(calendar.workingTime(from: due, to: start) == -seconds)
      #expect(calendar.add(-seconds, to: due) == calendar.subtract(seconds, from: due))
      let warn = try #require(calendar.subtract(seconds, from: start))
      #expect(calendar.workingTime(from: warn, to: start) == seconds)
      // Earliest: a second earlier, more than `seconds` is left, unless that second was idle
      // and the same amount is left (then `warn` would not be earliest).
      #expect(calendar.workingTime(from: warn.addingTimeInterval(-1), to: start) > seconds || seconds == 0)
    }
  }

  @Test("next working moment and whether the office is open") func openness() throws {
    let calendar = try TestCalendars.named("cn")
    let lunch = try TimeText.parse("2026-03-02T12:00:00+08:00")
    #expect(!calendar.isWorking(at: lunch))
    #expect(calendar.isWorking(at: lunch.addingTimeInterval(-1)))
    #expect(try calendar.nextWorkingMoment(atOrAfter: lunch) == TimeText.parse("2026-03-02T13:30:00+08:00"))
    let makeUp = try TimeText.parse("2026-02-14T09:00:00+08:00")
    #expect(calendar.isWorking(at: makeUp))
    #expect(calendar.nextWorkingMoment(atOrAfter: makeUp) == makeUp)
    #expect(calendar.isWorkingDay(try #require(LocalDate(parsing: "2026-02-14"))))
    #expect(!calendar.isWorkingDay(try #require(LocalDate(parsing: "2026-02-16"))))
  }
}

@Suite("Business calendar hostile input")
struct CalendarHostileInputTests {
  @Test("extreme durations and instants give answers or nil, never a trap") func extremes() throws {
    let calendar = try TestCalendars.named("cn")
    let t = try TimeText.parse("2026-03-02T09:00:00+08:00")
    #expect(calendar.add(.min, to: t) == nil)
    #expect(calendar.subtract(.min, from: t) == nil)
    #expect(calendar.add(.max, to: t) == nil)
    #expect(calendar.dueAfterWorkingDays(.max, from: t) == nil)
    #expect(calendar.dueAfterWorkingDays(-1, from: t) == nil)
    let far = Date(timeIntervalSince1970: .infinity)
    #expect(calendar.nextWorkingMoment(atOrAfter: far) == nil)
    #expect(calendar.workingTime(from: t, to: far) >= 0)
    #expect(!calendar.isWorking(at: Date(timeIntervalSince1970: .nan)))
  }
}

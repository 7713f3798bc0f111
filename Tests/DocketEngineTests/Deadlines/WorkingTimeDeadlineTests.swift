import DocketEngine
import DocketModel
import Foundation
import Testing

/// Monday to Friday, 09:00-18:00 in Shanghai.
private func office() throws -> BusinessCalendar {
  let day = try WorkingHours([try #require(WorkingInterval(parsing: "09:00-18:00"))])
  return try BusinessCalendar(
    id: "office", timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")),
    week: [.monday: day, .tuesday: day, .wednesday: day, .thursday: day, .friday: day])
}

private func callback() -> WorkflowDefinition {
  WorkflowBuilder("callback", prefix: "CB", roles: ["specialist"], fields: [])
    .build(
      initial: "open",
      states: [
        state("open", assign: "specialist", [on("hold", to: "held"), on("done", to: "closed")]),
        state("held", [on("back", to: "open")]),
        state("closed", final: true),
      ],
      deadlines: [
        DeadlineDefinition(
          name: "call_back", within: hours(4), calendar: "office",
          scope: .workflow(start: .created, stop: ["closed"], pause: ["held"]),
          warning: WarningDefinition(before: hours(1), actions: []))
      ])
}

@Suite("Deadlines counted in working time")
struct WorkingTimeDeadlineTests {
  /// Friday 2026-03-06 16:00 in Shanghai.
  let friday = at(hours: 4 * 24 + 7)

  @Test func dueTimeSkipsTheWeekend() throws {
    let desk = Desk([callback()], calendars: ["office": try office()])
    desk.now = friday
    let t = try desk.new("callback", as: "li.wei", .none).get()
    #expect(t.deadlines["call_back"]?.dueAt == RFC3339.parse("2026-03-09T11:00:00+08:00"))
    #expect(t.deadlines["call_back"]?.warnAt == RFC3339.parse("2026-03-09T10:00:00+08:00"))
    desk.now = at(hours: 48, from: friday)
    #expect(desk.tick().isEmpty, "nothing falls due over the weekend")
  }

  @Test func pausingKeepsWorkingTimeLeft() throws {
    let desk = Desk([callback()], calendars: ["office": try office()])
    desk.now = friday
    let id = try desk.new("callback", as: "li.wei", .none).get().id
    desk.now = at(hours: 1, from: friday)
    var t = try desk.advance(id, "hold").get()
    #expect(t.deadlines["call_back"]?.remainingSeconds == Int64(3 * 3600))
    desk.now = RFC3339.parse("2026-03-10T09:00:00+08:00") ?? desk.now
    t = try desk.advance(id, "back").get()
    #expect(t.deadlines["call_back"]?.dueAt == RFC3339.parse("2026-03-10T12:00:00+08:00"))
  }
}

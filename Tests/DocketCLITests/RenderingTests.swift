import DocketDiagnostics
import DocketModel
import DocketReports
import Foundation
import Testing

/// The pure renderers: tables, deadline phrases.
@Suite("Rendering")
struct RenderingTests {
  @Test("a table pads by terminal cells, so Chinese and Latin rows line up")
  func tableAlignment() {
    var table = TextTable(columns: [.init("NAME"), .init("ROLE")])
    table.append(["李伟", "specialist"])
    table.append(["li.wei", "主管"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines == ["NAME    ROLE", "李伟    specialist", "li.wei  主管"])
  }

  @Test("cells wider than the column limit are cut with an ellipsis, by cells")
  func truncation() {
    var table = TextTable(columns: [.init("A", maxWidth: 5), .init("B")])
    table.append(["一二三四五六", "x"])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines[1] == "一二…  x")
    #expect(DisplayWidth.of(lines[1].prefix(3)) == 5)
  }

  @Test("newlines inside a cell never break the grid")
  func newlinesInCells() {
    var table = TextTable(columns: [.init("A"), .init("B")])
    table.append(["one\ntwo", "x"])
    #expect(table.render().split(separator: "\n").count == 2)
  }

  @Test("deadline phrases: due in, overdue by, paused, met, breached")
  func deadlinePhrases() {
    let now = Date(timeIntervalSince1970: 1_000_000)
    let due = DeadlineClock(startedAt: now, dueAt: now.addingTimeInterval(3 * 3600 + 20 * 60))
    #expect(DeadlineStatus(due, now: now).text == "due in 3h 20m")
    let late = DeadlineClock(startedAt: now, dueAt: now.addingTimeInterval(-7200))
    #expect(DeadlineStatus(late, now: now).text == "overdue by 2h")
    let paused = DeadlineClock(
      state: .paused, startedAt: now, dueAt: now, pausedAt: now, remainingSeconds: 5 * 3600)
    #expect(DeadlineStatus(paused, now: now).text == "paused (5h left)")
    #expect(DeadlineStatus(DeadlineClock(state: .met, startedAt: now, dueAt: now), now: now).text == "met")
    #expect(
      DeadlineStatus(DeadlineClock(state: .breached, startedAt: now, dueAt: now), now: now).text
        == "breached")
  }

  @Test("local times are shown in the home's zone")
  func localTime() throws {
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    #expect(TimeText.local(Date(timeIntervalSince1970: 1_772_413_200), in: zone) == "2026-03-02 09:00")
  }
}

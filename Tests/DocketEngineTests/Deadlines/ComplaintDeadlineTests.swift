import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Deadlines of the complaint workflow")
struct ComplaintDeadlineTests {
  @Test func stateClockBreachFiresItsEventAsSystem() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.wait(hours: 2)
    let t = try #require(desk[id])
    #expect(t.state == "handling")
    #expect(t.deadlines["received"]?.state == .breached)
    #expect(t.deadlines["received"]?.breachedAt == at(hours: 1))
    #expect(t.assignee == Assignee(role: "supervisor", user: nil))
    let last = t.history.suffix(2).map { "\($0.actor) \($0.event)" }
    #expect(last == ["system breach:received", "system escalate"])
    #expect(t.history.last?.at == at(hours: 1), "the action takes effect when it fell due")
  }

  @Test("24h deadline breaches after a 25h wait, exactly once") func workflowClockBreach() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.wait(hours: 25)
    var t = try #require(desk[id])
    #expect(t.deadlines["handle_24h"]?.state == .breached)
    #expect(t.assignee == Assignee(role: "supervisor", user: nil))
    #expect(desk.store.outbox.count == 1)
    #expect(desk.store.outbox.first?.to == ["supervisor"])
    #expect(desk.store.outbox.first?.message.contains("24小时内处理完毕") == true)
    let revision = t.revision
    desk.wait(hours: 5)
    t = try #require(desk[id])
    #expect(t.revision == revision, "a second tick finds nothing due")
    #expect(desk.store.outbox.count == 1)
  }

  @Test func breachedClockStaysBreachedWhenStopped() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.wait(hours: 25)
    let t = try desk.advance(id, "resolve", ["resolution": .text("late")]).get()
    #expect(t.deadlines["handle_24h"]?.state == .breached)
  }

  @Test func stopStateMeetsTheClock() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.now = at(hours: 5)
    let t = try desk.advance(id, "resolve", ["resolution": .text("done")]).get()
    #expect(t.deadlines["handle_24h"]?.state == .met)
    #expect(t.deadlines["handle_24h"]?.metAt == at(hours: 5))
    #expect(t.deadlines["received"]?.state == .met)
  }

  @Test func pauseStateStopsTheClockAndResumeSetsANewDueTime() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.now = at(hours: 4)
    var t = try desk.advance(id, "wait_customer").get()
    #expect(t.deadlines["handle_24h"]?.state == .paused)
    #expect(t.deadlines["handle_24h"]?.remainingSeconds == Int64(20 * 3600))
    desk.wait(hours: 30)
    #expect(desk[id]?.deadlines["handle_24h"]?.state == .paused, "no breach while paused")
    t = try desk.advance(id, "resume").get()
    #expect(t.deadlines["handle_24h"]?.state == .running)
    #expect(t.deadlines["handle_24h"]?.dueAt == at(hours: 34 + 20))
  }

  @Test func clockStoppedAfterItsDueTimeWithoutATickCountsAsBreached() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.now = at(hours: 3)
    let t = try desk.advance(id, "accept").get()
    #expect(t.deadlines["received"]?.state == .breached)
    #expect(t.deadlines["received"]?.breachedAt == at(hours: 1))
  }

  @Test func tickWithNothingDueChangesNothing() throws {
    let desk = try Desk()
    desk.new()
    desk.now = at(hours: 0.5)
    #expect(desk.tick().isEmpty)
  }

  @Test func unreadableOrMissingTicketsAreSkipped() throws {
    let desk = try Desk()
    let a = try desk.new().get().id
    let b = try desk.new().get().id
    desk.store.corrupt.insert(a)
    desk.now = at(hours: 2)
    let result = desk.engine.tick([a, b, "CMP-000404"], at: desk.now, reader: desk.store)
    let changes = try result.get()
    #expect(changes.instances.map(\.id) == [b])
  }
}

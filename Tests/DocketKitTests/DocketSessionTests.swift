import DocketKit
import Foundation
import Testing

@Suite("The session: load, engine, commit")
struct DocketSessionTests {
  @Test func createAdvanceAndCloseATicket() throws {
    let session = SessionFixtures.session()
    let created = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    #expect(created.id == "CMP-000001")
    #expect(created.assignee == Assignee(role: "specialist", user: "li.wei"))
    let accepted = try session.advance(created.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(accepted.state == "handling")
    #expect(accepted.revision == 2)
    let closed = try session.advance(created.id, event: "close", input: .none, note: nil, actor: "li.wei")
    #expect(closed.status == .closed)
    #expect(try session.instance(created.id) == closed)
    #expect(try session.list(InstanceQuery()).isEmpty)
    #expect(try session.list(InstanceQuery(status: .closed)).map(\.id) == ["CMP-000001"])
  }

  @Test func idsCountUpPerPrefix() throws {
    let session = SessionFixtures.session()
    for n in 1...3 {
      let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
      #expect(t.id == InstanceID.make(prefix: "CMP", number: n))
    }
  }

  @Test func aRefusalExitsOneAndChangesNothing() throws {
    let session = SessionFixtures.session()
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    #expect {
      try session.advance(t.id, event: "close", input: .none, note: nil, actor: "li.wei")
    } throws: { error in
      guard let e = error as? DocketError else { return false }
      return e.code == "unknown_event" && e.exitStatus == 1
    }
    #expect(try session.instance(t.id) == t)
  }

  @Test(
    "unknown and hostile ids are unknown_id, exit 2",
    arguments: ["CMP-000099", "../CMP-000001", "CMP-000001/../../x", "", "CMP-000001.json"])
  func unknownIDs(_ raw: String) throws {
    let session = SessionFixtures.session()
    _ = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let isUnknownID = { (error: any Error) -> Bool in
      let e = error as? DocketError
      return e?.code == "unknown_id" && e?.exitStatus == 2
    }
    #expect(performing: { try session.instance(InstanceID(raw)) }, throws: isUnknownID)
    #expect(
      performing: {
        try session.advance(InstanceID(raw), event: "accept", input: .none, note: nil, actor: "li.wei")
      }, throws: isUnknownID)
  }

  @Test func tickRunsDueDeadlinesOnceAndReportsThem() throws {
    let clock = FixedClock(SessionFixtures.start)
    let session = SessionFixtures.session(clock: clock)
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    #expect(try session.tick().firings.isEmpty)
    clock.advance(by: 2 * 3600)
    #expect(try session.list(InstanceQuery(overdue: true)).map(\.id) == [t.id])
    let report = try session.tick()
    #expect(report.firings.map(\.instance) == [t.id])
    #expect(report.firings.first?.kind == .breach)
    #expect(try session.instance(t.id).assignee.role == "supervisor")
    #expect(try session.tick().firings.isEmpty)
  }

  @Test func theQueueHoldsMyTicketsAndThoseWaitingForMyRoles() throws {
    let clock = FixedClock(SessionFixtures.start)
    let session = SessionFixtures.session(clock: clock)
    let mine = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    clock.advance(by: 2 * 3600)
    _ = try session.tick()  // breach: waits for a supervisor
    let other = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    #expect(try session.list(InstanceQuery(queueOf: "wang.fang")).map(\.id) == [mine.id])
    #expect(try session.list(InstanceQuery(queueOf: "li.wei")).map(\.id) == [other.id])
  }

  @Test func aFixedClockNeverGoesBack() {
    let clock = FixedClock(SessionFixtures.start)
    #expect(!clock.set(SessionFixtures.start - 1))
    clock.advance(by: -60)
    #expect(clock.now() == SessionFixtures.start)
    #expect(clock.set(SessionFixtures.start + 60))
  }
}

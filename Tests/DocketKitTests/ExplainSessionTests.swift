import DocketKit
import Foundation
import Testing

/// `DocketSession.explain`: the dry run agrees with `advance`, and leaves the store alone.
@Suite("The session explains a step without taking it")
struct ExplainSessionTests {
  @Test("a permitted step: the same target and owner advance then gives; the ticket untouched")
  func agreesWithAdvance() throws {
    let session = SessionFixtures.session()
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let e = try session.explain(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(e.roles?.isPermitted == true)
    #expect(e.target == "handling")
    #expect(e.after?.state == "handling")
    #expect(e.clockChanges.map(\.kind) == [.met], "leaving 'received' stops its clock in time")
    #expect(try session.instance(t.id) == t, "explain changed the ticket")
    let advanced = try session.advance(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(advanced.state == e.after?.state)
    #expect(advanced.assignee == e.after?.assignee)
  }

  @Test("system is never restricted; an actor without the role is refused with the reason")
  func roles() throws {
    var home = SessionFixtures.home()
    home.staff = Staff(members: [
      "li.wei": StaffMember(id: "li.wei", name: "李伟", roles: ["specialist"]),
      "zhao.lei": StaffMember(id: "zhao.lei", name: "赵磊", roles: ["supervisor"]),
    ])
    let session = DocketSession(
      home: home, store: DocketSession.memoryStore(for: home), clock: FixedClock(SessionFixtures.start))
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    _ = try session.advance(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    let bySystem = try session.explain(t.id, event: "close", input: .none, note: nil, actor: .system)
    #expect(bySystem.roles?.isPermitted == true)
    #expect(bySystem.after?.status == .closed)
    let bySupervisor = try session.explain(t.id, event: "close", input: .none, note: nil, actor: "zhao.lei")
    #expect(bySupervisor.roles?.isPermitted == false)
    #expect(bySupervisor.roles?.allowed == ["specialist"])
    #expect(bySupervisor.target == "closed", "the target is still shown")
    if case .failure(let refusal) = bySupervisor.outcome {
      #expect(refusal.code == "not_permitted")
    } else {
      Issue.record("advance would have refused zhao.lei")
    }
    #expect(bySupervisor.after == nil)
  }

  @Test("an event of another state is explained as unavailable; one of no state is an error")
  func unavailableAndUnknown() throws {
    let session = SessionFixtures.session()
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let other = try session.explain(t.id, event: "close", input: .none, note: nil, actor: "li.wei")
    #expect(other.unavailable?.code == "unknown_event")
    #expect(other.roles == nil, "no check runs for an event the state does not handle")
    if case .failure(let refusal) = other.outcome {
      #expect(refusal.code == "unknown_event")
    } else {
      Issue.record("advance would have refused")
    }
    #expect {
      try session.explain(t.id, event: "fly", input: .none, note: nil, actor: "li.wei")
    } throws: { error in
      (error as? DocketError)?.code == "unknown_event"
    }
    #expect {
      try session.explain(t.id, event: "accept", input: .none, note: nil, actor: "nobody")
    } throws: { error in
      (error as? DocketError)?.code == "unknown_user"
    }
  }

  @Test("a closed ticket is explained as final_state")
  func closedTicket() throws {
    let session = SessionFixtures.session()
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    _ = try session.advance(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    _ = try session.advance(t.id, event: "close", input: .none, note: nil, actor: "li.wei")
    let e = try session.explain(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(e.unavailable?.code == "final_state")
  }
}

import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Advancing a ticket")
struct AdvanceTests {
  @Test func movesToTargetAndRecordsHistoryAndRevision() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.now = at(hours: 0.5)
    let t = try desk.advance(id, "accept").get()
    #expect(t.state == "handling")
    #expect(t.revision == 2)
    #expect(t.updatedAt == at(hours: 0.5))
    let e = try #require(t.history.last)
    #expect(e.seq == 2 && e.event == "accept" && e.from == "received" && e.to == "handling")
    #expect(e.assignee == nil, "the specialist keeps the ticket, so the assignee did not change")
    #expect(t.assignee == Assignee(role: "specialist", user: "li.wei"))
  }

  @Test func unknownEventNamesTheEventsAvailableHere() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    let r = desk.advance(id, "close")
    #expect(r.code == "unknown_event")
    guard case .failure(.unknownEvent(_, let state, let available)) = r else { return }
    #expect(state == "received")
    #expect(available == ["accept", "escalate"])
  }

  @Test func rolesRestrictWhoMayFire() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    let r = desk.advance(id, "escalate", as: "li.wei")
    #expect(r.code == "not_permitted")
    guard case .failure(let refusal) = r else { return }
    #expect(refusal.message.contains("supervisor"))
    #expect(try desk.advance(id, "escalate", as: "chen.jie").get().state == "handling")
  }

  @Test func omittedByAllowsAnyRoleOfTheWorkflowButNotOthers() throws {
    let b = Complaint.builder
    let wf = b.build(
      initial: "open", states: [state("open", [on("done", to: "closed")]), state("closed", final: true)])
    let desk = Desk([wf])
    let id = try desk.new().get().id
    #expect(desk.advance(id, "done", as: "guard.zhou").code == "not_permitted")
    #expect(try desk.advance(id, "done", as: "chen.jie").get().status == .closed)
  }

  @Test func inputIsAppliedBeforeRequireAndSet() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    let refused = desk.advance(id, "resolve")
    #expect(refused.code == "missing_fields")
    guard case .failure(.missingFields(_, let labels)) = refused else { return }
    #expect(labels == ["处理结果"])
    let t = try desk.advance(id, "resolve", ["resolution": .text("已协调商户")]).get()
    #expect(t.state == "revisit")
    #expect(t.fields["visits"] == 1)
    #expect(t.history.last?.set == ["resolution": "已协调商户", "visits": 1])
  }

  @Test func finalStateClosesTicketAndRefusesFurtherEvents() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.advance(id, "resolve", ["resolution": .text("ok")])
    desk.now = at(hours: 3)
    let t = try desk.advance(id, "record_visit", ["satisfaction": .text("satisfied")]).get()
    #expect(t.state == "closed" && t.status == .closed && t.closedAt == at(hours: 3))
    #expect(t.deadlines.values.allSatisfy { $0.state == .met })
    #expect(desk.advance(id, "close", as: "chen.jie").code == "final_state")
  }

  @Test func unknownTicketIsRefusedAsLookupFailure() throws {
    let desk = try Desk()
    #expect(desk.advance("CMP-000009", "accept").code == "unknown_id")
    #expect(desk.advance("../etc/passwd", "accept").code == "unknown_id")
  }

  @Test func unreadableTicketIsAStorageRefusal() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.store.corrupt.insert(id)
    let r = desk.advance(id, "accept")
    #expect(r.code == "storage")
  }
}

@Suite("Refusal messages")
struct RefusalMessageTests {
  @Test func messagesSayWhyAndWhatWouldBeRight() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    func message(_ r: Result<Instance, Refusal>) -> String {
      if case .failure(let refusal) = r { return refusal.message }
      return "(no refusal)"
    }
    #expect(
      message(desk.advance(id, "escalate"))
        == "li.wei may not fire 'escalate': only supervisor may, and li.wei holds specialist.")
    #expect(
      message(desk.advance(id, "resolve"))
        == "'resolve' is not an event of state 'received'; available there: accept, escalate.")
    desk.advance(id, "accept")
    #expect(
      message(desk.advance(id, "resolve"))
        == "'resolve' needs '处理结果'; fill it in with --set.")
    #expect(message(desk.advance("CMP-000404", "accept")) == "There is no ticket CMP-000404.")
  }

  @Test func aRefusalLeavesTheTicketAndOutboxExactlyAsTheyWere() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    let before = try #require(desk[id])
    let result = desk.engine.advance(
      id, event: "resolve", input: ["resolution": .text("x")], note: nil, actor: "li.wei",
      at: at(hours: 30), reader: desk.store)
    #expect(result.code == "unknown_event")
    #expect(desk[id] == before)
    #expect(desk.store.outbox.isEmpty)
  }
}

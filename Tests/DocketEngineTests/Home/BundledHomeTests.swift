import DocketDSL
import DocketEngine
import DocketModel
import Foundation
import Testing

/// The property's own workflows (the repository root home), run through the engine.
@Suite("The bundled complaint workflow")
struct BundledHomeTests {
  func desk() throws -> Desk {
    let loaded = try HomeLoader.load(home: repositoryRoot)
    let complaint = try #require(loaded.home.workflows["complaint"])
    return Desk([complaint], staff: loaded.home.staff)
  }

  static let complaint: FieldInput = [
    "customer": .value("张三"), "category": .value("noise"), "description": .value("夜间噪音"),
  ]

  @Test("contract §7: 24h unhandled complaint goes to the supervisor")
  func escalationScenario() throws {
    let desk = try desk()
    let id = try desk.new("complaint", as: "li.wei", Self.complaint).get().id
    #expect(desk[id]?.state == "received")
    #expect(desk[id]?.assignee == Assignee(role: "specialist", user: "li.wei"))
    #expect(try desk.advance(id, "accept", as: "li.wei").get().state == "handling")
    desk.wait(hours: 25)
    let t = try #require(desk[id])
    #expect(t.deadlines["handle_24h"]?.state == .breached)
    #expect(t.assignee.role == "supervisor")
    #expect(t.fields["escalated"] == true)
    #expect(desk.store.outbox.map(\.to) == [["specialist"], ["supervisor"]], "the 4h warning, then the breach")
    #expect(desk.store.outbox.last?.message == "投诉 CMP-000001（张三，noise）超过24小时未处理完毕，已转客服主管")
    let resolved = try desk.advance(id, "resolve", as: "li.wei", ["resolution": .value("已协调商户")]).get()
    #expect(resolved.state == "revisit")
    #expect(resolved.fields["resolution"] == "已协调商户")
    #expect(desk.advance(id, "close", as: "li.wei").code == "unknown_event")
  }

  @Test func unacceptedComplaintEscalatesAfter30Minutes() throws {
    let desk = try desk()
    let id = try desk.new("complaint", as: "li.wei", Self.complaint).get().id
    desk.wait(hours: 1)
    let t = try #require(desk[id])
    #expect(t.state == "handling")
    #expect(t.deadlines["accept_30m"]?.state == .breached)
    #expect(t.history.map(\.event).suffix(2) == ["breach:accept_30m", "escalate"])
    #expect(desk.store.outbox.first?.message == "投诉 CMP-000001 受理后30分钟无人接单，已自动升级")
  }

  @Test func urgentComplaintNeedsASupervisorToResolve() throws {
    let desk = try desk()
    var input = Self.complaint
    input.values["urgent"] = .text("yes")
    let id = try desk.new("complaint", as: "li.wei", input).get().id
    desk.advance(id, "accept", as: "li.wei")
    let refused = desk.advance(id, "resolve", as: "li.wei", ["resolution": .value("done")])
    guard case .failure(let refusal) = refused else {
      Issue.record("expected a refusal")
      return
    }
    #expect(refusal.code == "guard_failed")
    #expect(refusal.message.contains("紧急投诉的处理结果须由客服主管确认后办结"))
    #expect(try desk.advance(id, "resolve", as: "wang.fang", ["resolution": .value("done")]).get().state == "revisit")
  }

  @Test func contactingTheCustomerNeedsANoteAndCounts() throws {
    let desk = try desk()
    let id = try desk.new("complaint", as: "li.wei", Self.complaint).get().id
    desk.advance(id, "accept", as: "li.wei")
    #expect(desk.advance(id, "contact_customer", as: "li.wei").code == "missing_fields")
    let t = try desk.advance(id, "contact_customer", as: "li.wei", note: "电话已联系").get()
    #expect(t.fields["contacts"] == 1)
    #expect(t.state == "handling")
  }

  @Test func everyBundledWorkflowLoadsAndCreatesWithItsRequiredFields() throws {
    let loaded = try HomeLoader.load(home: repositoryRoot)
    #expect(!loaded.home.workflows.isEmpty)
    for workflow in loaded.home.workflows.values {
      let desk = Desk([workflow], staff: loaded.home.staff)
      let result = desk.new(workflow.id, as: "wang.fang", .none)
      if workflow.fields.values.contains(where: \.isRequired) {
        #expect(result.code == "missing_fields", "\(workflow.id)")
      } else {
        #expect(result.code == nil, "\(workflow.id)")
      }
    }
  }
}

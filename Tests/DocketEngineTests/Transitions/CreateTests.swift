import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Creating a ticket")
struct CreateTests {
  @Test func createsTicketInInitialStateOwnedByCreatorWithDefaults() throws {
    let desk = try Desk()
    let t = try desk.new().get()
    #expect(t.id == "CMP-000001")
    #expect(t.state == "received")
    #expect(t.status == .open)
    #expect(t.assignee == Assignee(role: "specialist", user: "li.wei"))
    #expect(t.fields["customer"] == "张三")
    #expect(t.fields["urgent"] == false)
    #expect(t.fields["visits"] == 0)
    #expect(t.revision == 1)
    #expect(t.version == 1 && t.digest == "sha256:test-complaint")
    let entry = try #require(t.history.first)
    #expect(t.history.count == 1)
    #expect(entry.seq == 1 && entry.event == "create" && entry.actor == "li.wei")
    #expect(entry.from == nil && entry.to == "received")
    #expect(entry.set["category"] == "noise")
  }

  @Test func creatorWithoutTheInitialRoleLeavesTicketInTheQueue() throws {
    let desk = try Desk()
    let t = try desk.new(as: "chen.jie").get()
    #expect(t.assignee == Assignee(role: "specialist", user: nil))
  }

  @Test func startsCreatedAndInitialStateClocks() throws {
    let desk = try Desk()
    let t = try desk.new().get()
    #expect(t.deadlines["handle_24h"]?.state == .running)
    #expect(t.deadlines["handle_24h"]?.dueAt == at(hours: 24))
    #expect(t.deadlines["received"]?.dueAt == at(hours: 1))
    #expect(t.nextDueAt == at(hours: 1))
  }

  @Test func idsFollowTheStoresLastNumber() throws {
    let desk = try Desk()
    desk.store.lastNumbers["CMP"] = 41
    #expect(try desk.new().get().id == "CMP-000042")
    #expect(try desk.new().get().id == "CMP-000043")
  }

  @Test func refusesMissingRequiredFieldsByLabel() throws {
    let desk = try Desk()
    let r = desk.new(as: "li.wei", ["category": .text("noise")])
    #expect(r.code == "missing_fields")
    guard case .failure(.missingFields(nil, let fields)) = r else {
      Issue.record("expected missing fields, got \(r)")
      return
    }
    #expect(fields == ["客户", "description"])
    #expect(desk.store.instances.isEmpty)
  }

  @Test func refusesUnknownFieldWithSuggestion() throws {
    let desk = try Desk()
    var input = Complaint.newComplaint
    input.values["custmer"] = .text("x")
    let r = desk.new(as: "li.wei", input)
    #expect(r.code == "invalid_value")
    guard case .failure(let refusal) = r else { return }
    #expect(refusal.message.contains("did you mean 'customer'?"))
  }

  @Test func refusesUnknownWorkflowWithSuggestionAndUnknownUser() throws {
    let desk = try Desk()
    let r = desk.new("complain")
    #expect(r.code == "unknown_workflow")
    guard case .failure(let refusal) = r else { return }
    #expect(refusal.message.contains("did you mean 'complaint'?"))
    #expect(!refusal.isWorkflowRefusal)
    #expect(desk.new(as: "nobody").code == "unknown_user")
  }

  @Test func refusesInvalidTypedValues() throws {
    let desk = try Desk()
    var input = Complaint.newComplaint
    input.values["category"] = .text("noisy")
    #expect(desk.new(as: "li.wei", input).code == "invalid_value")
    input = Complaint.newComplaint
    input.values["amount"] = .text("-5")
    #expect(desk.new(as: "li.wei", input).code == "invalid_value")
    input = Complaint.newComplaint
    input.values["visit_at"] = .text("tomorrow")
    #expect(desk.new(as: "li.wei", input).code == "invalid_value")
    #expect(desk.store.instances.isEmpty)
  }

  @Test func typedFixtureValuesAreStoredByFieldType() throws {
    let desk = try Desk()
    var input = Complaint.newComplaint
    input.values["amount"] = .value(12)
    input.values["urgent"] = .value("yes")
    input.values["visit_at"] = .value("2026-03-03T02:00:00Z")
    let t = try desk.new(as: "li.wei", input).get()
    #expect(t.fields["amount"] == 12)
    #expect(t.fields["urgent"] == true)
    #expect(t.fields["visit_at"] == "2026-03-03T10:00:00+08:00")
  }
}

import DocketEngine
import DocketModel
import Foundation
import Testing

/// A small refund workflow exercising guards, `set`, branches and notes.
private func refund() throws -> WorkflowDefinition {
  let b = WorkflowBuilder(
    "refund", prefix: "REF", roles: ["specialist", "supervisor"],
    fields: [
      field("amount", .number, required: true, label: "金额"),
      field("reason", .text),
      field("approved_amount", .int),
      field("level", .enum(["low", "high"])),
      field("divisor", .int, default: 0),
      field("due", .datetime),
    ])
  return b.build(
    initial: "open",
    states: [
      state(
        "open", assign: "specialist",
        [
          on(
            "approve", to: "approved",
            guard: GuardDefinition(expression: try b.expr("amount <= 500.0"), message: "金额超过500需主管审批")),
          on("check", to: "approved", guard: GuardDefinition(expression: try b.expr("amount / double(divisor) > 1.0 && 10 / divisor > 1", line: 12, column: 14))),
          on("plain", to: "approved", guard: GuardDefinition(expression: try b.expr("amount > 1000.0"))),
          on("reject", to: "closed", note: .required),
          on("halve", to: "approved", set: [FieldAssignment(field: "approved_amount", value: try b.expr("int(amount / 2.0)"))]),
          on("bad_set", to: "approved", set: [FieldAssignment(field: "level", value: try b.expr("\"medium\""))]),
          on("bad_type", to: "approved", set: [FieldAssignment(field: "approved_amount", value: try b.expr("\"many\""))]),
          on("remind", to: "open", set: [FieldAssignment(field: "due", value: try b.expr("now + duration(\"2h\")"))]),
          on(
            "route",
            branches: [
              BranchDefinition(condition: try b.expr("amount > 1000.0"), target: "review"),
              BranchDefinition(condition: try b.expr("amount > 100.0"), target: "approved"),
            ]),
        ]),
      state("review", assign: "supervisor", [on("approve", to: "approved", by: ["supervisor"])]),
      state("approved", [on("pay", to: "closed")]),
      state("closed", final: true),
    ])
}

@Suite("Guards, set, branches and notes")
struct GuardAndSetTests {
  func make(amount: Double) throws -> (Desk, InstanceID) {
    let desk = Desk([try refund()])
    let id = try desk.new("refund", as: "li.wei", ["amount": .value(.double(amount))]).get().id
    return (desk, id)
  }

  @Test func falseGuardRefusesWithItsMessage() throws {
    let (desk, id) = try make(amount: 800)
    let r = desk.advance(id, "approve")
    #expect(r.code == "guard_failed")
    guard case .failure(let refusal) = r else { return }
    #expect(refusal.message.contains("金额超过500需主管审批"))
  }

  @Test func guardWithoutMessageQuotesTheExpression() throws {
    let (desk, id) = try make(amount: 800)
    guard case .failure(let refusal) = desk.advance(id, "plain") else {
      Issue.record("expected a refusal")
      return
    }
    #expect(refusal.message.contains("amount > 1000.0"))
  }

  @Test func guardSeesTheInputOfTheSameStep() throws {
    let (desk, id) = try make(amount: 800)
    let t = try desk.advance(id, "approve", ["amount": .text("300")]).get()
    #expect(t.state == "approved")
  }

  @Test func guardEvaluationErrorSaysWhatAndWhere() throws {
    let (desk, id) = try make(amount: 800)
    guard case .failure(let refusal) = desk.advance(id, "check") else {
      Issue.record("expected a refusal")
      return
    }
    #expect(refusal.code == "guard_failed")
    #expect(refusal.message.contains("division by zero"))
    #expect(refusal.message.contains("workflows/refund.yaml:12:"))
  }

  @Test func setConvertsResultToFieldType() throws {
    let (desk, id) = try make(amount: 301)
    let t = try desk.advance(id, "halve").get()
    #expect(t.fields["approved_amount"] == 150)
  }

  @Test func setTimestampIsStoredInHomeZone() throws {
    let (desk, id) = try make(amount: 301)
    let t = try desk.advance(id, "remind").get()
    #expect(t.fields["due"] == "2026-03-02T11:00:00+08:00")
  }

  @Test func setOutsideEnumOrOfWrongTypeIsInvalidValue() throws {
    let (desk, id) = try make(amount: 301)
    #expect(desk.advance(id, "bad_set").code == "invalid_value")
    #expect(desk.advance(id, "bad_type").code == "invalid_value")
    #expect(desk[id]?.revision == 1)
  }

  @Test func firstMatchingBranchWins() throws {
    let (desk, id) = try make(amount: 5000)
    let t = try desk.advance(id, "route").get()
    #expect(t.state == "review")
    #expect(t.assignee == Assignee(role: "supervisor", user: nil))
    let (desk2, id2) = try make(amount: 200)
    #expect(try desk2.advance(id2, "route").get().state == "approved")
  }

  @Test func noMatchingBranchIsRefused() throws {
    let (desk, id) = try make(amount: 50)
    #expect(desk.advance(id, "route").code == "no_branch")
  }

  @Test func requiredNoteMustBeGivenAndIsRecorded() throws {
    let (desk, id) = try make(amount: 50)
    #expect(desk.advance(id, "reject").code == "missing_fields")
    #expect(desk.advance(id, "reject", note: "  ").code == "missing_fields")
    let t = try desk.advance(id, "reject", note: "duplicate request").get()
    #expect(t.history.last?.note == "duplicate request")
  }
}

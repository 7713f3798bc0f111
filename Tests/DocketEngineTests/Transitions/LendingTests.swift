import DocketEngine
import DocketModel
import Foundation
import Testing

/// A workflow whose steps refuse after their input has changed fields: a guard over the new
/// value, a second value that does not fit, a required note.
private func quote() throws -> WorkflowDefinition {
  let b = WorkflowBuilder(
    "quote", prefix: "QUO", roles: ["specialist"],
    fields: [
      field("amount", .number, required: true),
      field("level", .enum(["low", "high"])),
      field("reason", .text),
    ])
  return b.build(
    initial: "open",
    states: [
      state(
        "open", assign: "specialist",
        [
          on("approve", to: "approved", guard: GuardDefinition(expression: try b.expr("amount <= 500.0"))),
          on("reject", to: "closed", note: .required),
        ]),
      state("approved", [on("close", to: "closed")]),
      state("closed", final: true),
    ])
}

/// `advance` borrows the ticket it changes from the reader (so it can change it in place)
/// and must give it back exactly as it was read whenever it refuses, whatever the step had
/// already changed. The desk's store lends as a real store does and checks, after every
/// refusal, that its tickets are what they were before the command.
@Suite("Lending the ticket to advance")
struct LendingTests {
  func make() throws -> (Desk, InstanceID) {
    let desk = Desk([try quote()])
    let id = try desk.new("quote", as: "li.wei", ["amount": .value(.double(800))]).get().id
    return (desk, id)
  }

  @Test func aGuardRefusingTheNewValueGivesBackTheOldOne() throws {
    let (desk, id) = try make()
    #expect(desk.advance(id, "approve", ["amount": .text("900")]).code == "guard_failed")
    #expect(desk[id]?.fields["amount"] == .double(800))
    #expect(desk[id]?.revision == 1)
    #expect(try desk.advance(id, "approve", ["amount": .text("300")]).get().state == "approved")
  }

  @Test func aValueThatDoesNotFitPutsBackTheValuesBeforeIt() throws {
    let (desk, id) = try make()
    // Input is applied in field-name order: `amount` changes before `level` is refused.
    let r = desk.advance(id, "approve", ["amount": .text("100"), "level": .text("medium")])
    #expect(r.code == "invalid_value")
    #expect(desk[id]?.fields["amount"] == .double(800))
    #expect(desk[id]?.fields["level"] == nil)
  }

  @Test func aFieldTheRefusedStepAddedIsRemovedAgain() throws {
    let (desk, id) = try make()
    #expect(desk.advance(id, "reject", ["reason": .text("too dear")]).code == "missing_fields")
    #expect(desk[id]?.fields["reason"] == nil)
    #expect(desk[id]?.history.count == 1)
    let closed = try desk.advance(id, "reject", ["reason": .text("too dear")], note: "customer agreed").get()
    #expect(closed.fields["reason"] == "too dear")
    #expect(closed.revision == 2)
  }

  @Test func rulesThatCannotReactToTheMoveChangeNothingOnARefusal() throws {
    let workflow = try quote()
    let kit = RuleKit(workflows: [workflow])
    let desk = Desk(
      [workflow],
      rules: [try kit.rule("mark-new", on: .created, RuleFilter(workflows: ["quote"]), [.set([("reason", "\"new\"")])])])
    let id = try desk.new("quote", as: "li.wei", ["amount": .value(.double(800))]).get().id
    #expect(desk[id]?.fields["reason"] == "new")
    #expect(desk.advance(id, "approve", ["amount": .text("900")]).code == "guard_failed")
    #expect(desk[id]?.fields["amount"] == .double(800))
    #expect(try desk.advance(id, "approve", ["amount": .text("300")]).get().state == "approved")
  }

  @Test func aRuleRefusingAfterTheMoveGetsTheTicketBackAsItWasRead() throws {
    let workflow = try quote()
    let kit = RuleKit(workflows: [workflow])
    let desk = Desk(
      [workflow],
      rules: [try kit.rule("close-parent", on: .transition, RuleFilter(workflows: ["quote"]), [.advance("close", .parent)])])
    let id = try desk.new("quote", as: "li.wei", ["amount": .value(.double(800))]).get().id
    #expect(desk.advance(id, "approve", ["amount": .text("300")]).code == "rule_failed")
    #expect(desk[id]?.fields["amount"] == .double(800))
    #expect(desk[id]?.state == "open")
    #expect(desk[id]?.history.count == 1)
  }

  @Test func explainingAStepBorrowsNothing() throws {
    let (desk, id) = try make()
    let before = try #require(desk[id])
    let explanation = try desk.engine.explain(
      id, event: "approve", input: ["amount": .text("300")], note: nil, actor: "li.wei", at: desk.now,
      reader: desk.store
    ).get()
    #expect(try explanation.outcome.get().instances.first?.state == "approved")
    #expect(desk[id] == before, "a dry run commits nothing, so it must leave the ticket in the store")
    #expect(desk.store.lent.isEmpty)
  }
}

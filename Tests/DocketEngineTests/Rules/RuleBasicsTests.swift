import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Rules: matching, order and the snapshot")
struct RuleBasicsTests {
  @Test func createdRuleSetsAssignsAndNotifiesNamingItselfInHistory() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule(
          "noise-to-supervisor", on: .created, RuleFilter(workflows: ["case"]),
          if: "category == \"noise\"",
          [.set([("level", "level + 2")]), .assign("supervisor"), .notify(["supervisor"], "噪音投诉 ${instance.id}（${customer}）")])
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get()
    let stored = try #require(desk[c.id])
    #expect(stored.field("level") == .int(2))
    #expect(stored.assignee == Assignee(role: "supervisor", user: nil))
    #expect(stored.history.map { $0.event } == ["create", "set", "assign"])
    #expect(stored.history.map { $0.rule } == [nil, "noise-to-supervisor", "noise-to-supervisor"])
    #expect(stored.history.dropFirst().allSatisfy { $0.actor == UserID("system") })
    #expect(stored.revision == 1)
    #expect(desk.store.outbox.map(\.message) == ["噪音投诉 CAS-000001（张三）"])
    #expect(desk.last.firedRules == [RuleFiring(rule: "noise-to-supervisor", instance: c.id, outcome: .applied)])

    // The condition does not hold for another category: nothing fires.
    let other = try desk.new("case", as: "li.wei", ["customer": .text("李四")]).get()
    #expect(desk[other.id]?.history.count == 1)
    #expect(desk.last.firedRules.isEmpty)
  }

  @Test func transitionFiltersOnEventFromAndTo() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule("on-escalate", on: .transition, RuleFilter(workflows: ["case"], events: ["escalate"]), [.set([("remark", "\"e\" + event")])]),
        try kit.rule("into-closed-from-open", on: .transition, RuleFilter(from: ["open"], to: ["closed"]), [.set([("level", "99")])]),
        try kit.rule("any-visit", on: .transition, RuleFilter(workflows: ["visit"]), [.set([("seen", "true")])]),
      ])
    let a = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(a, "escalate").get()
    #expect(desk[a]?.field("remark") == .string("eescalate"))
    _ = try desk.advance(a, "close").get()
    #expect(desk[a]?.field("level") == .int(0), "closed from escalated, not from open")
    let b = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(b, "close").get()
    #expect(desk[b]?.field("level") == .int(99))
    #expect(desk.last.firedRules.map(\.rule) == ["into-closed-from-open"])
  }

  @Test func rulesRunInOrderAndLaterOnesSeeEarlierEffects() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule("first", on: .created, RuleFilter(workflows: ["case"]), [.set([("level", "1"), ("remark", "\"first\"")])]),
        try kit.rule("second", on: .created, RuleFilter(workflows: ["case"]), [.set([("level", "level * 10")])]),
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk[c]?.field("level") == .int(10), "each action acts on the ticket as it is now")
    #expect(desk.last.firedRules.map(\.rule) == ["first", "second"])
  }

  @Test func conditionsSeeTheTicketRightAfterTheChangeNotEarlierRulesEffects() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule("flag", on: .created, RuleFilter(workflows: ["case"]), if: "!flagged", [.set([("flagged", "true")])]),
        try kit.rule("also-unflagged", on: .created, RuleFilter(workflows: ["case"]), if: "!flagged", [.set([("remark", "\"seen unflagged\"")])]),
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk[c]?.field("flagged") == .bool(true))
    #expect(desk[c]?.field("remark") == .string("seen unflagged"), "an earlier rule's set cannot hide a later rule")
  }

  @Test func ruleSeesEventAndRunsAsSystem() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule(
          "who", on: .transition, RuleFilter(workflows: ["case"]),
          [.set([("remark", "event + '/' + actor.user + '/' + string(size(actor.roles))")])])
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(c, "ping").get()
    #expect(desk[c]?.field("remark") == .string("ping/system/0"))
  }
}

import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Rules: on_error skip and tick")
struct RuleSkipAndTickTests {
  @Test func skipRollsBackTheRulesOwnEffectsAndRecordsWhy() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule(
          "half-done", on: .transition, RuleFilter(workflows: ["case"]), onError: .skip,
          [.set([("level", "42")]), .notify(["supervisor"], "x"), .start("visit", [("customer", "customer")]), .advance("nope")]),
        try kit.rule("after", on: .transition, RuleFilter(workflows: ["case"]), [.set([("remark", "\"after\"")])]),
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(c, "escalate").get()
    let t = try #require(desk[c])
    #expect(t.state == "escalated", "the command itself went through")
    #expect(t.field("level") == .int(0), "the rule's set was rolled back")
    #expect(t.links.children.isEmpty)
    #expect(desk["VIS-000001"] == nil)
    #expect(desk.store.outbox.isEmpty)
    #expect(t.field("remark") == .string("after"), "later rules still run")
    let skip = try #require(t.history.first { $0.event == "skip:rule" })
    #expect(skip.rule == "half-done")
    #expect(skip.actor == UserID("system"))
    #expect(skip.note?.contains("could not fire 'nope'") == true)
    #expect(t.history.map { $0.event } == ["create", "escalate", "skip:rule", "set"])
    guard case .skipped(let reason)? = desk.last.firedRules.first?.outcome else {
      Issue.record("expected a skipped firing: \(desk.last.firedRules)")
      return
    }
    #expect(reason == skip.note)
    #expect(desk.last.firedRules.map(\.rule) == ["half-done", "after"])
  }

  @Test func conditionThatCannotBeEvaluatedFailsTheRule() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w, rules: [try kit.rule("divide", on: .created, RuleFilter(workflows: ["case"]), if: "10 / level > 1", [.set([("flagged", "true")])])])
    let refusal = try #require(desk.new("case", as: "li.wei", RuleWorkflows.newCase).failure)
    #expect(refusal.code == "rule_failed")
    #expect(refusal.message.contains("could not check its condition"))
    #expect(refusal.message.contains("division by zero"))
    #expect(desk.store.instances.isEmpty)
  }

  @Test func breachRulesRunInTickAndFailingOnesAreSkipped() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule(
          "sla-breach-escalates", on: .breach, RuleFilter(workflows: ["case"], deadlines: ["sla"]),
          [.assign("supervisor"), .notify(["supervisor"], "超时 ${instance.id} ${event}")]),
        try kit.rule("sla-breach-broken", on: .breach, RuleFilter(workflows: ["case"]), [.set([("remark", "\"x\"")]), .advance("nope")]),
      ])
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    desk.wait(hours: 25)
    let t = try #require(desk[c])
    #expect(t.deadlines["sla"]?.state == .breached)
    #expect(t.field("level") == .int(10), "the deadline's own action ran first")
    #expect(t.assignee == Assignee(role: "supervisor", user: nil))
    #expect(desk.store.outbox.map(\.message) == ["超时 CAS-000001 breach:sla"])
    #expect(t.field("remark") == .null, "the broken rule was rolled back")
    #expect(t.history.map { $0.event } == ["create", "breach:sla", "set", "assign", "skip:rule"])
    #expect(t.history.last?.rule == "sla-breach-broken")
  }

  @Test func aBreachRuleThatClosesAnotherTicketCancelsThatTicketsQueuedBreach() throws {
    let w = try RuleWorkflows.all()
    let kit = RuleKit(workflows: w)
    let desk = Desk(
      w,
      rules: [
        try kit.rule("spawn", on: .transition, RuleFilter(workflows: ["case"], events: ["escalate"]), [.start("case", [("customer", "customer")])]),
        try kit.rule("close-children", on: .breach, RuleFilter(workflows: ["case"], deadlines: ["sla"]), [.advance("close", .children)]),
      ])
    let parent = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    desk.now = at(hours: 1)
    _ = try desk.advance(parent, "escalate").get()
    let child = try #require(desk[parent]?.links.children.first)
    // One tick past both due times: the parent's breach (24h) closes the child before its
    // own breach (25h) comes up in the same tick.
    desk.now = at(hours: 26)
    desk.tick()
    let c = try #require(desk[child])
    #expect(c.state == "closed")
    #expect(c.deadlines["sla"]?.state == .met)
    #expect(c.history.last?.event == "close")
    #expect(c.history.last?.rule == "close-children")
    #expect(!c.history.contains { $0.event == "breach:sla" })
  }
}

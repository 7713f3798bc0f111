import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Rules: start, links, advance targets and cascades")
struct RuleCascadeTests {
  static func desk(ruleDepthLimit: Int = 8, _ rules: (RuleKit) throws -> [RuleDefinition]) throws -> Desk {
    let w = try RuleWorkflows.all()
    return Desk(w, rules: try rules(RuleKit(workflows: w)), ruleDepthLimit: ruleDepthLimit)
  }

  @Test func startCreatesALinkedTicketWithBothEndsInOneChangeset() throws {
    let desk = try Self.desk { kit in
      [
        try kit.rule(
          "close-starts-visit", on: .transition, RuleFilter(workflows: ["case"], to: ["closed"]),
          [.start("visit", [("customer", "customer"), ("source", "instance.id"), ("level", "level + 1")], assign: "supervisor")]),
        try kit.rule("visit-created", on: .created, RuleFilter(workflows: ["visit"]), [.set([("seen", "true")])]),
      ]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(c, "close").get()
    let parent = try #require(desk[c])
    let child = try #require(desk["VIS-000001"])
    #expect(parent.links.children == ["VIS-000001"])
    #expect(child.links.parent == c)
    #expect(child.fields["customer"] == .string("张三"))
    #expect(child.fields["source"] == .string(c.rawValue))
    #expect(child.fields["level"] == .int(1))
    #expect(child.field("seen") == .bool(true), "the child's own created rules ran")
    #expect(child.assignee == Assignee(role: "supervisor", user: nil))
    #expect(child.history.map { $0.event } == ["create", "set"])
    #expect(child.history.map { $0.rule } == ["close-starts-visit", "visit-created"])
    #expect(child.history.first?.actor == UserID("system"))
    #expect(parent.history.map { $0.event } == ["create", "close"])
    #expect(Set(desk.last.instances.map(\.id)) == [c, "VIS-000001"])
    #expect(desk.last.firedRules.map(\.rule) == ["close-starts-visit", "visit-created"])
  }

  @Test func advanceOnParentAndChildrenRunsTheirTransitionRules() throws {
    let desk = try Self.desk { kit in
      [
        try kit.rule(
          "escalate-starts-two", on: .transition, RuleFilter(workflows: ["case"], events: ["escalate"]),
          [.start("visit", [("customer", "customer")]), .start("visit", [("customer", "customer + '2'")])]),
        try kit.rule(
          "visit-failed-pings-parent", on: .transition, RuleFilter(workflows: ["visit"], to: ["failed"]),
          [.advance("close", .parent)]),
        try kit.rule(
          "case-closed-finishes-children", on: .transition, RuleFilter(workflows: ["case"], to: ["closed"]),
          [.advance("finish", .children)]),
      ]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(c, "escalate").get()
    #expect(desk[c]?.links.children == ["VIS-000001", "VIS-000002"])
    // Failing one visit closes the case, whose rule finishes every open child.
    _ = try desk.advance("VIS-000001", "fail", as: "li.wei").get()
    #expect(desk[c]?.state == "closed")
    #expect(desk[c]?.history.last?.rule == "visit-failed-pings-parent")
    #expect(desk["VIS-000001"]?.state == "failed", "a closed child is passed over")
    #expect(desk["VIS-000002"]?.state == "done")
    #expect(desk["VIS-000002"]?.history.last?.rule == "case-closed-finishes-children")
    #expect(desk.last.firedRules.map(\.rule) == ["visit-failed-pings-parent", "case-closed-finishes-children"])
  }

  @Test func parentTargetWithoutParentRefusesNamingTheRule() throws {
    let desk = try Self.desk { kit in
      [try kit.rule("orphan", on: .transition, RuleFilter(workflows: ["visit"]), line: 12, [.advance("close", .parent)])]
    }
    let v = try desk.new("visit", as: "li.wei", ["customer": .text("王五")]).get().id
    let refusal = try #require(desk.advance(v, "finish").failure)
    #expect(refusal.code == "rule_failed")
    #expect(refusal.message.hasPrefix("rule 'orphan' (rules/test.yaml:12:7) could not fire 'close' on its parent on VIS-000001:"))
    #expect(refusal.cause?.code == "unknown_id")
    #expect(desk[v]?.state == "pending")
  }

  @Test func failingActionRefusesTheWholeCommandAndChangesNothing() throws {
    let desk = try Self.desk { kit in
      [
        try kit.rule("notify-first", on: .transition, RuleFilter(workflows: ["case"]), [.notify(["supervisor"], "x"), .set([("level", "5")])]),
        try kit.rule(
          "bad-start", on: .transition, RuleFilter(workflows: ["case"]), line: 30,
          [.start("visit", [("level", "2")])]),
      ]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    let before = try #require(desk[c])
    let refusal = try #require(desk.advance(c, "escalate").failure)
    #expect(refusal.code == "rule_failed")
    #expect(refusal.rule == "bad-start")
    #expect(refusal.cause?.code == "missing_fields")
    #expect(refusal.message.contains("rule 'bad-start' (rules/test.yaml:30:7) could not start a visit ticket on CAS-000001"))
    #expect(desk[c] == before)
    #expect(desk["VIS-000001"] == nil)
    #expect(desk.store.outbox.isEmpty)
  }

  @Test func nestedRuleFailureNamesBothRulesAndTheInnermostCause() throws {
    let desk = try Self.desk { kit in
      [
        try kit.rule("outer", on: .transition, RuleFilter(workflows: ["case"], events: ["escalate"]), [.start("visit", [("customer", "customer")])]),
        try kit.rule("inner", on: .created, RuleFilter(workflows: ["visit"]), [.advance("nope")]),
      ]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    let refusal = try #require(desk.advance(c, "escalate").failure)
    #expect(refusal.rule == "outer")
    #expect(refusal.cause?.code == "unknown_event")
    #expect(refusal.message.contains("rule 'outer'"))
    #expect(refusal.message.contains("rule 'inner'"))
    #expect(desk[c]?.state == "open")
  }

  @Test func chainDeeperThanTheLimitRefusesNamingTheChain() throws {
    let desk = try Self.desk { kit in
      [try kit.rule("again", on: .transition, RuleFilter(workflows: ["case"], events: ["ping"]), [.set([("level", "level + 1")]), .advance("ping")])]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    let refusal = try #require(desk.advance(c, "ping").failure)
    #expect(refusal.code == "rule_failed")
    let link = "rule 'again' (CAS-000001)"
    #expect(refusal.message.contains(Array(repeating: link, count: 9).joined(separator: " → ")))
    #expect(refusal.message.contains("more than 8 deep"))
    #expect(desk[c]?.history.count == 1, "the whole command changed nothing")
  }

  @Test func rule_depth_limitInDocketYamlSetsTheLimit() throws {
    let desk = try Self.desk(ruleDepthLimit: 3) { kit in
      [try kit.rule("again", on: .transition, RuleFilter(workflows: ["case"], events: ["ping"]), [.set([("level", "level + 1")]), .advance("ping")])]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    let refusal = try #require(desk.advance(c, "ping").failure)
    let link = "rule 'again' (CAS-000001)"
    #expect(refusal.message.contains("more than 3 deep, so nothing was changed: " + Array(repeating: link, count: 4).joined(separator: " → ") + "."))
    #expect(desk[c]?.history.count == 1, "the whole command changed nothing")
  }

  @Test func chainAtTheLimitRuns() throws {
    let desk = try Self.desk { kit in
      [try kit.rule("again", on: .transition, RuleFilter(workflows: ["case"], events: ["ping"]), if: "level < 7", [.set([("level", "level + 1")]), .advance("ping")])]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.advance(c, "ping").get()
    #expect(desk[c]?.field("level") == .int(7))
    #expect(desk.last.firedRules.count == 7)
  }

  @Test func chainTooDeepRefusesEvenThroughSkippingRules() throws {
    let desk = try Self.desk { kit in
      [try kit.rule("again", on: .transition, RuleFilter(workflows: ["case"], events: ["ping"]), onError: .skip, [.advance("ping")])]
    }
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk.advance(c, "ping").code == "rule_failed")
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let f) = self { return f }
    return nil
  }
}

import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Rules: lookups")
struct RuleLookupTests {
  static func setup(_ rules: (RuleKit) throws -> [RuleDefinition]) throws -> Desk {
    let w = try RuleWorkflows.all()
    let caseFields = w[0].fields
    let visitFields = w[1].fields
    let lookups = [
      LookupDefinition(name: "cases_of", workflow: "case", keys: [try #require(caseFields["customer"])]),
      LookupDefinition(
        name: "visits_of", workflow: "visit", keys: [try #require(visitFields["customer"]), try #require(visitFields["level"])]),
    ]
    let kit = RuleKit(workflows: w, lookups: lookups)
    return Desk(w, rules: try rules(kit), lookups: lookups)
  }

  @Test func repeatCaseIsFoundInTheStoreAndIncludesTheNewTicket() throws {
    let desk = try Self.setup { kit in
      [
        try kit.rule(
          "repeat", on: .created, RuleFilter(workflows: ["case"]),
          if: "cases_of(customer).exists(c, c.id != instance.id && c.status == 'open')",
          [.set([("flagged", "true"), ("remark", "cases_of(customer).map(c, c.id).join(',')")])])
      ]
    }
    let first = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk[first]?.field("flagged") == .bool(false))
    let other = try desk.new("case", as: "li.wei", ["customer": .text("李四")]).get().id
    #expect(desk[other]?.field("flagged") == .bool(false))
    let second = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk[second]?.field("flagged") == .bool(true))
    #expect(desk[second]?.field("remark") == .string("CAS-000001,CAS-000003"), "id order, this ticket included")
    _ = try desk.advance(first, "close").get()
    let third = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    #expect(desk[third]?.field("flagged") == .bool(true), "CAS-000003 is still open")
  }

  @Test func lookupsSeeTicketsChangedEarlierInTheSameCommand() throws {
    let desk = try Self.setup { kit in
      [
        try kit.rule(
          "start-two", on: .transition, RuleFilter(workflows: ["case"], events: ["escalate"]),
          [.start("visit", [("customer", "customer"), ("level", "2")]), .start("visit", [("customer", "customer"), ("level", "2")])]),
        try kit.rule(
          "count-siblings", on: .created, RuleFilter(workflows: ["visit"]),
          [.set([("source", "string(size(visits_of(customer, level)))")])]),
        try kit.rule(
          "state-seen", on: .transition, RuleFilter(workflows: ["case"], events: ["close"]),
          [.set([("remark", "cases_of(customer)[0].state + '/' + cases_of(customer)[0].status")])]),
      ]
    }
    // A visit in the store under the same key, then one whose key this command changes.
    let c = try desk.new("case", as: "li.wei", RuleWorkflows.newCase).get().id
    _ = try desk.new("visit", as: "li.wei", ["customer": .text("张三"), "level": .text("2")]).get()
    _ = try desk.advance(c, "escalate").get()
    #expect(desk["VIS-000002"]?.field("source") == .string("2"), "the stored visit and itself")
    #expect(desk["VIS-000003"]?.field("source") == .string("3"), "and the sibling started a moment ago")
    _ = try desk.advance(c, "close").get()
    #expect(desk[c]?.field("remark") == .string("closed/closed"), "the ticket's own change, not the stored copy")
  }

  @Test func lookupKeysAreComparedAsStoredValues() throws {
    let desk = try Self.setup { kit in
      [
        try kit.rule(
          "count", on: .created, RuleFilter(workflows: ["visit"]),
          [.set([("source", "string(size(visits_of(customer, 1)))")])])
      ]
    }
    _ = try desk.new("visit", as: "li.wei", ["customer": .text("王五")]).get()
    _ = try desk.new("visit", as: "li.wei", ["customer": .text("王五"), "level": .text("2")]).get()
    let third = try desk.new("visit", as: "li.wei", ["customer": .text("王五")]).get().id
    #expect(desk[third]?.field("source") == .string("2"))
  }
}

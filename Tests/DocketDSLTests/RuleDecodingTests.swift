import DocketDSL
import DocketDiagnostics
import DocketModel
import DocketTestSupport
import Foundation
import Testing

@Suite("Loading rule files")
struct RuleDecodingTests {
  static let staff = "staff:\n  a: { name: A, roles: [agent, lead] }\n"
  static let ticket = """
    workflow: ticket
    version: 1
    prefix: T
    roles: { agent: Agent, lead: Lead }
    fields:
      customer: { type: string, required: true }
      level: { type: int, default: 1 }
      flagged: { type: bool, default: false }
    initial: open
    deadlines:
      reply_1h:
        within: 1h
        start: created
        stop: [done]
        warn: { before: 10m, notify: [agent] }
    states:
      open:
        on:
          finish: { to: done }
      done: { final: true }

    """

  func home(rules: [String: String]) throws -> TemporaryHome {
    let home = try TemporaryHome()
    try home.write("staff.yaml", Self.staff)
    try home.write("workflows/ticket.yaml", Self.ticket)
    for (name, text) in rules { try home.write("rules/" + name, text) }
    return home
  }

  @Test func rulesLoadInFileNameOrderThenListOrder() throws {
    let home = try home(rules: [
      "b.yaml": """
        rules:
          - { id: third, on: created, then: [ { assign: lead } ] }
        """,
      "a.yaml": """
        rules:
          - { id: first, on: transition, event: finish, then: [ { set: { flagged: "true" } } ] }
          - { id: second, on: warning, deadline: reply_1h, then: [ { notify: [lead], message: "hi ${customer}" } ] }
        """,
      "fixtures/not-rules.yaml": "name: x\nworkflow: ticket\nsteps: []\n",
    ])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(!loaded.hasErrors, "\(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))")
    #expect(loaded.home.rules.map(\.id.rawValue) == ["first", "second", "third"])
    #expect(loaded.home.rules.map(\.trigger) == [.transition, .warning, .created])
    #expect(loaded.home.rules[0].filter.events == ["finish"])
    #expect(loaded.home.rules[0].reference == "rule 'first' (rules/a.yaml:2:11)")
    #expect(loaded.sources["rules/a.yaml"] != nil && loaded.sources["rules/b.yaml"] != nil)
    #expect(loaded.sources["rules/fixtures/not-rules.yaml"] == nil)
    let body = try #require(loaded.home.rules[1].bodies["ticket"])
    guard case .notify(let roles, let message?, _) = body.actions.first else {
      Issue.record("expected a notify action")
      return
    }
    #expect(roles == ["lead"])
    #expect(message.parts.count == 2)
  }

  @Test func aStartedTicketAndLookupsAreCompiled() throws {
    let home = try home(rules: [
      "r.yaml": """
        lookups:
          tickets_of: { workflow: ticket, key: [customer] }
        rules:
          - id: follow-up
            on: transition
            to: done
            if: tickets_of(customer).size() < 3
            on_error: skip
            then:
              - start: ticket
                fields: { customer: customer, level: "level + 1" }
                assign: agent
              - advance: finish
                target: parent
        """
    ])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(!loaded.hasErrors, "\(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))")
    let lookup = try #require(loaded.home.lookups["tickets_of"])
    #expect(lookup.workflow == "ticket" && lookup.keys.map(\.name) == ["customer"])
    let rule = try #require(loaded.home.rules.first)
    #expect(rule.onError == .skip)
    let body = try #require(rule.bodies["ticket"])
    #expect(body.condition?.source == "tickets_of(customer).size() < 3")
    guard case .start(let start, _) = body.actions.first, case .fire(let event, let target, _) = body.actions.last
    else {
      Issue.record("expected start then advance")
      return
    }
    #expect(start.workflow == "ticket" && start.assignRole == "agent")
    #expect(start.fields.map(\.field) == ["customer", "level"])
    #expect(event == "finish" && target == .parent)
  }

  @Test func aHomeWithoutRulesHasNone() throws {
    let home = try home(rules: [:])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(!loaded.hasErrors)
    #expect(loaded.home.rules.isEmpty && loaded.home.lookups.isEmpty)
  }
}

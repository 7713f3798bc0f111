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

  /// Rules applying to one workflow share its compiled expressions; a bad expression written
  /// in two rules is still reported in each, at its own place.
  @Test func aBadConditionInTwoRulesIsReportedInBoth() throws {
    let home = try home(rules: [
      "a.yaml": """
        rules:
          - { id: one, on: created, if: "level + ", then: [ { assign: lead } ] }
          - { id: two, on: created, if: "level + ", then: [ { assign: lead } ] }
          - { id: three, on: created, if: "level > 1", then: [ { assign: lead } ] }
        """
    ])
    let loaded = try HomeLoader.load(home: home.url)
    let lines = loaded.diagnostics.errors.compactMap { $0.span?.start.line }
    #expect(lines == [2, 3], "\(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))")
    #expect(loaded.home.rules.map(\.id.rawValue) == ["one", "two", "three"])
    #expect(loaded.home.rules[2].bodies["ticket"]?.condition?.source == "level > 1")
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

  /// A message keeps its text exactly around each placeholder, in any script, with braces
  /// inside a placeholder's CEL, and with placeholders at either end.
  @Test func aMessageSplitsIntoItsTextAndPlaceholders() throws {
    let home = try home(rules: [
      "m.yaml": """
        rules:
          - id: m
            on: created
            then:
              - notify: [lead]
                message: '${customer}：投诉 ${ {"k": "}"}["k"] }（等级 ${level}）😀${instance.id}'
        """
    ])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(!loaded.hasErrors, "\(DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics))")
    let body = try #require(loaded.home.rules.first?.bodies["ticket"])
    guard case .notify(_, let message?, _) = body.actions.first else {
      Issue.record("expected a notify action")
      return
    }
    let parts = message.parts.map { part -> String in
      switch part {
      case .text(let text): "text(\(text))"
      case .expression(let e): "expr(\(e.source))"
      }
    }
    #expect(
      parts == [
        "expr(customer)", "text(：投诉 )", #"expr( {"k": "}"}["k"] )"#, "text(（等级 )",
        "expr(level)", "text(）😀)", "expr(instance.id)",
      ])
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

  @Test func aRuleNamingAWorkflowThatDidNotLoadIsNotReportedAgain() throws {
    let home = try home(rules: [
      "r.yaml": "rules:\n  - { id: r, on: created, workflow: broken, then: [ { assign: x } ] }\n"
    ])
    try home.write("workflows/broken.yaml", "- not a workflow\n")
    let loaded = try HomeLoader.load(home: home.url)
    #expect(loaded.hasErrors)
    #expect(loaded.diagnostics.diagnostics.allSatisfy { $0.span?.file != "rules/r.yaml" })
  }

  @Test func anEmptyRuleFileHoldsNoRulesAndBrokenYAMLIsReportedInItsFile() throws {
    let home = try home(rules: ["a.yaml": "# nothing yet\n", "b.yaml": "rules: [\n"])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(loaded.home.rules.isEmpty)
    #expect(loaded.diagnostics.errors.map(\.span?.file) == ["rules/b.yaml"])
    #expect(loaded.diagnostics.errors.first?.id == "yaml_syntax")
  }

  @Test func aHomeWithoutRulesHasNone() throws {
    let home = try home(rules: [:])
    let loaded = try HomeLoader.load(home: home.url)
    #expect(!loaded.hasErrors)
    #expect(loaded.home.rules.isEmpty && loaded.home.lookups.isEmpty)
  }
}

@Suite("The property's rules (rules/property.yaml)")
struct PropertyRulesTests {
  @Test func everyRuleLoadsForExactlyTheWorkflowItNames() throws {
    let loaded = try HomeLoader.load(home: Paths.repository)
    #expect(!loaded.hasErrors)
    let rules = loaded.home.rules
    #expect(rules.count == 9)
    #expect(rules.allSatisfy { $0.file == "rules/property.yaml" })
    let shape = rules.map { "\($0.id) \($0.trigger) \($0.bodies.keys.map(\.rawValue).sorted())" }
    #expect(
      shape == [
        "closed-repair-gets-revisit transition [\"repair\"]",
        "closed-paid-service-gets-revisit transition [\"paid_service\"]",
        "unsatisfied-visit-goes-to-supervisor transition [\"revisit\"]",
        "second-visit-still-unsatisfied transition [\"revisit\"]",
        "complaint-24h-breach-to-manager breach [\"complaint\"]",
        "repeat-complaint created [\"complaint\"]",
        "repair-rework created [\"repair\"]",
        "paid-service-needs-one-specialist created [\"paid_service\"]",
        "survey-chase-before-deadline warning [\"survey\"]",
      ])
  }

  @Test func repeatsAndReworkAreFoundThroughLookups() throws {
    let home = try HomeLoader.load(home: Paths.repository).home
    #expect(home.lookups.keys.elementsEqual(["complaints_of", "repairs_of"]))
    #expect(home.lookups["complaints_of"]?.keys.map(\.name) == ["customer", "category"])
    #expect(home.lookups["repairs_of"]?.keys.map(\.name) == ["unit", "equipment"])
    let repeated = try #require(home.rules.first { $0.id == "repeat-complaint" })
    #expect(repeated.onError == .skip)
    let body = try #require(repeated.bodies["complaint"])
    #expect(body.condition?.source.contains("complaints_of(customer, category)") == true)
    guard case .set(let assignments, _) = body.actions.first else {
      Issue.record("expected the repeat mark first")
      return
    }
    #expect(assignments.map(\.field) == ["is_repeat"])
  }

  @Test func closedRepairsStartARevisitHeldBySpecialists() throws {
    let home = try HomeLoader.load(home: Paths.repository).home
    let rule = try #require(home.rules.first { $0.id == "closed-repair-gets-revisit" })
    #expect(rule.filter.to == ["closed"] && rule.onError == .refuse)
    guard case .start(let start, _) = rule.bodies["repair"]?.actions.first else {
      Issue.record("expected a start action")
      return
    }
    #expect(start.workflow == "revisit" && start.assignRole == "specialist")
    #expect(Set(start.fields.map(\.field)).isSuperset(of: ["customer", "source_id"]))
  }
}

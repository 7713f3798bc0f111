import DocketDSL
import DocketModel
import DocketTestSupport
import Testing

@testable import DocketScenarios

/// Fixtures on a home with rules: `children` sees tickets rules started, and coverage counts
/// the rules no fixture fired (notify-only rules too, which leave no history).
@Suite("Fixtures and rules")
struct RuleFixtureTests {
  static let rules = """
    rules:
      - id: closed-gets-visit
        on: transition
        workflow: case
        to: closed
        then:
          - start: visit
            fields: { customer: customer }
      - id: visit-tells-supervisor
        on: created
        workflow: visit
        then:
          - notify: [supervisor]
            message: "回访 ${instance.id}"
      - id: never-fires
        on: transition
        workflow: visit
        event: finish
        then:
          - notify: [supervisor]
    """

  static func home() throws -> Home {
    let temp = try TemporaryHome()
    try temp.write(
      "workflows/case.yaml",
      """
      workflow: case
      version: 1
      prefix: CAS
      roles: { specialist: 专员, supervisor: 主管 }
      fields:
        customer: { type: string, required: true }
      initial: open
      states:
        open:
          assign: specialist
          on:
            close: { to: closed }
        closed: { final: true }
      """)
    try temp.write(
      "workflows/visit.yaml",
      """
      workflow: visit
      version: 1
      prefix: VIS
      roles: { specialist: 专员, supervisor: 主管 }
      fields:
        customer: { type: string, required: true }
      initial: pending
      states:
        pending:
          assign: specialist
          on:
            finish: { to: done }
        done: { final: true }
      """)
    try temp.write("rules/service.yaml", rules)
    try temp.write("staff.yaml", "staff:\n  li.wei: { name: 李伟, roles: [specialist] }\n")
    let loaded = try HomeLoader.load(home: temp.url)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.diagnostics)")
    return loaded.home
  }

  static func run(_ steps: String, home: Home) -> (FixtureReport, FixtureCoverage) {
    let decoded = FixtureSuite.decode(
      [
        (
          "rules/fixtures/c.yaml",
          """
          name: 办结后回访
          workflow: case
          start: 2026-03-02T09:00:00+08:00
          steps:
          \(steps)
          """
        )
      ], home: home)
    #expect(decoded.diagnostics.diagnostics.isEmpty, "\(decoded.diagnostics.diagnostics)")
    let report = FixtureSuite(home: home, fixtures: decoded.fixtures).run()
    return (report, FixtureCoverage(home: home, exercised: report.exercised))
  }

  @Test("expect children sees the ticket a rule started, with its state; coverage lists the rule never fired")
  func childrenAndRuleCoverage() throws {
    let home = try Self.home()
    let (report, coverage) = Self.run(
      """
        - new: { as: li.wei, ref: c1, fields: { customer: 张三 } }
          expect: { children: [] }
        - advance: { ref: c1, event: close, as: li.wei }
          expect: { state: closed, children: [ { workflow: visit, state: pending } ], outbox: [ { to: [supervisor], message: 回访 VIS-000001 } ] }
      """, home: home)
    #expect(report.failed == 0, "\(report.results.map { $0.failures })")
    #expect(coverage.rules.covered == 2 && coverage.rules.total == 3)
    #expect(coverage.missedRules.count == 1)
    #expect(coverage.missedRules.first?.hasPrefix("never-fires (rules/service.yaml:") == true)
    #expect(coverage.render().contains("rules: 2/3 fired"))
    #expect(coverage.render().contains("rules never fired: never-fires"))
  }

  @Test("a wrong child state fails the step")
  func wrongChildStateFails() throws {
    let home = try Self.home()
    let (report, _) = Self.run(
      """
        - new: { as: li.wei, ref: c1, fields: { customer: 张三 } }
        - advance: { ref: c1, event: close, as: li.wei }
          expect: { children: [ { workflow: visit, state: done } ] }
      """, home: home)
    #expect(report.results.first?.passed == false)
  }
}

import DocketDSL
import DocketTestSupport
import Testing

@testable import DocketScenarios

@Suite("Coverage of fixture runs")
struct FixtureCoverageTests {
  @Test("lists the deadline outcome no fixture reached and counts transitions taken")
  func listsWhatNoFixtureReached() throws {
    let home = try ScenarioHome.home()
    let decoded = FixtureSuite.decode(
      [
        (
          "rules/fixtures/a.yaml",
          """
          name: 超时
          workflow: ticket
          start: 2026-03-02T09:00:00+08:00
          steps:
            - new: { as: li.wei, fields: { customer: 张三 } }
            - wait: 25h
            - advance: { event: reply, as: wang.fang, fields: { answer: 好 } }
          """
        )
      ], home: home)
    let report = FixtureSuite(home: home, fixtures: decoded.fixtures).run()
    let coverage = FixtureCoverage(home: home, exercised: report.exercised)
    let ticket = try #require(coverage.workflows.first)
    #expect(ticket.transitions.covered == 1 && ticket.transitions.total == 1)
    #expect(ticket.states.covered == 2)
    #expect(ticket.missedDeadlines == ["reply_24h: met"])
    #expect(coverage.transitionPercent == 100)
    #expect(coverage.render().contains("deadline outcomes never reached: reply_24h: met"))
  }

  @Test("names the branch no fixture took, with its condition, and counts branches apart")
  func listsBranchesNeverTaken() throws {
    let temp = try TemporaryHome()
    try temp.write(
      "workflows/visit.yaml",
      """
      workflow: visit
      version: 1
      prefix: VIS
      roles: { agent: 专员 }
      fields:
        score: { type: int }
      initial: open
      states:
        open:
          on:
            record:
              require: [score]
              to:
                - { if: score < 3, to: unhappy }
                - { if: score < 5, to: neutral }
                - { if: score < 4, to: unhappy }
                - to: happy
        unhappy: { final: true }
        neutral: { final: true }
        happy: { final: true }
      """)
    try temp.write("staff.yaml", "staff:\n  li.wei: { name: 李伟, roles: [agent] }\n")
    let loaded = try HomeLoader.load(home: temp.url)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.diagnostics)")
    let decoded = FixtureSuite.decode(
      [
        (
          "rules/fixtures/v.yaml",
          """
          name: 回访
          workflow: visit
          start: 2026-03-02T09:00:00+08:00
          steps:
            - new: { as: li.wei, ref: a }
            - advance: { ref: a, event: record, as: li.wei, fields: { score: 1 } }
            - new: { as: li.wei, ref: b }
            - advance: { ref: b, event: record, as: li.wei, fields: { score: 5 } }
          """
        )
      ], home: loaded.home)
    #expect(decoded.diagnostics.diagnostics.isEmpty)
    let report = FixtureSuite(home: loaded.home, fixtures: decoded.fixtures).run()
    let visit = try #require(FixtureCoverage(home: loaded.home, exercised: report.exercised).workflows.first)
    // Two of the three distinct targets were reached; the repeated `unhappy` branch is one.
    #expect(visit.branches.covered == 2 && visit.branches.total == 3)
    #expect(visit.missedBranches == ["open --record--> neutral [if score < 5]"])
    #expect(visit.transitions.covered == 1 && visit.transitions.total == 1)
    let coverage = FixtureCoverage(home: loaded.home, exercised: report.exercised)
    #expect(coverage.render().contains("branches 2/3"))
    #expect(coverage.render().contains("branches never taken: open --record--> neutral [if score < 5]"))
  }
}

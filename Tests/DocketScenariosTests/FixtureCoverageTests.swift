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
}

import DocketDSL
import DocketKit
import DocketTestSupport
import Foundation
import Testing

@testable import DocketScenarios

@Suite("Running fixtures")
struct FixtureRunTests {
  private func run(_ text: String) throws -> FixtureReport {
    let decoded = FixtureSuite.decode([("rules/fixtures/a.yaml", text)], home: try ScenarioHome.home())
    #expect(!decoded.diagnostics.hasErrors, "\(decoded.diagnostics.diagnostics)")
    return FixtureSuite(home: try ScenarioHome.home(), fixtures: decoded.fixtures).run()
  }

  private let passing = """
    name: 超时转主管
    workflow: ticket
    start: 2026-03-02T09:00:00+08:00
    steps:
      - new: { as: li.wei, ref: t1, fields: { customer: 张三, amount: 2000 } }
        expect: { state: open, assignee: { role: agent, user: li.wei }, deadlines: { reply_24h: { state: running, due_at: 2026-03-03T09:00:00+08:00 } } }
      - advance: { ref: t1, event: reply, as: li.wei, fields: { answer: 已处理 } }
        expect: { error: { code: guard_failed, message: 大额须主管办结 }, state: open }
      - wait: 25h
        expect:
          deadlines: { reply_24h: breached }
          assignee: { role: lead }
          outbox: [ { to: [lead], message: 超时 } ]
      - advance: { ref: t1, event: reply, as: wang.fang, fields: { answer: 已处理 } }
        expect: { state: done, status: closed, fields: { answer: 已处理, amount: 2000 }, outbox: [] }
    """

  @Test("a fixture whose expectations hold passes, refusals and breaches included")
  func passingFixturePasses() throws {
    let report = try run(passing)
    #expect(report.passed == 1)
    #expect(report.results.first?.failures == [])
    #expect(FixtureTextReport.render(report) == "PASS 超时转主管\n1 passed, 0 failed\n")
  }

  @Test("a failing expectation is reported at its file:line:col with an expected/actual diff")
  func failingFixtureShowsDiff() throws {
    let failing = passing.replacingOccurrences(
      of: "assignee: { role: lead }", with: "assignee: { role: agent, user: li.wei }")
    let report = try run(failing)
    #expect(report.failed == 1)
    #expect(
      FixtureTextReport.render(report) == """
        FAIL 超时转主管
          rules/fixtures/a.yaml:12:7: step 3 (wait 25h): TKT-000001: expected assignee role: agent, user: li.wei, got role: lead, user: null
            - expected  assignee.role: agent
            - expected  assignee.user: li.wei
            + actual    assignee.role: lead
            + actual    assignee.user: null
        0 passed, 1 failed

        """)
  }

  @Test("an unexpected refusal fails the step that was refused")
  func unexpectedRefusalFails() throws {
    let report = try run(
      """
      name: 无权办结
      workflow: ticket
      start: 2026-03-02T09:00:00+08:00
      steps:
        - new: { as: li.wei, fields: { customer: 张三, amount: 5000 } }
        - advance: { event: reply, as: li.wei, fields: { answer: 好 } }
      """)
    let failure = try #require(report.results.first?.failures.first)
    #expect(failure.span.description == "rules/fixtures/a.yaml:6:5")
    #expect(failure.actual.first == "error: guard_failed")
  }

  @Test("the virtual clock starts at the fixture's start and moves only with its steps")
  func virtualClockNeverReadsTheSystemClock() throws {
    // A start years in the past: were the system clock read, the 24 h deadline would have
    // breached long ago and the ticket would sit with the lead at once.
    let report = try run(
      """
      name: 虚拟时钟
      workflow: ticket
      start: 2001-01-01T00:00:00+08:00
      steps:
        - new: { as: li.wei, ref: t1, fields: { customer: 张三 } }
          expect: { deadlines: { reply_24h: { state: running, due_at: 2001-01-02T00:00:00+08:00 } } }
        - wait: 23h
          expect: { deadlines: { reply_24h: running }, assignee: { role: agent } }
        - at: 2001-01-02T00:00:00+08:00
          expect: { deadlines: { reply_24h: breached }, history: [ { actor: system } ] }
      """)
    #expect(report.results.first?.failures == [])
  }

  @Test("fixtures run on a scratch store: the home's data/ is never created")
  func scratchStoreLeavesHomeDataAbsent() throws {
    let home = try ScenarioHome.make(fixtures: ["a.yaml": passing])
    let report = try FixtureSuite.load(homeURL: home.url, paths: []).run()
    #expect(report.passed == 1)
    #expect(!FileManager.default.fileExists(atPath: home.data.path))
  }

  @Test("JUnit XML names every fixture and escapes the failure text")
  func junitReport() throws {
    let report = try run(passing.replacingOccurrences(of: "state: done", with: "state: open"))
    let xml = FixtureJUnitReport.render(report)
    #expect(xml.contains("<testsuites name=\"docket test\" tests=\"1\" failures=\"1\">"))
    #expect(xml.contains("<testcase classname=\"rules.fixtures.a\" name=\"超时转主管\""))
    #expect(xml.contains("<failure message=\"rules/fixtures/a.yaml:15:15: TKT-000001: expected state &apos;open&apos;, got &apos;done&apos;\""))
  }
}

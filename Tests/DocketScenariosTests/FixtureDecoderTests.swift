import DocketDiagnostics
import DocketModel
import Testing

@testable import DocketScenarios

@Suite("Reading fixture files")
struct FixtureDecoderTests {
  private func diagnostics(_ text: String) throws -> [String] {
    let decoded = FixtureSuite.decode([("rules/fixtures/a.yaml", text)], home: try ScenarioHome.home())
    #expect(decoded.fixtures.isEmpty)
    return decoded.diagnostics.sorted.map(\.description)
  }

  @Test("unknown keys, users, fields, refs, events and states are errors at their file:line:col")
  func reportsEveryMistakeWithItsPosition() throws {
    let found = try diagnostics(
      """
      name: 错误示例
      workflow: ticket
      start: 2026-03-02T09:00:00+08:00
      steps:
        - new: { as: li.wie, ref: t1, fields: { custmer: 张三 } }
          expct: { state: open }
        - advance: { ref: t2, event: replay, as: li.wei }
          expect: { state: dne, deadlines: { reply_24: met } }
      """)
    #expect(
      found == [
        "rules/fixtures/a.yaml:5:16: error: 'li.wie' is not listed in staff.yaml (did you mean 'li.wei'?)",
        "rules/fixtures/a.yaml:5:43: error: workflow 'ticket' has no field 'custmer' (did you mean 'customer'?)",
        "rules/fixtures/a.yaml:6:5: error: unknown key 'expct' in step 1 (did you mean 'expect'?)",
        "rules/fixtures/a.yaml:7:21: error: no earlier step names a ticket 't2' (did you mean 't1'?)",
        "rules/fixtures/a.yaml:7:32: error: workflow 'ticket' has no event 'replay' (did you mean 'reply'?)",
        "rules/fixtures/a.yaml:8:22: error: workflow 'ticket' has no state 'dne' (did you mean 'done'?)",
        "rules/fixtures/a.yaml:8:40: error: workflow 'ticket' has no deadline 'reply_24' (did you mean 'reply_24h'?)",
      ])
  }

  @Test("roles, states, workflows and users named inside expect are checked too")
  func checksNamesInsideExpect() throws {
    let found = try diagnostics(
      """
      name: 期望里的名字
      workflow: ticket
      start: 2026-03-02T09:00:00+08:00
      steps:
        - new: { as: li.wei, ref: t1, fields: { customer: 张三 } }
          expect:
            assignee: { role: agnet, user: li.we }
            children: [ { workflow: tickt, state: open }, { workflow: ticket, state: opne } ]
            outbox: [ { to: [leed], message: 超时 } ]
            history: [ { event: create, actor: wang.fan, to: opem } ]
      """)
    #expect(
      found == [
        "rules/fixtures/a.yaml:7:25: error: workflow 'ticket' has no role 'agnet' (did you mean 'agent'?)",
        "rules/fixtures/a.yaml:7:38: error: 'li.we' is not listed in staff.yaml (did you mean 'li.wei'?)",
        "rules/fixtures/a.yaml:8:31: error: the home has no workflow 'tickt' (did you mean 'ticket'?)",
        "rules/fixtures/a.yaml:8:80: error: workflow 'ticket' has no state 'opne' (did you mean 'open'?)",
        "rules/fixtures/a.yaml:9:24: error: no workflow declares role 'leed' (did you mean 'lead'?)",
        "rules/fixtures/a.yaml:10:42: error: 'wang.fan' is not listed in staff.yaml (did you mean 'wang.fang'?)",
        "rules/fixtures/a.yaml:10:56: error: workflow 'ticket' has no state 'opem' (did you mean 'open'?)",
      ])
  }

  @Test("an unknown workflow and a clock moved backwards are refused before anything runs")
  func refusesUnknownWorkflowAndBackwardsClock() throws {
    let found = try diagnostics(
      """
      name: 时间倒流
      workflow: tickets
      start: 2026-03-02T09:00:00+08:00
      steps:
        - wait: 2h
        - at: 2026-03-02T10:00:00+08:00
      """)
    #expect(found.count == 2)
    #expect(found.first == "rules/fixtures/a.yaml:2:11: error: the home has no workflow 'tickets' (did you mean 'ticket'?)")
    #expect(found.last?.hasPrefix("rules/fixtures/a.yaml:6:9: error: 'at' 2026-03-02T10:00:00+08:00 is before") == true)
  }

  @Test("a fixture without its required keys says which are missing")
  func reportsMissingKeys() throws {
    let found = try diagnostics("name: 空\n")
    #expect(found.contains { $0.contains("a fixture needs 'workflow'") })
    #expect(found.contains { $0.contains("a fixture needs 'steps'") })
  }
}

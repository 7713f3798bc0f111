import DocketDSL
import DocketModel
import DocketTestSupport
import Foundation
import Testing

/// A small home for fixture tests: one workflow with a 24 h deadline and a guard, two staff.
enum ScenarioHome {
  static let workflow = """
    workflow: ticket
    version: 1
    prefix: TKT
    roles: { agent: 专员, lead: 主管 }
    fields:
      customer: { type: string, required: true }
      amount:   { type: number, min: 0 }
      answer:   { type: text }
    initial: open
    deadlines:
      reply_24h:
        within: 24h
        start: created
        stop: [done]
        breach:
          - assign: lead
          - notify: [lead]
            message: "工单 ${instance.id} 超时"
    states:
      open:
        assign: agent
        on:
          reply:
            to: done
            by: [agent, lead]
            require: [answer]
            if: { expr: 'amount < 1000.0 || "lead" in actor.roles', message: 大额须主管办结 }
      done:
        final: true
    """

  static let staff = """
    staff:
      li.wei:    { name: 李伟, roles: [agent] }
      wang.fang: { name: 王芳, roles: [lead, agent] }
    """

  /// A temporary home with the workflow, staff and the given fixture files.
  static func make(fixtures: [String: String] = [:]) throws -> TemporaryHome {
    let home = try TemporaryHome()
    try home.write("workflows/ticket.yaml", workflow)
    try home.write("staff.yaml", staff)
    for (name, text) in fixtures { try home.write("rules/fixtures/\(name)", text) }
    return home
  }

  /// The loaded definitions of ``make(fixtures:)``.
  static func home() throws -> Home {
    let temp = try make()
    let loaded = try HomeLoader.load(home: temp.url)
    #expect(!loaded.hasErrors, "\(loaded.diagnostics.diagnostics)")
    return loaded.home
  }
}

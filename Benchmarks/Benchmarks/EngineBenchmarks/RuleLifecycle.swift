import DocketKit
import Foundation

/// Issue 4 item 7: the cost of rules. The peers' lifecycle (``Lifecycle/peersWorkflow`` with
/// two extra fields) on two homes that differ only in `rules/`: none, or five rules that all
/// fire on every transition (two `set`s, two `notify`s with templates, an `assign` that
/// changes nothing, each behind an `if`). Target: each advance with its five rules costs at
/// most twice the same advance without them.
enum RuleLifecycle {
  static let rules = """
    rules:
      - id: count-moves
        on: transition
        workflow: ticket
        if: touched >= 0
        then:
          - set: { touched: "touched + 1" }
      - id: tell-supervisor
        on: transition
        workflow: ticket
        if: category != ""
        then:
          - notify: [supervisor]
            message: "工单 ${instance.id} 进入 ${instance.state}"
      - id: keep-with-agent
        on: transition
        workflow: ticket
        if: instance.status == "open" || instance.status == "closed"
        then:
          - assign: agent
      - id: remember-event
        on: transition
        workflow: ticket
        if: event != ""
        then:
          - set: { last_event: event }
      - id: tell-agent
        on: transition
        workflow: ticket
        if: customer != ""
        then:
          - notify: [agent]
            message: "客户 ${customer} 的工单有进展"

    """

  /// The peers' workflow with the fields the rules set.
  static var workflow: String {
    Lifecycle.peersWorkflow.replacingOccurrences(
      of: "  satisfaction: { type: enum, values: [satisfied, unsatisfied] }\n",
      with: """
          satisfaction: { type: enum, values: [satisfied, unsatisfied] }
          touched:      { type: int, default: 0 }
          last_event:   { type: string }

        """)
  }

  static func make(withRules: Bool) throws -> Lifecycle {
    var files = [
      "docket.yaml": "timezone: UTC\n",
      "staff.yaml": """
        staff:
          agent.1: { name: Agent One, roles: [agent] }
          boss.1: { name: Boss One, roles: [agent, supervisor] }
        """,
      "workflows/ticket.yaml": workflow,
    ]
    if withRules { files["rules/bench.yaml"] = rules }
    let home = try TempHome.make(files: files)
    let peers = try Lifecycle.peers()
    return Lifecycle(
      engine: Engine(home: home), workflow: "ticket", actor: "agent.1", supervisor: "boss.1",
      steps: peers.steps, transitionsPerTicket: peers.transitionsPerTicket)
  }
}

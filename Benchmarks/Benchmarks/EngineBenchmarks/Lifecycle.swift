import DocketKit
import Foundation

/// The peers' reference workload (../shared/bench/peers/workload.py) driven through Docket's
/// engine, on two workflows:
/// - `peers`: a workflow written to match the peers' one state for state (received → handling
///   → resolved → revisit → closed, every 10th ticket through supervisor_revisit, a guard on
///   `resolve`): create + 4 or 5 transitions, 4.1 per ticket on average, as in W1;
/// - `bundled`: the home's own `workflows/complaint.yaml` (deadlines, roles, `require`, `set`,
///   a guard and a branch), whose lifecycle is create + accept, resolve, record_visit (+ close
///   for every 10th ticket): 3.1 transitions per ticket.
struct Lifecycle: Sendable {
  let engine: Engine
  let workflow: WorkflowID
  let actor: UserID
  let supervisor: UserID
  let steps: @Sendable (Int) -> [Step]
  /// Transitions per ticket on average (for transitions/s from lifecycles/s).
  let transitionsPerTicket: Double

  struct Step: Sendable {
    var event: EventName
    var input: FieldInput
    var note: String?
    var supervisor = false
  }

  static func unsatisfied(_ i: Int) -> Bool { i % 10 == 9 }
  static let categories = ["billing", "delivery", "product", "service"]
  static let bundledCategories = ["noise", "hygiene", "facility", "service"]

  /// Fields given at create, as `make_fields(i)` in workload.py.
  func createInput(_ i: Int) -> FieldInput {
    let categories = workflow.rawValue == "ticket" ? Self.categories : Self.bundledCategories
    return [
      FieldName("customer"): .text("customer-\(i)"),
      FieldName("category"): .text(categories[i % categories.count]),
      FieldName("description"): .text("Complaint \(i): parcel arrived damaged, asks for refund"),
    ]
  }

  /// Creates ticket `i` on `shelf`; nil if the engine refused (a broken benchmark).
  func create(_ i: Int, at now: Date, on shelf: TicketShelf) -> InstanceID? {
    guard case .success(let changes) = engine.create(
      workflow, input: createInput(i), actor: actor, at: now, reader: shelf)
    else { return nil }
    return shelf.apply(changes)
  }

  /// Drives ticket `i` to closed; the number of transitions fired, or nil on a refusal.
  func drive(_ id: InstanceID, _ i: Int, at now: Date, on shelf: TicketShelf) -> Int? {
    let plan = steps(i)
    for step in plan {
      guard case .success(let changes) = engine.advance(
        id, event: step.event, input: step.input, note: step.note,
        actor: step.supervisor ? supervisor : actor, at: now, reader: shelf)
      else { return nil }
      shelf.apply(changes)
    }
    return plan.count
  }

  /// The peers' workflow, in a temp home loaded once through `DocketSession.open` (which runs
  /// DocketDSL's HomeLoader and every validation check).
  static func peers() throws -> Lifecycle {
    let home = try TempHome.make(files: [
      "docket.yaml": "timezone: UTC\n",
      "staff.yaml": """
        staff:
          agent.1: { name: Agent One, roles: [agent] }
          boss.1: { name: Boss One, roles: [agent, supervisor] }
        """,
      "workflows/ticket.yaml": peersWorkflow,
    ])
    return Lifecycle(
      engine: Engine(home: home), workflow: "ticket", actor: "agent.1", supervisor: "boss.1",
      steps: { i in
        var plan = [
          Step(event: "accept", input: .none),
          Step(event: "resolve", input: [FieldName("resolution"): .text("refund issued for complaint \(i)")]),
          Step(event: "start_revisit", input: .none),
          Step(event: "record_visit", input: [
            FieldName("satisfaction"): .text(unsatisfied(i) ? "unsatisfied" : "satisfied")]),
        ]
        if unsatisfied(i) { plan.append(Step(event: "supervisor_close", input: .none, supervisor: true)) }
        return plan
      },
      transitionsPerTicket: 4.1)
  }

  /// The bundled complaint workflow, from a copy of the repository's root home.
  static func bundled() throws -> Lifecycle {
    let home = try TempHome.copyOfRoot()
    return Lifecycle(
      engine: Engine(home: home), workflow: "complaint", actor: "li.wei", supervisor: "wang.fang",
      steps: { i in
        var plan = [
          Step(event: "accept", input: .none),
          Step(event: "resolve", input: [FieldName("resolution"): .text("refund issued for complaint \(i)")]),
          Step(event: "record_visit", input: [
            FieldName("satisfaction"): .text(unsatisfied(i) ? "unsatisfied" : "satisfied")]),
        ]
        if unsatisfied(i) {
          plan.append(Step(event: "close", input: .none, note: "supervisor called back", supervisor: true))
        }
        return plan
      },
      transitionsPerTicket: 3.1)
  }

  /// workload.py's lifecycle as a Docket workflow.
  static let peersWorkflow = """
    workflow: ticket
    title: Complaint (peers' reference workload)
    version: 1
    prefix: T
    roles:
      agent: Agent
      supervisor: Supervisor
    fields:
      customer:     { type: string, required: true }
      category:     { type: enum, values: [billing, delivery, product, service], required: true }
      description:  { type: text, required: true }
      resolution:   { type: text, default: "" }
      satisfaction: { type: enum, values: [satisfied, unsatisfied] }
    initial: received
    states:
      received:
        assign: agent
        on:
          accept: { to: handling, by: [agent] }
      handling:
        on:
          resolve:
            to: resolved
            by: [agent]
            if: { expr: 'resolution != ""', message: a resolution is required }
      resolved:
        on:
          start_revisit: { to: revisit, by: [agent] }
      revisit:
        on:
          record_visit:
            by: [agent]
            to:
              - if: satisfaction == "unsatisfied"
                to: supervisor_revisit
              - to: closed
      supervisor_revisit:
        on:
          supervisor_close: { to: closed, by: [supervisor] }
      closed:
        final: true

    """
}

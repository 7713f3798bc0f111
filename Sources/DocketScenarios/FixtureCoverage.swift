import DocketModel

/// What the fixtures left untested, per workflow: states never entered, transitions
/// (event × from-state) never taken, branches never chosen, and deadline outcomes (met,
/// breached, warned) never reached. Pure: computed from the definitions and what the runs
/// exercised.
///
/// A branch counts as taken when its transition arrived in the branch's target state. History
/// records states, not branch numbers, so branches of one transition that lead to the same
/// state are one branch here (the first of them names it).
public struct FixtureCoverage: Sendable {
  public struct WorkflowCoverage: Sendable {
    public var workflow: WorkflowID
    public var states: (covered: Int, total: Int)
    public var transitions: (covered: Int, total: Int)
    public var branches: (covered: Int, total: Int)
    public var deadlines: (covered: Int, total: Int)
    public var missedStates: [String]
    /// `state --event-->`, in file order.
    public var missedTransitions: [String]
    /// `state --event--> target [if condition]`, in file order.
    public var missedBranches: [String]
    /// `deadline: outcome`.
    public var missedDeadlines: [String]
  }

  public var workflows: [WorkflowCoverage]
  /// Rules any fixture fired, of all rules of the home.
  public var rules: (covered: Int, total: Int) = (0, 0)
  /// Rules no fixture fired, as `id (rules/x.yaml:3:7)`, in run order.
  public var missedRules: [String] = []

  public init(home: Home, exercised: Exercised) {
    let missed = home.rules.filter { !exercised.rules.contains($0.id) }
    rules = (home.rules.count - missed.count, home.rules.count)
    missedRules = missed.map { "\($0.id) (\($0.span?.description ?? $0.file))" }
    workflows = home.workflows.values.map { definition in
      let id = definition.id
      let states = definition.states.keys.map { Pair(id, $0) }
      var transitions: [Exercised.Transition] = []
      var branches: [(arrival: Exercised.Arrival, condition: String?)] = []
      for (state, body) in definition.states {
        for (event, transition) in body.transitions {
          transitions.append(.init(workflow: id, from: state, event: event.rawValue))
          guard case .branches(let choices) = transition.target else { continue }
          var seen: Set<StateID> = []
          for choice in choices where seen.insert(choice.target).inserted {
            branches.append(
              (.init(workflow: id, from: state, event: event.rawValue, to: choice.target),
               choice.condition?.source))
          }
        }
      }
      var outcomes: [Exercised.DeadlineOutcome] = []
      for deadline in definition.allDeadlines {
        outcomes.append(.init(workflow: id, deadline: deadline.name, kind: .met))
        outcomes.append(.init(workflow: id, deadline: deadline.name, kind: .breached))
        if deadline.warning != nil { outcomes.append(.init(workflow: id, deadline: deadline.name, kind: .warned)) }
      }
      let missedStates = states.filter { !exercised.states.contains($0) }
      let missedTransitions = transitions.filter { !exercised.transitions.contains($0) }
      let missedBranches = branches.filter { !exercised.arrivals.contains($0.arrival) }
      let missedDeadlines = outcomes.filter { !exercised.deadlines.contains($0) }
      return WorkflowCoverage(
        workflow: id,
        states: (states.count - missedStates.count, states.count),
        transitions: (transitions.count - missedTransitions.count, transitions.count),
        branches: (branches.count - missedBranches.count, branches.count),
        deadlines: (outcomes.count - missedDeadlines.count, outcomes.count),
        missedStates: missedStates.map(\.second.rawValue),
        missedTransitions: missedTransitions.map { "\($0.from) --\($0.event)-->" },
        missedBranches: missedBranches.map { b in
          "\(b.arrival.from) --\(b.arrival.event)--> \(b.arrival.to)"
            + (b.condition.map { " [if \($0)]" } ?? " [otherwise]")
        },
        missedDeadlines: missedDeadlines.map { "\($0.deadline): \($0.kind.rawValue)" })
    }
  }

  /// Transitions taken, in percent of all transitions of all workflows (100 when there are none).
  public var transitionPercent: Double {
    let total = workflows.reduce(0) { $0 + $1.transitions.total }
    let covered = workflows.reduce(0) { $0 + $1.transitions.covered }
    return total == 0 ? 100 : Double(covered) * 100 / Double(total)
  }

  /// The coverage section of `docket test --coverage`.
  public func render() -> String {
    var text = "coverage:\n"
    for w in workflows {
      text += "  \(w.workflow): states \(w.states.covered)/\(w.states.total), "
      text += "transitions \(w.transitions.covered)/\(w.transitions.total), "
      if w.branches.total > 0 { text += "branches \(w.branches.covered)/\(w.branches.total), " }
      text += "deadline outcomes \(w.deadlines.covered)/\(w.deadlines.total)\n"
      if !w.missedStates.isEmpty { text += "    states never entered: \(w.missedStates.joined(separator: ", "))\n" }
      if !w.missedTransitions.isEmpty {
        text += "    transitions never taken: \(w.missedTransitions.joined(separator: ", "))\n"
      }
      if !w.missedBranches.isEmpty {
        text += "    branches never taken: \(w.missedBranches.joined(separator: ", "))\n"
      }
      if !w.missedDeadlines.isEmpty {
        text += "    deadline outcomes never reached: \(w.missedDeadlines.joined(separator: ", "))\n"
      }
    }
    if rules.total > 0 {
      text += "  rules: \(rules.covered)/\(rules.total) fired\n"
      if !missedRules.isEmpty { text += "    rules never fired: \(missedRules.joined(separator: ", "))\n" }
    }
    text += "  transitions covered: \(Self.percent(transitionPercent))\n"
    return text
  }

  public func json() -> JSONValue {
    .object([
      "transition_percent": .double(transitionPercent),
      "rules": .object(["covered": .int(Int64(rules.covered)), "total": .int(Int64(rules.total))]),
      "missed_rules": .array(missedRules.map { .string($0) }),
      "workflows": .array(
        workflows.map { w in
          .object([
            "workflow": .string(w.workflow.rawValue),
            "states": .object(["covered": .int(Int64(w.states.covered)), "total": .int(Int64(w.states.total))]),
            "transitions": .object([
              "covered": .int(Int64(w.transitions.covered)), "total": .int(Int64(w.transitions.total)),
            ]),
            "branches": .object([
              "covered": .int(Int64(w.branches.covered)), "total": .int(Int64(w.branches.total)),
            ]),
            "deadline_outcomes": .object([
              "covered": .int(Int64(w.deadlines.covered)), "total": .int(Int64(w.deadlines.total)),
            ]),
            "missed_states": .array(w.missedStates.map { .string($0) }),
            "missed_transitions": .array(w.missedTransitions.map { .string($0) }),
            "missed_branches": .array(w.missedBranches.map { .string($0) }),
            "missed_deadline_outcomes": .array(w.missedDeadlines.map { .string($0) }),
          ])
        }),
    ])
  }

  static func percent(_ value: Double) -> String {
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
  }
}

import DocketDiagnostics
import DocketModel
import Foundation

/// How one fixture ran: passed, or the step where it first failed and every check of that
/// step that did not hold.
public struct FixtureResult: Sendable {
  public var name: String
  public var path: String
  /// Where the fixture's `name:` is written.
  public var span: SourceSpan
  /// Empty when the fixture passed. A fixture stops at its first failing step, since later
  /// steps would only repeat the consequence.
  public var failures: [FixtureFailure]
  /// How many steps ran (all of them when the fixture passed).
  public var stepsRun: Int
  /// What the run exercised, for coverage.
  public var exercised: Exercised

  public var passed: Bool { failures.isEmpty }
}

/// One check that did not hold, at the `file:line:col` of its key in `expect`.
public struct FixtureFailure: Sendable, Hashable {
  /// 1-based step number.
  public var step: Int
  /// The step as written, short (`advance c1 accept`).
  public var summary: String
  public var span: SourceSpan
  /// One sentence: `expected state 'handling', got 'received'`.
  public var message: String
  /// What the fixture expected and what happened, line by line, for the diff.
  public var expected: [String]
  public var actual: [String]
}

/// What one fixture run touched, read off every ticket it left in its scratch store: the
/// states entered, transitions taken (event × from-state) and deadline outcomes.
///
/// Kept per run so `docket test --coverage` can merge runs and list what no fixture reached.
public struct Exercised: Sendable, Hashable {
  public struct Transition: Sendable, Hashable {
    public var workflow: WorkflowID
    public var from: StateID
    public var event: String
  }

  /// A step that left `from` by `event` and arrived in `to`: for branch coverage.
  public struct Arrival: Sendable, Hashable {
    public var workflow: WorkflowID
    public var from: StateID
    public var event: String
    public var to: StateID
  }

  public struct DeadlineOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case met, breached, warned }
    public var workflow: WorkflowID
    public var deadline: DeadlineName
    public var kind: Kind
  }

  public var states: Set<Pair<WorkflowID, StateID>> = []
  public var transitions: Set<Transition> = []
  public var arrivals: Set<Arrival> = []
  public var deadlines: Set<DeadlineOutcome> = []
  /// Rules that fired (applied or skipped), from the commands' reports and from history
  /// entries naming a rule.
  public var rules: Set<RuleID> = []

  public init() {}

  /// Adds what these tickets went through.
  public mutating func record(_ instances: some Sequence<Instance>) {
    for instance in instances {
      for entry in instance.history {
        if let rule = entry.rule { rules.insert(RuleID(rule)) }
        if let to = entry.to { states.insert(Pair(instance.workflow, to)) }
        if let from = entry.from {
          transitions.insert(Transition(workflow: instance.workflow, from: from, event: entry.event))
          if let to = entry.to {
            arrivals.insert(Arrival(workflow: instance.workflow, from: from, event: entry.event, to: to))
          }
        }
      }
      for (name, clock) in instance.deadlines {
        if clock.warnedAt != nil { deadlines.insert(.init(workflow: instance.workflow, deadline: name, kind: .warned)) }
        switch clock.state {
        case .met: deadlines.insert(.init(workflow: instance.workflow, deadline: name, kind: .met))
        case .breached: deadlines.insert(.init(workflow: instance.workflow, deadline: name, kind: .breached))
        case .running, .paused: break
        }
      }
    }
  }

  public mutating func formUnion(_ other: Exercised) {
    states.formUnion(other.states)
    transitions.formUnion(other.transitions)
    arrivals.formUnion(other.arrivals)
    deadlines.formUnion(other.deadlines)
    rules.formUnion(other.rules)
  }
}

/// Two hashable values, for sets keyed by (workflow, state).
public struct Pair<A: Hashable & Sendable, B: Hashable & Sendable>: Hashable, Sendable {
  public var first: A
  public var second: B
  public init(_ first: A, _ second: B) {
    self.first = first
    self.second = second
  }
}

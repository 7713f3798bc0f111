import DocketDiagnostics
import DocketModel

/// States from which no final state can be reached: a ticket that gets there can never
/// close. The graph is read optimistically (every branch and every guard may be taken), so
/// a warning means no sequence of events at all leads out, not merely an unlikely one.
enum FinalReachabilityCheck {
  static func check(_ decoded: DecodedWorkflow, into bag: inout DiagnosticBag) {
    let workflow = decoded.definition
    let finals = workflow.states.values.filter(\.isFinal).map(\.id)
    guard !finals.isEmpty else {
      let span = decoded.statesKeySpan ?? SourceSpan(file: workflow.path, line: 1, column: 1)
      if !workflow.states.isEmpty { bag.add(.noFinalState(at: span)) }
      return
    }
    let closing = statesReaching(finals, in: workflow)
    for state in workflow.states.values where !closing.contains(state.id) {
      // A state with no events at all is already reported as a dead end.
      guard !state.transitions.isEmpty else { continue }
      bag.add(
        .cannotReachFinal(
          state.id.rawValue, finals: finals.map(\.rawValue),
          at: decoded.stateSpans[state.id] ?? state.span))
    }
  }

  /// Every state from which some path of transitions leads to one of `targets` (themselves
  /// included): a breadth-first walk over the reversed graph.
  static func statesReaching(_ targets: [StateID], in workflow: WorkflowDefinition) -> Set<StateID> {
    var predecessors: [StateID: [StateID]] = [:]
    for state in workflow.states.values {
      for transition in state.transitions.values {
        for target in transition.target.possibleTargets {
          predecessors[target, default: []].append(state.id)
        }
      }
    }
    var seen = Set(targets)
    var queue = targets
    while let state = queue.popLast() {
      for source in predecessors[state] ?? [] where seen.insert(source).inserted {
        queue.append(source)
      }
    }
    return seen
  }
}

extension Diagnostic {
  static func cannotReachFinal(_ state: String, finals: [String], at span: SourceSpan?)
    -> Diagnostic
  {
    .warning(
      "cannot_reach_final",
      "no final state can be reached from state '\(state)': tickets there could never close",
      at: span,
      help: "add an event that leads towards a final state ("
        + finals.map { "'\($0)'" }.joined(separator: ", ") + ")")
  }

  static func noFinalState(at span: SourceSpan) -> Diagnostic {
    .warning(
      "no_final_state", "no state is final: tickets of this workflow could never close",
      at: span, help: "mark the state where the work ends with 'final: true'")
  }
}

import DocketDiagnostics
import DocketModel

/// Checks on a workflow's state graph: states nothing leads to, states with no way out, and
/// deadline `event:` actions that some state where the clock runs cannot handle.
package enum StateGraphChecks {
  package static func check(_ decoded: DecodedWorkflow, into bag: inout DiagnosticBag) {
    let workflow = decoded.definition
    let reachable = reachableStates(workflow, from: [workflow.initial])
    // With an unknown initial state (already an error) every state would look unreachable.
    let initialKnown = workflow.states[workflow.initial] != nil
    for state in workflow.states.values {
      let span = decoded.stateSpans[state.id] ?? state.span
      if initialKnown, !reachable.contains(state.id) {
        bag.add(.unreachableState(state.id.rawValue, initial: workflow.initial.rawValue, at: span))
      }
      if !state.isFinal, state.transitions.isEmpty {
        bag.add(.deadEndState(state.id.rawValue, at: span))
      }
    }
    // Placeholders left by errors (an unknown target state) would make this noise.
    if initialKnown, !bag.hasErrors { FinalReachabilityCheck.check(decoded, into: &bag) }
    checkDeadlineNames(workflow, into: &bag)
    for deadline in workflow.allDeadlines {
      checkEventActions(of: deadline, in: workflow, into: &bag)
    }
  }

  /// States reachable from `starts` through transitions, not entering `stopAt`.
  static func reachableStates(
    _ workflow: WorkflowDefinition, from starts: [StateID], stopAt: Set<StateID> = []
  ) -> Set<StateID> {
    var seen = Set<StateID>()
    var queue = starts.filter { !stopAt.contains($0) }
    while let state = queue.popLast() {
      guard seen.insert(state).inserted else { continue }
      guard let transitions = workflow.states[state]?.transitions else { continue }
      for transition in transitions.values {
        for target in transition.target.possibleTargets
        where !seen.contains(target) && !stopAt.contains(target) {
          queue.append(target)
        }
      }
    }
    return seen
  }

  /// The open states in which a deadline's clock may be running (not paused, not final).
  static func runningStates(of deadline: DeadlineDefinition, in workflow: WorkflowDefinition)
    -> [StateID]
  {
    switch deadline.scope {
    case .state(let state):
      return [state]
    case .workflow(let start, let stop, let pause):
      let starts: [StateID]
      switch start {
      case .created: starts = [workflow.initial]
      case .states(let states): starts = states
      }
      let reached = reachableStates(workflow, from: starts, stopAt: Set(stop))
      return workflow.states.values.filter {
        reached.contains($0.id) && !pause.contains($0.id) && !$0.isFinal
      }.map(\.id)
    }
  }

  private static func checkEventActions(
    of deadline: DeadlineDefinition, in workflow: WorkflowDefinition, into bag: inout DiagnosticBag
  ) {
    let actions = deadline.breach + (deadline.warning?.actions ?? [])
    let running = runningStates(of: deadline, in: workflow)
    for case .fire(let event, _, let span) in actions {
      let missing = running.filter { workflow.states[$0]?.transitions[event] == nil }
      guard !missing.isEmpty else { continue }
      let known = running.flatMap { workflow.states[$0]?.transitions.keys.map(\.rawValue) ?? [] }
      bag.add(
        .deadlineEventNotHandled(
          event.rawValue, deadline: deadline.name.rawValue, states: missing.map(\.rawValue),
          known: known, at: span ?? deadline.span))
    }
  }

  private static func checkDeadlineNames(
    _ workflow: WorkflowDefinition, into bag: inout DiagnosticBag
  ) {
    var seen: [DeadlineName: SourceSpan?] = [:]
    for deadline in workflow.allDeadlines {
      if let first = seen[deadline.name] {
        bag.add(.duplicateDeadline(deadline.name.rawValue, at: deadline.span ?? fallback(workflow), first: first))
      } else {
        seen[deadline.name] = deadline.span
      }
    }
  }

  private static func fallback(_ workflow: WorkflowDefinition) -> SourceSpan {
    SourceSpan(file: workflow.path, line: 1, column: 1)
  }
}

extension Diagnostic {
  static func unreachableState(_ state: String, initial: String, at span: SourceSpan?)
    -> Diagnostic
  {
    .warning(
      "unreachable_state", "state '\(state)' cannot be reached from the initial state '\(initial)'",
      at: span)
  }

  static func deadEndState(_ state: String, at span: SourceSpan?) -> Diagnostic {
    .warning(
      "dead_end_state", "state '\(state)' handles no events and is not final: tickets would stay there",
      at: span, help: "add 'on:' events or 'final: true'")
  }

  static func deadlineEventNotHandled(
    _ event: String, deadline: String, states: [String], known: [String], at span: SourceSpan?
  ) -> Diagnostic {
    let list = states.map { "'\($0)'" }.joined(separator: ", ")
    let suggestion = Suggestion.closest(to: event, in: known)
    return .error(
      "deadline_event_not_handled",
      "deadline '\(deadline)' fires '\(event)', but \(states.count == 1 ? "state" : "states") \(list) where its clock runs \(states.count == 1 ? "does" : "do") not handle it",
      at: span, suggestion: suggestion,
      help: suggestion != nil
        ? nil
        : "add '\(event)' under 'on:' of \(list), or stop or pause the clock there")
  }
}

import DocketDiagnostics
import DocketModel

/// Events no staff member could ever fire: nobody in `staff.yaml` holds any role in `by`
/// (or, without `by`, any role of the workflow). Such an event is dead unless the system
/// fires it, so events that a deadline of the same workflow fires (`event:` actions) are
/// fine and not reported, and so are events some rule `advance`s.
enum UnfireableEventCheck {
  /// Checks every workflow once rules are loaded: an event a rule `advance`s is the system's.
  static func check(
    workflows: [DecodedWorkflow], staff: Staff, rules: [RuleDefinition],
    into bag: inout DiagnosticBag
  ) {
    // Without any staff (staff.yaml missing or broken, already an error) every event would
    // look unfireable; a workflow file with errors has placeholders (an unreadable `by`).
    guard !staff.members.isEmpty else { return }
    let held = Set(staff.members.values.flatMap(\.roles))
    var advanced = Set<EventName>()
    for rule in rules {
      for body in rule.bodies.values {
        for case .fire(let event, _, _) in body.actions { advanced.insert(event) }
      }
    }
    let filesWithErrors = Set(bag.errors.compactMap(\.span?.file))
    for decoded in workflows where !filesWithErrors.contains(decoded.definition.path) {
      check(decoded.definition, heldRoles: held, systemEvents: advanced, into: &bag)
    }
  }

  static func check(
    _ workflow: WorkflowDefinition, heldRoles: Set<RoleID>, systemEvents: Set<EventName>,
    into bag: inout DiagnosticBag
  ) {
    let fromDeadlines = Set(
      workflow.allDeadlines.flatMap { $0.breach + ($0.warning?.actions ?? []) }.compactMap {
        action -> EventName? in
        if case .fire(let event, _, _) = action { return event }
        return nil
      })
    for state in workflow.states.values {
      for transition in state.transitions.values {
        guard !fromDeadlines.contains(transition.event), !systemEvents.contains(transition.event)
        else { continue }
        let allowed = transition.allowedRoles ?? Array(workflow.roles.keys)
        // Without `by` and without roles, anyone may fire it (see the engine's RoleCheck).
        if transition.allowedRoles == nil, allowed.isEmpty { continue }
        guard !allowed.contains(where: heldRoles.contains) else { continue }
        bag.add(
          .unfireableEvent(
            transition.event.rawValue, state: state.id.rawValue, roles: allowed.map(\.rawValue),
            at: transition.span ?? state.span))
      }
    }
  }
}

extension Diagnostic {
  static func unfireableEvent(_ event: String, state: String, roles: [String], at span: SourceSpan?)
    -> Diagnostic
  {
    let held =
      roles.isEmpty
      ? "its 'by' names no role"
      : "nobody in staff.yaml holds " + roles.map { "'\($0)'" }.joined(separator: " or ")
    return .warning(
      "unfireable_event",
      "no staff member can fire '\(event)' in state '\(state)': \(held)", at: span,
      help: "give one of its roles to someone in staff.yaml, or name a held role in 'by'; "
        + "an event meant for the system only is fine when a deadline fires it (`- event: \(event)`) "
        + "or a rule advances it (`- advance: \(event)`)")
  }
}

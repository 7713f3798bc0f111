import CEL
import DocketModel
import Foundation

extension Engine {
  /// Fires `event` on `instance` and returns it changed, or throws why not.
  ///
  /// The steps, in order (each may refuse, and a refusal discards everything):
  /// 1. the ticket must be open and its state must handle the event (`final_state`,
  ///    `unknown_event`);
  /// 2. the actor must hold a `by` role (`not_permitted`; `system` is never restricted);
  /// 3. the input is applied (`invalid_value`): the form is filled before the button is pressed;
  /// 4. `require`d fields must be filled (`missing_fields`): checked before the guard, which
  ///    often reads them, so a missing field is reported as missing, not as a failed guard;
  /// 5. the guard must be true (`guard_failed`);
  /// 6. `set` values are evaluated over the ticket after input and applied (`invalid_value`);
  /// 7. the target is chosen: the first branch whose `if` holds (`no_branch`);
  /// 8. a required note must be given (`missing_fields`);
  /// 9. the assignee follows the transition's `assign`, else the target state's;
  /// 10. clocks stop and start; a final target closes the ticket; history records the step.
  func fire(
    _ event: EventName, on instance: consuming Instance, definition: WorkflowRuntime,
    input: FieldInput, note: String?, by actor: Actor, at now: Date
  ) throws(Refusal) -> Instance {
    var ticket = instance
    try fire(event, on: &ticket, definition: definition, input: input, note: note, by: actor, at: now)
    return ticket
  }

  /// ``fire(_:on:definition:input:note:by:at:)`` changing `instance` in place. On a refusal
  /// `instance` is left exactly as it was (the fields input changed are put back), so a
  /// ticket lent by the store can be handed back without the engine keeping a copy.
  func fire(
    _ event: EventName, on instance: inout Instance, definition: WorkflowRuntime,
    input: FieldInput, note: String?, by actor: Actor, at now: Date
  ) throws(Refusal) {
    let source = instance.state
    let here = definition.stateTable[source]
    guard instance.isOpen, here?.isFinal != true else {
      throw .finalState(instance.id, state: source)
    }
    guard let here, let box = here.transitions[event] else {
      let available = definition.states[source].map { Array($0.transitions.keys) } ?? []
      throw .unknownEvent(event: event, state: source, available: available)
    }
    if let refusal = checkRoles(
      box.transition.allowedRoles, event: event, on: instance, in: definition, actor: actor) {
      throw refusal
    }
    var changed = input.isEmpty ? [:] : [String: JSONValue](minimumCapacity: input.values.count)
    var undo = FieldUndo()
    let target: StateID
    let trimmedNote: String?
    let there: StateRuntime
    do {
      (target, trimmedNote, there) = try decide(
        box, event: event, from: source, on: &instance, definition: definition,
        input: input, note: note, by: actor, at: now, changed: &changed, undo: &undo)
    } catch {
      undo.restore(&instance)
      throw error
    }
    let before = instance.assignee
    instance.assignee = assignee(
      after: instance.assignee, role: box.transition.assignRole ?? there.assignRole)
    instance.state = target
    DeadlineScheduler(definition: definition).move(&instance, from: here, to: there, at: now)
    if there.isFinal {
      instance.status = .closed
      instance.closedAt = now
    }
    instance.record(
      at: now, actor: actor.id, event: event.rawValue, from: source, to: target,
      set: changed, note: trimmedNote,
      assignee: instance.assignee == before ? nil : instance.assignee)
  }

  /// Steps 3 to 8 of ``fire(_:on:definition:input:note:by:at:)``: every step that may refuse
  /// after the fields start to change. Notes each field it changes in `undo` and returns the
  /// target, the note and the target's runtime.
  private func decide(
    _ box: TransitionBox, event: EventName, from source: StateID,
    on instance: inout Instance, definition: WorkflowRuntime, input: FieldInput, note: String?,
    by actor: Actor, at now: Date, changed: inout [String: JSONValue], undo: inout FieldUndo
  ) throws(Refusal) -> (StateID, String?, StateRuntime) {
    if !input.isEmpty, let refusal = applyInput(
      input, to: &instance, definition: definition, changed: &changed, undo: &undo) {
      throw refusal
    }
    let required = box.transition.requiredFields
    if !required.isEmpty {
      let missing = required.filter { !isFilled(instance.field($0)) }
      if !missing.isEmpty {
        throw .missingFields(
          event: event, fields: missing.map { definition.fields[$0]?.displayName ?? $0.rawValue })
      }
    }
    let scope = ContextScope(definition: definition, now: now, actor: actor, event: event)
    if let g = box.transition.guardCondition,
      let refusal = scope.evaluate(on: &instance, { checkGuard(g, event: event, in: $0) }) {
      throw refusal
    }
    if !box.transition.assignments.isEmpty {
      // Every value is evaluated (against the ticket before `set`) before any is set.
      let results = try scope.evaluate(on: &instance) {
        evaluateAssignments(box.transition.assignments, definition: definition, context: $0)
      }.get()
      var set: [String: JSONValue] = [:]
      for (name, v) in results { instance.setField(name, to: v, changed: &set, undo: &undo) }
      // A loop, not `merge`: merging goes through a lazy map of the other dictionary.
      for (name, value) in set { changed[name] = value }
    }
    let target: StateID
    switch box.transition.target {
    case .state(let s):
      target = s
    case .branches(let branches):
      target = try scope.evaluate(on: &instance) {
        chooseTarget(branches, event: event, from: source, in: $0)
      }.get()
    }
    let trimmedNote = note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    if box.transition.note == .required, trimmedNote == nil {
      throw .noteRequired(event: event)
    }
    guard let there = definition.stateTable[target] else {
      throw .noBranch(event: event, state: source)
    }
    return (target, trimmedNote, there)
  }

  /// Whether `require` counts a value as filled in: not null, not blank text, not an empty
  /// list (``JSONValue/isFilled``, with a fast path for text that starts with a visible
  /// ASCII character).
  func isFilled(_ value: JSONValue) -> Bool {
    if case .string(let s) = value, let first = s.utf8.first, first > 0x20, first < 0x7F {
      return true
    }
    return value.isFilled
  }

  /// Nil when the guard holds; otherwise the refusal, with the guard's message (or its
  /// expression) and, for an evaluation error, what went wrong and where.
  func checkGuard(_ g: GuardDefinition, event: EventName, in context: EvaluationContext) -> Refusal? {
    let result = g.expression.evaluate(in: context)
    if case .value(.bool(true)) = result { return nil }
    // Worded only for a refusal: a guard that holds costs no string building.
    let text = g.message ?? "the condition `\(g.expression.source)` is not met"
    switch result {
    case .value(.bool(true)):
      return nil
    case .value(.bool(false)):
      return .guardFailed(event: event, message: text, reason: nil, location: nil)
    case .value(let other):
      return .guardFailed(
        event: event, message: text,
        reason: "the condition gave \(other.celType.runtimeName) \(other), not true or false",
        location: g.expression.span?.description)
    case .failed(let reason, let location):
      return .guardFailed(
        event: event, message: g.message ?? "the condition `\(g.expression.source)` could not be checked",
        reason: reason, location: location)
    }
  }

  /// The target of a branching transition from `source`: the first branch whose condition
  /// is true.
  func chooseTarget(
    _ branches: [BranchDefinition], event: EventName, from source: StateID,
    in context: EvaluationContext
  ) -> Result<StateID, Refusal> {
    // Branches are read in place (their program, then their target): iterating over them
    // copied each branch, its expression's source and positions included, on every step.
    for i in branches.indices {
      guard let program = branches[i].condition?.program else { return .success(branches[i].target) }
      let result = program.evaluate(context)
      switch result {
      case .bool(true): return .success(branches[i].target)
      case .bool(false): continue
      default: break
      }
      let condition = branches[i].condition
      let text = condition?.source ?? ""
      if case .error(let error) = result {
        return .failure(
          .guardFailed(
            event: event, message: "the branch condition `\(text)` could not be checked",
            reason: error.message, location: condition?.location(of: error)))
      }
      return .failure(
        .guardFailed(
          event: event, message: "the branch condition `\(text)` could not be decided",
          reason: "it gave \(result.celType.runtimeName) \(result), not true or false",
          location: condition?.span?.description))
    }
    return .failure(.noBranch(event: event, state: source))
  }

}

/// What a step's expressions see apart from the ticket: each evaluation gets a context built
/// from these and the ticket, moved into it and back out (see ``evaluate(on:_:)``).
private struct ContextScope {
  let definition: WorkflowRuntime
  let now: Date
  let actor: Actor
  let event: EventName

  /// Runs `body` on a context holding `instance`, then takes the ticket back. The ticket is
  /// moved, not copied: a context holding a copy cost a retain and a release of each of the
  /// ticket's strings and collections, and made the next change to its fields copy them all.
  func evaluate<R>(on instance: inout Instance, _ body: (EvaluationContext) -> R) -> R {
    let context = EvaluationContext(
      instance: consume instance, definition: definition, now: now, actor: actor.id,
      actorRoles: actor.roles, event: event)
    let result = body(context)
    instance = context.returnInstance()
    return result
  }
}

import DocketModel
import Foundation

extension Engine {
  /// What would happen if `actor` fired `event` on ticket `id` now: ``advance`` run as a dry
  /// run on `reader` (its changeset is returned, never committed), plus every check it makes,
  /// each with its value. Nothing is written: the caller commits nothing.
  ///
  /// Fails only when there is nothing to explain: an unknown or unreadable ticket, an
  /// unknown user, or an event that no state of the ticket's workflow handles
  /// (`unknown_event`). An event this state does not handle, or a closed ticket, is
  /// explained (``Explanation/unavailable``).
  public func explain(
    _ id: InstanceID, event: EventName, input: FieldInput, note: String?, actor: UserID,
    at now: Date, reader: some InstanceReader
  ) -> Result<Explanation, Refusal> {
    let who: Actor
    switch resolveActor(actor) {
    case .failure(let r): return .failure(r)
    case .success(let a): who = a
    }
    var tx = Transaction(reader: reader)
    let instance: Instance
    do { instance = try tx.instance(id) } catch { return .failure(error) }
    let definition: WorkflowRuntime
    switch self.definition(for: instance) {
    case .failure(let r): return .failure(r)
    case .success(let d): definition = d
    }
    guard definition.states.values.contains(where: { $0.transitions[event] != nil }) else {
      return .failure(
        .unknownEvent(
          event: event, state: instance.state,
          available: definition.states[instance.state].map { Array($0.transitions.keys) } ?? []))
    }
    var explanation = Explanation(
      instance: instance, event: event, actor: actor, actorRoles: who.roles,
      outcome: advance(
        id, event: event, input: input, note: note, actor: actor, at: now, reader: DryRunReader(base: reader)),
      required: [], note: .none, noteGiven: note.map { !$0.allSatisfy(\.isWhitespace) } ?? false,
      assignments: [], branches: [])
    guard instance.isOpen, definition.stateTable[instance.state]?.isFinal != true else {
      explanation.unavailable = .finalState(instance.id, state: instance.state)
      return .success(explanation)
    }
    guard let transition = definition.states[instance.state]?.transitions[event] else {
      explanation.unavailable = .unknownEvent(
        event: event, state: instance.state,
        available: definition.states[instance.state].map { Array($0.transitions.keys) } ?? [])
      return .success(explanation)
    }
    breakDown(transition, of: &explanation, definition: definition, input: input, actor: who, at: now)
    return .success(explanation)
  }

  /// Fills in every check of `transition` in the order `advance` makes them, running each
  /// even when an earlier one fails, over the ticket as the step would see it.
  private func breakDown(
    _ transition: TransitionDefinition, of explanation: inout Explanation,
    definition: WorkflowRuntime, input: FieldInput, actor: Actor, at now: Date
  ) {
    let refusal = checkRoles(
      transition.allowedRoles, event: transition.event, on: explanation.instance, in: definition, actor: actor)
    explanation.roles = RoleCheckResult(
      allowed: transition.allowedRoles, workflowRoles: definition.roleList,
      isPermitted: refusal == nil, refusal: refusal)
    var ticket = explanation.instance
    if !input.isEmpty, case .failure(let problem) = applyInput(input, to: &ticket, definition: definition) {
      explanation.inputProblem = problem
      ticket = explanation.instance
    }
    explanation.required = transition.requiredFields.map { ($0, isFilled(ticket.field($0))) }
    explanation.note = transition.note
    func context(_ t: Instance) -> EvaluationContext {
      EvaluationContext(
        instance: t, definition: definition, now: now, actor: actor.id, actorRoles: actor.roles,
        event: transition.event)
    }
    if let g = transition.guardCondition {
      explanation.guardCheck = ConditionResult(
        expression: g.expression.source, message: g.message,
        value: Self.value(of: g.expression, in: context(ticket)))
    }
    let beforeSet = context(ticket)
    for a in transition.assignments {
      var scratch = ticket
      let value = applyAssignments([a], to: &scratch, definition: definition, context: beforeSet)
        .map { _ in scratch.field(a.field) }
      explanation.assignments.append(
        AssignmentResult(field: a.field, expression: a.value.source, value: value))
    }
    // Branches see the ticket after `set`, as in advance (unless `set` fails: then before).
    var afterSet = ticket
    if case .success = applyAssignments(
      transition.assignments, to: &afterSet, definition: definition, context: beforeSet)
    {
      ticket = afterSet
    }
    switch transition.target {
    case .state(let s):
      explanation.target = s
    case .branches(let branches):
      let afterSet = context(ticket)
      var chosen = false
      for b in branches {
        let condition = b.condition.map { c in
          ConditionResult(expression: c.source, message: nil, value: Self.value(of: c, in: afterSet))
        }
        // The first branch that holds is taken; an error stops the choice as it does in advance.
        let isChosen = !chosen && (condition?.value.holds ?? true)
        explanation.branches.append(BranchResult(condition: condition, target: b.target, isChosen: isChosen))
        if isChosen { explanation.target = b.target }
        if isChosen || Self.stopsChoice(condition?.value) { chosen = true }
      }
    }
  }

  /// A branch condition that is not true or false stops `advance` from choosing at all.
  private static func stopsChoice(_ value: ConditionValue?) -> Bool {
    switch value {
    case .error, .notBoolean: true
    default: false
    }
  }

  private static func value(of expression: CompiledExpression, in context: EvaluationContext)
    -> ConditionValue
  {
    switch expression.evaluate(in: context) {
    case .value(.bool(true)): .isTrue
    case .value(.bool(false)): .isFalse
    case .value(let other): .notBoolean("\(other.celType.runtimeName) \(other)")
    case .failed(let reason, let location): .error(reason: reason, location: location)
    }
  }
}

/// `reader` for a dry run: reads as it does, but never lends a ticket (the default
/// ``InstanceReader/lend(_:)`` reads a copy), since nothing the dry run decides is committed
/// to give it back.
private struct DryRunReader<Base: InstanceReader>: InstanceReader {
  let base: Base

  func instance(_ id: InstanceID) throws -> Instance? { try base.instance(id) }
  func lastNumber(forPrefix prefix: String) throws -> Int { try base.lastNumber(forPrefix: prefix) }
  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry] {
    try base.lookup(lookup, key: key)
  }
}

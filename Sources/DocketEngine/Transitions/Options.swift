import DocketModel
import Foundation

extension Engine {
  /// Every event of the ticket's state, in file order, checked as a dry run: roles first,
  /// then, when every required field is filled, the guard over the ticket as it is (no input). Nothing is changed.
  func eventOptions(for instance: Instance, actor actorID: UserID, at now: Date) -> [EventOption] {
    guard case .success(let definition) = definition(for: instance),
      let state = definition.states[instance.state], instance.isOpen
    else { return [] }
    let actor: Actor? = try? resolveActor(actorID).get()
    let context = EvaluationContext(
      instance: instance, definition: definition, now: now, actor: actorID,
      actorRoles: actor?.roles ?? [], event: nil)
    return state.transitions.values.map { t in
      let missing = t.requiredFields.filter { !instance.field($0).isFilled }
      var refusal: Refusal?
      if let actor {
        refusal = checkRoles(t.allowedRoles, event: t.event, on: instance, in: definition, actor: actor)
        // A guard over fields the actor has yet to fill cannot be judged before they are.
        if refusal == nil, missing.isEmpty, let g = t.guardCondition {
          refusal = checkGuard(g, event: t.event, in: context.firing(t.event))
        }
      } else {
        refusal = .unknownUser(actorID)
      }
      return EventOption(
        event: t.event, label: t.label, targets: t.target.possibleTargets, refusal: refusal,
        missingFields: missing,
        needsNote: t.note == .required)
    }
  }
}


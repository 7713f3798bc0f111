import DocketDiagnostics
import DocketModel
import Foundation

extension Engine {
  /// Creates a ticket: defaults, then input, then the `required` check; the initial state
  /// with its assignee; clocks (`start: created`, then entering the initial state); history
  /// entry `create` (seq 1); revision 1. Any staff member may create tickets.
  func start(
    _ workflowID: WorkflowID, input: FieldInput, actor actorID: UserID, at now: Date,
    in tx: inout Transaction
  ) -> Result<Instance, Refusal> {
    guard let definition = workflows[workflowID] else {
      let suggestion = Suggestion.closest(
        to: workflowID.rawValue, in: home.workflows.keys.map(\.rawValue))
      return .failure(.unknownWorkflow(workflowID, suggestion: suggestion.map { WorkflowID($0) }))
    }
    let actor: Actor
    switch resolveActor(actorID) {
    case .failure(let r): return .failure(r)
    case .success(let a): actor = a
    }
    var instance = Instance(
      id: InstanceID.make(prefix: definition.prefix, number: 0), workflow: definition.id,
      version: definition.version, digest: definition.digest, state: definition.initial,
      createdAt: now)
    instance.fields.reserveCapacity(definition.fields.count)
    for field in definition.fields.values {
      if let d = field.defaultValue, !d.isNull { instance.fields[field.name.rawValue] = d }
    }
    if case .failure(let r) = applyInput(input, to: &instance, definition: definition) {
      return .failure(r)
    }
    let missing = definition.fields.values.filter { $0.isRequired && !isFilled(instance.field($0.name)) }
    if !missing.isEmpty {
      return .failure(.missingFields(event: nil, fields: missing.map(\.displayName)))
    }
    switch tx.newID(prefix: definition.prefix) {
    case .failure(let r): return .failure(r)
    case .success(let id): instance.id = id
    }
    let initial = definition.states[definition.initial]
    instance.assignee = initialAssignee(role: initial?.assignRole, creator: actor)
    DeadlineScheduler(definition: definition).created(&instance, at: now)
    if initial?.isFinal == true {
      instance.status = .closed
      instance.closedAt = now
    }
    instance.record(
      at: now, actor: actor.id, event: "create", to: definition.initial, set: instance.fields,
      assignee: instance.assignee)
    tx.save(instance)
    return .success(instance)
  }
}

import DocketModel
import Foundation

/// What made the system act: a deadline's warning or its breach.
enum DeadlineTrigger {
  case warning(DeadlineDefinition)
  case breach(DeadlineDefinition)

  /// The outbox text when a `notify` has no `message`.
  func defaultMessage(for id: InstanceID) -> String {
    switch self {
    case .warning(let d): "\(id): deadline '\(d.displayName)' is nearly due"
    case .breach(let d): "\(id): deadline '\(d.displayName)' is overdue"
    }
  }
}

extension Engine {
  /// Runs one warning or breach action as `system`. An action that cannot run (an event the
  /// current state does not handle, a guard that is false, a `set` that fails) does not stop
  /// the tick: it is recorded in the history as `failed:<event>` or `failed:set` with the
  /// reason as the note, and the next action runs.
  func perform(
    _ action: ActionDefinition, trigger: DeadlineTrigger, on instance: inout Instance,
    definition: WorkflowRuntime, at time: Date, in tx: inout Transaction
  ) {
    switch action {
    case .fire(let event, .self, _):
      let from = instance.state
      do {
        let next = try fire(
          event, on: instance, definition: definition, input: .none, note: nil, by: .system, at: time)
        instance = next
        if !ruleIndex.isEmpty {
          // The move's rules run now (depth first), on the ticket as the transaction has it.
          tx.save(next)
          _ = react(to: .transition(next, event: event, from: from, at: time), in: &tx, mode: .tick)
          if let after = try? tx.instance(next.id) { instance = after }
        }
      } catch {
        instance.record(at: time, actor: .system, event: "failed:\(event)", note: error.message)
      }
    case .fire(let event, let target, _):
      instance.record(
        at: time, actor: .system, event: "failed:\(event)",
        note: "a deadline can only fire events on its own ticket, not on its \(target.rawValue)")
    case .assign(let role, _):
      let next = assignee(after: instance.assignee, role: role)
      if next != instance.assignee {
        instance.assignee = next
        instance.record(at: time, actor: .system, event: "assign", assignee: next)
      }
    case .notify(let roles, let template, _):
      let text =
        template.map {
          MessageRenderer(zone: home.settings.zone).render($0, in: context(instance, definition, time))
        } ?? trigger.defaultMessage(for: instance.id)
      tx.send(OutboxMessage(at: time, to: roles, instance: instance.id, message: text))
    case .set(let assignments, _):
      var copy = instance
      switch applyAssignments(
        assignments, to: &copy, definition: definition,
        context: context(instance, definition, time))
      {
      case .success(let changed):
        instance = copy
        if !changed.isEmpty { instance.record(at: time, actor: .system, event: "set", set: changed) }
      case .failure(let refusal):
        instance.record(at: time, actor: .system, event: "failed:set", note: refusal.message)
      }
    case .start(let start, _):
      instance.record(
        at: time, actor: .system, event: "failed:start",
        note: "starting a \(start.workflow) ticket is a rule action, not a deadline action")
    }
  }

  /// The system's evaluation context on a ticket at `time`.
  func context(_ instance: Instance, _ definition: WorkflowRuntime, _ time: Date)
    -> EvaluationContext
  {
    EvaluationContext(
      instance: instance, definition: definition, now: time, actor: .system, actorRoles: [],
      event: nil)
  }
}

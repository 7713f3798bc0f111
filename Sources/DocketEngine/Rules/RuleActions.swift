import DocketModel
import Foundation

extension Engine {
  /// Runs one action of a rule as `system`, on the tickets as they are now in `tx`. Every
  /// history entry it writes names the rule; `start` and `advance` run the rules that react
  /// to what they did (depth first) before the next action.
  func perform(
    _ action: ActionDefinition, of rule: RuleDefinition, after change: RuleChange,
    in tx: inout Transaction, chain: RuleChain, mode: RuleMode
  ) -> Result<Void, Refusal> {
    func failed(_ what: String, on id: InstanceID, _ cause: Refusal) -> Refusal {
      if case .ruleChainTooDeep = cause { return cause }
      return .ruleFailed(rule: rule.id, reference: rule.reference, action: what, instance: id, cause: cause)
    }
    // The ticket is read (and a context built) only for what an action needs; `set` and
    // `assign` then change it in place in the transaction.
    let id = change.instance
    let time = change.time
    switch action {
    case .set(let assignments, _):
      let results: [(FieldName, JSONValue)]
      switch ruleContext(on: id, change: change, in: &tx) {
      case .failure(let r): return .failure(failed("read the ticket", on: id, r))
      case .success(let c):
        switch evaluateAssignments(assignments, definition: c.definition, context: c.context) {
        case .failure(let r):
          let names = assignments.map { "'\($0.field)'" }.joined(separator: ", ")
          return .failure(failed("set \(names)", on: id, r))
        case .success(let values): results = values
        }
      }
      if !results.isEmpty {
        tx.modify(id) { instance in
          var changed: [String: JSONValue] = [:]
          for (name, v) in results { instance.setField(name, to: v, changed: &changed) }
          if !changed.isEmpty {
            instance.record(
              at: max(time, instance.updatedAt), actor: .system, event: "set", set: changed,
              rule: rule.id)
          }
        }
      }
    case .assign(let role, _):
      if tx.modify(id, { instance in
        let next = assignee(after: instance.assignee, role: role)
        guard next != instance.assignee else { return }
        instance.assignee = next
        instance.record(
          at: max(time, instance.updatedAt), actor: .system, event: "assign", assignee: next,
          rule: rule.id)
      }) == nil {
        return .failure(failed("assign \(role)", on: id, .unknownID(id)))
      }
    case .notify(let roles, let template, _):
      let text: String
      if let template {
        switch ruleContext(on: id, change: change, in: &tx) {
        case .failure(let r): return .failure(failed("read the ticket", on: id, r))
        case .success(let c):
          text = MessageRenderer(zone: home.settings.zone).render(template, in: c.context)
        }
      } else {
        text = "\(id): \(rule.description ?? "rule '\(rule.id)'")"
      }
      tx.send(OutboxMessage(at: time, to: roles, instance: id, message: text))
    case .fire(let event, let target, _):
      let targets: [InstanceID]
      switch target {
      case .self:
        targets = [id]
      case .parent, .children:
        let instance: Instance
        do { instance = try tx.instance(id) } catch {
          return .failure(failed("read the ticket", on: id, error))
        }
        if target == .children {
          targets = instance.links.children
        } else if let parent = instance.links.parent {
          targets = [parent]
        } else {
          return .failure(failed("fire '\(event)' on its parent", on: id, .noParent(id)))
        }
      }
      for id in targets {
        if case .failure(let r) = advance(
          id, with: event, skipClosed: target == .children, by: rule, at: time, in: &tx,
          chain: chain, mode: mode)
        {
          return .failure(failed("fire '\(event)'", on: id, r))
        }
      }
    case .start(let start, _):
      switch ruleContext(on: id, change: change, in: &tx) {
      case .failure(let r): return .failure(failed("read the ticket", on: id, r))
      case .success(let c):
        if case .failure(let r) = launch(
          start, from: c.instance, context: c.context, by: rule, at: time, in: &tx, chain: chain,
          mode: mode)
        {
          return .failure(failed("start a \(start.workflow) ticket", on: id, r))
        }
      }
    }
    return .success(())
  }

  /// Fires `event` on ticket `id` as `system` and runs the rules reacting to the move. A
  /// closed child is passed over when firing on every child (it takes no more events).
  private func advance(
    _ id: InstanceID, with event: EventName, skipClosed: Bool, by rule: RuleDefinition,
    at time: Date, in tx: inout Transaction, chain: RuleChain, mode: RuleMode
  ) -> Result<Void, Refusal> {
    do {
      let ticket = try tx.instance(id)
      if skipClosed, !ticket.isOpen { return .success(()) }
      let definition = try self.definition(for: ticket).get()
      let from = ticket.state
      let at = max(time, ticket.updatedAt)
      var moved = try fire(
        event, on: ticket, definition: definition, input: .none, note: nil, by: .system, at: at)
      moved.history[moved.history.count - 1].rule = rule.id.rawValue
      tx.save(moved)
      return react(to: .transition(moved, event: event, from: from, at: at), in: &tx, chain: chain, mode: mode)
    } catch {
      return .failure(error)
    }
  }

  /// Creates the ticket a `start:` action asks for, linked both ways (the child's
  /// `links.parent`, the source's `links.children`), then runs the rules reacting to its
  /// creation.
  private func launch(
    _ start: StartDefinition, from source: Instance, context: EvaluationContext,
    by rule: RuleDefinition, at time: Date, in tx: inout Transaction, chain: RuleChain,
    mode: RuleMode
  ) -> Result<Void, Refusal> {
    guard let target = workflows[start.workflow] else {
      return .failure(.unknownWorkflow(start.workflow, suggestion: nil))
    }
    // The child's fields are evaluated like a `set:` map, against the source's snapshot.
    var input = FieldInput()
    switch evaluateAssignments(start.fields, definition: target, context: context) {
    case .failure(let r): return .failure(r)
    case .success(let results):
      for (name, value) in results { input.values[name] = .value(value) }
    }
    var child: Instance
    switch self.start(start.workflow, input: input, actor: .system, at: time, in: &tx) {
    case .failure(let r): return .failure(r)
    case .success(let c): child = c
    }
    child.links.parent = source.id
    if let role = start.assignRole { child.assignee = Assignee(role: role, user: nil) }
    child.history[child.history.count - 1].assignee = child.assignee
    child.history[child.history.count - 1].rule = rule.id.rawValue
    tx.save(child)
    var parent: Instance
    do { parent = try tx.instance(source.id) } catch { return .failure(error) }
    // No history entry on the source: its triggering entry and the child's `create` entry
    // (which names the rule) already tell the story, and a closed source stays as it closed.
    parent.links.children.append(child.id)
    tx.save(parent)
    return react(to: .created(child, at: time), in: &tx, chain: chain, mode: mode)
  }
}

import DocketModel

/// Which workflows a command on one ticket may need: its own, and every workflow a rule or
/// deadline can reach from it.
///
/// Reach is symmetric and transitive (connected groups): a rule of `repair` that starts a
/// `revisit` puts both in one group, because a command on the revisit may fire on its parent
/// and one on the repair may start a revisit. Lookups read other workflows' tickets, so a
/// workflow whose rule expressions may call a lookup reaches that lookup's workflow. An action that acts on a parent or
/// children, whose workflows are known only at run time, makes every workflow reach every
/// other. Over-reaching costs only decoding time; under-reaching would hide a rule, so when
/// in doubt this errs towards more.
enum WorkflowReach {
  /// The group of each workflow of `home`.
  static func groups(in home: Home) -> [WorkflowID: Set<WorkflowID>] {
    var links = Links(home.workflows.keys)
    for rule in home.rules {
      for (workflow, body) in rule.bodies {
        links.add(body.actions, from: workflow)
        for lookup in home.lookups.values where body.mayCall(lookup.name) {
          links.join(workflow, lookup.workflow)
        }
      }
    }
    for (id, definition) in home.workflows {
      for deadline in definition.allDeadlines {
        links.add(deadline.breach + (deadline.warning?.actions ?? []), from: id)
      }
    }
    return links.groups()
  }

  /// Union-find over workflow ids.
  private struct Links {
    var parent: [WorkflowID: WorkflowID] = [:]
    var everything = false

    init(_ ids: some Sequence<WorkflowID>) {
      for id in ids { parent[id] = id }
    }

    mutating func add(_ actions: [ActionDefinition], from workflow: WorkflowID) {
      for action in actions {
        switch action {
        case .start(let start, _):
          join(workflow, start.workflow)
        case .fire(_, let target, _):
          if target != .self { everything = true }
        case .assign, .notify, .set:
          break
        }
      }
    }

    mutating func root(_ id: WorkflowID) -> WorkflowID {
      var r = parent[id] ?? id
      while let p = parent[r], p != r { r = p }
      parent[id] = r
      return r
    }

    mutating func join(_ a: WorkflowID, _ b: WorkflowID) {
      if parent[b] == nil { parent[b] = b }
      let (ra, rb) = (root(a), root(b))
      if ra != rb { parent[rb] = ra }
    }

    mutating func groups() -> [WorkflowID: Set<WorkflowID>] {
      let ids = Array(parent.keys)
      if everything { return Dictionary(uniqueKeysWithValues: ids.map { ($0, Set(ids)) }) }
      var members: [WorkflowID: Set<WorkflowID>] = [:]
      for id in ids { members[root(id), default: []].insert(id) }
      var out: [WorkflowID: Set<WorkflowID>] = [:]
      for id in ids { out[id] = members[root(id)] }
      return out
    }
  }
}

extension RuleBody {
  /// Whether an expression of this body may call the function `name`: its text contains the
  /// name (a superset of the real calls, so reach errs towards more).
  fileprivate func mayCall(_ name: String) -> Bool {
    var sources = condition.map { [$0.source] } ?? []
    for action in actions {
      switch action {
      case .set(let assignments, _): sources += assignments.map(\.value.source)
      case .start(let start, _): sources += start.fields.map(\.value.source)
      case .notify(_, let message?, _):
        for case .expression(let e) in message.parts { sources.append(e.source) }
      case .notify, .assign, .fire: break
      }
    }
    return sources.contains { $0.contains(name) }
  }
}

import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Rule actions: the deadline vocabulary's `assign`, `notify` and `set`, plus `advance`
/// (fire an event on this ticket, its parent or its children) and `start` (create a linked
/// ticket). Rules write `advance: E` where deadlines write `event: E`.
extension ActionDecoder {
  package static let ruleKinds = ["advance", "start", "assign", "notify", "set"]
  package static let ruleKeys = ruleKinds + ["message", "target", "fields"]
  /// Options and the kind each belongs to (`assign` is also `start`'s option: see ``ruleKind``).
  static let ruleOptions = [("message", "notify"), ("target", "advance"), ("fields", "start")]

  /// The kind of a rule action, after checking it has exactly one and that its other keys
  /// belong to it; nil (reported) otherwise.
  ///
  /// Beside `start`, `assign` names the role of the started ticket, not a second action.
  package static func ruleKind(of map: YAMLMap, _ node: YAMLNode, into bag: inout DiagnosticBag)
    -> String?
  {
    var present = ruleKinds.filter { map.has($0) }
    if present.contains("start") { present.removeAll { $0 == "assign" } }
    guard present.count == 1, let kind = present.first else {
      var diagnostic = Diagnostic.actionNeedsOneKind(present, kinds: ruleKinds, at: node.span)
      if present.isEmpty, map.has("event") {
        diagnostic.help = "rules fire events with 'advance: EVENT' (deadline actions write 'event: EVENT')"
      }
      bag.add(diagnostic)
      return nil
    }
    for (option, owner) in ruleOptions where owner != kind {
      if let span = map.keySpan(option) { bag.add(.optionWithoutKind(option, owner, at: span)) }
    }
    return kind
  }

  /// A rule action of `kind` (from ``ruleKind(of:_:into:)``) on a ticket of ``context``'s
  /// workflow; nil when it is unusable (reported).
  package func ruleAction(_ action: RuleActionSyntax, scope: RuleActionScope) -> ActionDefinition? {
    guard let value = action.map[action.kind] else {
      reader.bag.add(.wrongType("'\(action.kind)'", expected: "a value", found: action.node))
      return nil
    }
    switch action.kind {
    case "advance": return advance(value, in: action.map, scope: scope)
    case "start": return start(value, in: action.map, scope: scope)
    default: return sharedAction(action.kind, value, in: action.map)
    }
  }

  private func advance(_ value: YAMLNode, in map: YAMLMap, scope: RuleActionScope)
    -> ActionDefinition?
  {
    guard let event = reader.string(value, "'advance'") else { return nil }
    var target = ActionTarget.`self`
    if let text = reader.string(in: map, "target", of: "an 'advance' action") {
      if let known = ActionTarget(rawValue: text.value) {
        target = known
      } else {
        reader.bag.add(.invalidTarget(text.value, at: text.span))
      }
    }
    let (place, events) = scope.events(for: target)
    if !events.contains(event.value) {
      reader.bag.add(
        .advanceUnknownEvent(
          event.value, handledBy: place, known: reader.bag.diagnostics.count < 200 ? events : [],
          at: event.span))
    }
    return .fire(EventName(event.value), target: target, span: event.span)
  }

  private func start(_ value: YAMLNode, in map: YAMLMap, scope: RuleActionScope)
    -> ActionDefinition?
  {
    guard let name = reader.string(value, "'start'") else { return nil }
    guard let started = scope.workflows[WorkflowID(name.value)] else {
      if !scope.unavailable.contains(name.value) {
        reader.bag.add(
          .unknownWorkflow(name.value, known: scope.workflows.keys.map(\.rawValue), at: name.span))
      }
      return nil
    }
    let names = WorkflowNames(started)
    var assignments: [FieldAssignment] = []
    var given = Set<String>()
    if let node = map["fields"], let entries = reader.namedEntries(node, "'fields'") {
      for (key, value) in entries.entries {
        given.insert(key.value)
        guard let field = names.field(key, into: &reader.bag) else { continue }
        let what = "value of '\(key.value)' for the started \(started.id)"
        if let compiled = context.compiler.compile(value, what, as: .value(field)) {
          assignments.append(FieldAssignment(field: field.name, value: compiled))
        }
      }
    }
    let missing = started.fields.values.filter {
      $0.isRequired && $0.defaultValue == nil && !given.contains($0.name.rawValue)
    }
    if !missing.isEmpty {
      reader.bag.add(
        .startMissingFields(missing.map(\.name.rawValue), workflow: started.id.rawValue,
          at: name.span))
    }
    let role = reader.string(in: map, "assign", of: "a 'start' action").map { role in
      if started.roles[RoleID(role.value)] == nil {
        reader.bag.add(.startUnknownRole(role.value, workflow: started, at: role.span))
      }
      return RoleID(role.value)
    }
    return .start(
      StartDefinition(workflow: started.id, fields: assignments, assignRole: role),
      span: name.span)
  }
}

/// What a rule action may refer to beyond its own ticket's workflow: the other workflows
/// (for `start`) and the events `advance` may fire on each target.
package struct RuleActionScope {
  /// Every loaded workflow of the home.
  package var workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>
  /// Workflows whose files did not load: references to them are not reported again.
  package var unavailable: Set<String>
  /// The triggering ticket's workflow.
  package var own: WorkflowID
  /// Workflows some rule starts from `own` (its children's), and workflows with a rule that
  /// starts `own` (its parents'), in id order.
  package var children: [WorkflowID]
  package var parents: [WorkflowID]

  /// The workflows an `advance` on `target` may reach and the events they handle. When no rule
  /// links this workflow to a parent or child, any workflow's events are accepted (a ticket
  /// may also be linked by hand), and the engine refuses at run time if the event is wrong.
  ///
  /// - Returns: the events, and the workflows they come from in words, for messages.
  func events(for target: ActionTarget) -> (place: String, events: [String]) {
    let ids: [WorkflowID]
    let place: String
    switch target {
    case .self:
      (ids, place) = ([own], "workflow '\(own)'")
    case .parent where !parents.isEmpty:
      (ids, place) = (parents, "the parent's workflow (\(Self.list(parents)))")
    case .children where !children.isEmpty:
      (ids, place) = (children, "the children's workflows (\(Self.list(children)))")
    case .parent, .children:
      (ids, place) = (Array(workflows.keys), "any workflow")
    }
    var seen = Set<String>()
    let events = ids.compactMap { workflows[$0] }.flatMap(\.eventNames).filter {
      seen.insert($0).inserted
    }
    return (place, events)
  }

  private static func list(_ ids: [WorkflowID]) -> String {
    ids.map { "'\($0)'" }.joined(separator: " or ")
  }
}

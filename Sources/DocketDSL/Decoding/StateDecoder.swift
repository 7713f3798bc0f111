import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Reads `states:` and each state's `on:` transitions, with branches and guards.
package struct StateDecoder {
  static let stateKeys = ["label", "assign", "final", "deadline", "on"]
  static let transitionKeys = ["to", "by", "if", "require", "set", "assign", "note", "label"]
  static let branchKeys = ["if", "to"]
  static let guardKeys = ["expr", "message"]

  let context: DecodingContext
  private var reader: NodeReader { context.reader }
  private var names: WorkflowNames { context.names }

  package init(context: DecodingContext) {
    self.context = context
  }

  package func states(_ node: YAMLNode, calendars: inout [Located<String>])
    -> OrderedDictionary<StateID, StateDefinition>
  {
    guard let map = reader.namedEntries(node, "'states'") else { return [:] }
    var states: OrderedDictionary<StateID, StateDefinition> = [:]
    for (name, value) in map.entries {
      if !IdentifierSyntax.isName(name.value) {
        reader.bag.add(
          .invalidID("state id", name.value, rule: WorkflowDecoder.nameRule, at: name.span))
      }
      guard states[StateID(name.value)] == nil,
        let state = self.state(name, value, calendars: &calendars)
      else { continue }
      states[state.id] = state
    }
    return states
  }

  private func state(_ name: Located<String>, _ node: YAMLNode, calendars: inout [Located<String>])
    -> StateDefinition?
  {
    let id = StateID(name.value)
    if node.isNull { return StateDefinition(id: id, span: name.span) }
    let what = "state '\(name.value)'"
    guard let map = reader.mapping(node, what, keys: Self.stateKeys) else { return nil }
    let isFinal = reader.bool(in: map, "final", of: what)?.value ?? false
    var transitions: OrderedDictionary<EventName, TransitionDefinition> = [:]
    if let on = map["on"] {
      if isFinal, let span = map.keySpan("on") {
        reader.bag.add(.finalStateHasEvents(name.value, at: span))
      }
      transitions = self.transitions(on, source: id)
    }
    let deadline = map["deadline"].flatMap {
      DeadlineDecoder(context: context).stateDeadline(
        $0, state: id, keySpan: map.keySpan("deadline"), calendars: &calendars)
    }
    return StateDefinition(
      id: id, label: reader.string(in: map, "label", of: what)?.value,
      assignRole: reader.string(in: map, "assign", of: what).map {
        names.role($0, into: &reader.bag)
      },
      isFinal: isFinal, deadline: deadline, transitions: transitions, span: name.span)
  }

  private func transitions(_ node: YAMLNode, source: StateID)
    -> OrderedDictionary<EventName, TransitionDefinition>
  {
    guard let map = reader.namedEntries(node, "'on'") else { return [:] }
    var out: OrderedDictionary<EventName, TransitionDefinition> = [:]
    for (event, value) in map.entries {
      if !IdentifierSyntax.isName(event.value) {
        reader.bag.add(
          .invalidID("event name", event.value, rule: WorkflowDecoder.nameRule, at: event.span))
      }
      guard out[EventName(event.value)] == nil,
        let transition = self.transition(event, value, source: source)
      else { continue }
      out[transition.event] = transition
    }
    return out
  }

  private func transition(_ event: Located<String>, _ node: YAMLNode, source: StateID)
    -> TransitionDefinition?
  {
    let what = "event '\(event.value)' of state '\(source)'"
    guard let map = reader.mapping(node, what, keys: Self.transitionKeys) else { return nil }
    var target = TransitionTarget.state(source)
    if let to = reader.required(map, "to", in: what) {
      target = self.target(to) ?? target
    }
    let allowed = map["by"].map { context.roles($0, "'by'") }
    let guardCondition = map["if"].flatMap { self.guardCondition($0) }
    let required = (reader.strings(in: map, "require", of: what) ?? []).compactMap {
      names.field($0, into: &reader.bag)?.name
    }
    let assignments = map["set"].map(context.assignments) ?? []
    let assign = reader.string(in: map, "assign", of: what).map {
      names.role($0, into: &reader.bag)
    }
    var note = NoteRequirement.none
    if let text = reader.string(in: map, "note", of: what) {
      if let value = NoteRequirement(rawValue: text.value), value != .none {
        note = value
      } else {
        reader.bag.add(.invalidNote(text.value, at: text.span))
      }
    }
    return TransitionDefinition(
      event: EventName(event.value), source: source, target: target, allowedRoles: allowed,
      guardCondition: guardCondition, requiredFields: required, assignments: assignments,
      assignRole: assign, note: note, label: reader.string(in: map, "label", of: what)?.value,
      span: event.span)
  }

  /// `to: state` or `to: [ {if, to}, ..., {to} ]`.
  private func target(_ node: YAMLNode) -> TransitionTarget? {
    if node.scalar != nil {
      return reader.string(node, "'to'").map { .state(names.state($0, into: &reader.bag)) }
    }
    guard let items = reader.list(node, "'to'") else { return nil }
    var branches: [BranchDefinition] = []
    var unconditional: SourceSpan?
    for item in items {
      guard let map = reader.mapping(item, "a branch", keys: Self.branchKeys) else { continue }
      if let unconditional {
        reader.bag.add(.unreachableBranch(at: item.span, after: unconditional))
      }
      var condition: CompiledExpression?
      if let node = map["if"] {
        condition = context.compiler.compile(node, "branch condition", as: .condition)
      } else if unconditional == nil {
        unconditional = item.span
      }
      guard let to = reader.string(in: map, "to", required: true, of: "a branch") else { continue }
      branches.append(
        BranchDefinition(
          condition: condition, target: names.state(to, into: &reader.bag), span: item.span))
    }
    return .branches(branches)
  }

  /// `if: CEL` or `if: { expr: CEL, message: text }`.
  private func guardCondition(_ node: YAMLNode) -> GuardDefinition? {
    if node.scalar != nil {
      return context.compiler.compile(node, "guard", as: .condition).map {
        GuardDefinition(expression: $0)
      }
    }
    guard let map = reader.mapping(node, "a guard", keys: Self.guardKeys),
      let expr = reader.required(map, "expr", in: "a guard"),
      let compiled = context.compiler.compile(expr, "guard", as: .condition)
    else { return nil }
    return GuardDefinition(
      expression: compiled, message: reader.string(in: map, "message", of: "a guard")?.value)
  }
}

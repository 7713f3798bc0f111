import DocketDiagnostics
import DocketModel

/// Reads workflow `deadlines:` (clocks spanning states) and a state's `deadline:` (sugar for
/// a clock measuring time in that state, named after the state unless it has `name:`).
package struct DeadlineDecoder {
  static let workflowKeys = ["label", "within", "start", "stop", "pause", "warn", "breach", "calendar"]
  static let stateKeys = ["name", "label", "within", "warn", "breach", "calendar"]
  static let warnKeys = ["before", "actions"] + ActionDecoder.keys

  let context: DecodingContext
  private var reader: NodeReader { context.reader }

  package init(context: DecodingContext) {
    self.context = context
  }

  package func workflowDeadlines(_ node: YAMLNode, calendars: inout [Located<String>])
    -> [DeadlineDefinition]
  {
    guard let map = reader.namedEntries(node, "'deadlines'") else { return [] }
    var out: [DeadlineDefinition] = []
    for (name, value) in map.entries {
      if !IdentifierSyntax.isName(name.value) {
        reader.bag.add(
          .invalidID("deadline name", name.value, rule: WorkflowDecoder.nameRule, at: name.span))
      }
      let what = "deadline '\(name.value)'"
      guard let deadline = reader.mapping(value, what, keys: Self.workflowKeys) else { continue }
      var start = DeadlineStart.created
      if let node = reader.required(deadline, "start", in: what) {
        if node.scalar?.text == "created" {
          start = .created
        } else if node.scalar != nil {
          reader.bag.add(.wrongType("'start'", expected: "'created' or a list of states", found: node))
        } else {
          start = .states(context.states(in: deadline, "start", of: what))
        }
      }
      let scope = DeadlineScope.workflow(
        start: start, stop: context.states(in: deadline, "stop", of: what),
        pause: context.states(in: deadline, "pause", of: what))
      if let d = common(deadline, name: Located(name.value, at: name.span), scope: scope,
        what: what, calendars: &calendars)
      {
        out.append(d)
      }
    }
    return out
  }

  /// - Parameter keySpan: where `deadline:` is written; the deadline's span unless it has `name:`.
  package func stateDeadline(
    _ node: YAMLNode, state: StateID, keySpan: SourceSpan?, calendars: inout [Located<String>]
  ) -> DeadlineDefinition? {
    let what = "the deadline of state '\(state)'"
    guard let map = reader.mapping(node, what, keys: Self.stateKeys) else { return nil }
    var name = Located(state.rawValue, at: keySpan ?? node.span)
    if let given = reader.string(in: map, "name", of: what) {
      if !IdentifierSyntax.isName(given.value) {
        reader.bag.add(
          .invalidID("deadline name", given.value, rule: WorkflowDecoder.nameRule, at: given.span))
      }
      name = given
    }
    return common(map, name: name, scope: .state(state), what: what, calendars: &calendars)
  }

  /// The keys both kinds share: label, within, warn, breach, calendar.
  private func common(
    _ map: YAMLMap, name: Located<String>, scope: DeadlineScope, what: String,
    calendars: inout [Located<String>]
  ) -> DeadlineDefinition? {
    let within = context.duration(in: map, "within", required: true, of: what)
    let calendar = reader.string(in: map, "calendar", of: what)
    if let calendar { calendars.append(calendar) }
    let warning = map["warn"].flatMap { decodeWarning($0, within: within) }
    let breach = map["breach"].map { ActionDecoder(context: context).actions($0, "'breach'") } ?? []
    return DeadlineDefinition(
      name: DeadlineName(name.value), label: reader.string(in: map, "label", of: what)?.value,
      within: within?.value ?? DocketDuration(seconds: 0),
      calendar: calendar.map { CalendarID($0.value) }, scope: scope, warning: warning,
      breach: breach, span: name.span)
  }

  /// `warn: { before: 2h, <one action's keys> }`, or `actions: [...]` for several.
  private func decodeWarning(_ node: YAMLNode, within: Located<DocketDuration>?) -> WarningDefinition? {
    guard let map = reader.mapping(node, "'warn'", keys: Self.warnKeys) else { return nil }
    let before = context.duration(in: map, "before", required: true, of: "'warn'")
    if let before, let within, before.value >= within.value {
      reader.bag.add(.warnNotBeforeDue(before: before.value, within: within.value, at: before.span))
    }
    let decoder = ActionDecoder(context: context)
    var actions: [ActionDefinition] = []
    if ActionDecoder.keys.contains(where: map.has) {
      actions += decoder.action(in: map, node).map { [$0] } ?? []
    }
    if let list = map["actions"] { actions += decoder.actions(list, "'actions'") }
    return WarningDefinition(
      before: before?.value ?? DocketDuration(seconds: 0), actions: actions, span: node.span)
  }
}

extension Diagnostic {
  static func warnNotBeforeDue(before: DocketDuration, within: DocketDuration, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "warn_not_before_due",
      "the warning comes \(before) before due, but the whole deadline is only \(within)",
      at: span, help: "make 'before' shorter than 'within'")
  }
}

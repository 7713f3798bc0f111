import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Which workflows a rule applies to, checking its filters' names on the way, and how the
/// problems of a rule compiled once per workflow are reported.
package enum RuleChecks {
  /// The workflows whose tickets the rule can see, in id order: those its `workflow:` filter
  /// names (every workflow when it names none), narrowed to those where its other filters can
  /// match. Filters naming nothing that exists, or that can never match together, are reported.
  package static func candidates(
    of rule: RuleSyntax, in workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>,
    unavailable: Set<String>, into bag: inout DiagnosticBag
  ) -> [WorkflowDefinition] {
    let filters = rule.filters
    var base = Array(workflows.values)
    if !filters.workflows.isEmpty {
      var named = Set<WorkflowID>()
      for name in filters.workflows {
        if workflows[WorkflowID(name.value)] != nil {
          named.insert(WorkflowID(name.value))
        } else if !unavailable.contains(name.value) {
          bag.add(
            .unknownWorkflow(name.value, known: workflows.keys.map(\.rawValue), at: name.span))
        }
      }
      base = base.filter { named.contains($0.id) }
    }
    guard let trigger = rule.trigger, !base.isEmpty else { return base }
    var check = FilterCheck(
      filters: filters, base: base, namesWorkflows: !filters.workflows.isEmpty, bag: bag)
    defer { bag = check.bag }
    switch trigger {
    case .created: return check.created()
    case .transition: return check.transition(at: rule.triggerSpan ?? rule.span)
    case .breach: return check.deadline(needsWarning: false)
    case .warning: return check.deadline(needsWarning: true)
    }
  }

  /// Reports the problems of one rule compiled against each of `workflows`: once as they are
  /// when every workflow has them, else saying which workflows do.
  package static func report(
    _ results: [(workflow: WorkflowID, diagnostics: [Diagnostic])], namesWorkflows: Bool,
    into bag: inout DiagnosticBag
  ) {
    var order: [Diagnostic] = []
    var holders: [Diagnostic: [WorkflowID]] = [:]
    for (workflow, diagnostics) in results {
      for diagnostic in diagnostics {
        if holders[diagnostic] == nil { order.append(diagnostic) }
        if holders[diagnostic]?.last != workflow { holders[diagnostic, default: []].append(workflow) }
      }
    }
    let all = results.map(\.workflow)
    for diagnostic in order {
      let some = holders[diagnostic] ?? []
      if some.count == all.count || diagnostic.severity != .error {
        bag.add(diagnostic)
      } else {
        bag.add(diagnostic.only(in: some, of: all, namesWorkflows: namesWorkflows))
      }
    }
  }
}

/// The filter checks of one rule over its base workflows.
private struct FilterCheck {
  let filters: RuleFilterSyntax
  let base: [WorkflowDefinition]
  /// Whether the rule names its workflows (messages then say "workflow 'x' has no ...").
  let namesWorkflows: Bool
  var bag: DiagnosticBag

  /// `created`: `to` is the initial state.
  mutating func created() -> [WorkflowDefinition] {
    guard !filters.to.isEmpty else { return base }
    let known = names(filters.to, "state") { $0.states.keys.map(\.rawValue) }
    let wanted = Set(filters.to.map(\.value))
    let matching = base.filter { wanted.contains($0.initial.rawValue) }
    if matching.isEmpty, known, let span = filters.keySpans["to"] {
      bag.add(.createdNotInitial(initials: base.map { ($0.id.rawValue, $0.initial.rawValue) }, at: span))
    }
    return matching
  }

  /// `transition`: some transition has one of the events, leaves one of the `from` states
  /// and can enter one of the `to` states.
  mutating func transition(at triggerSpan: SourceSpan) -> [WorkflowDefinition] {
    var known = names(filters.events, "event") { $0.eventNames }
    known = names(filters.from, "state") { $0.states.keys.map(\.rawValue) } && known
    known = names(filters.to, "state") { $0.states.keys.map(\.rawValue) } && known
    let events = Set(filters.events.map { EventName($0.value) })
    let from = Set(filters.from.map { StateID($0.value) })
    let to = Set(filters.to.map { StateID($0.value) })
    let matching = base.filter { workflow in
      workflow.states.values.contains { state in
        (from.isEmpty || from.contains(state.id))
          && state.transitions.values.contains { transition in
            (events.isEmpty || events.contains(transition.event))
              && (to.isEmpty || transition.target.possibleTargets.contains(where: to.contains))
          }
      }
    }
    if matching.isEmpty, known, !(events.isEmpty && from.isEmpty && to.isEmpty) {
      let spans = filters.keySpans
      let span = ["event", "from", "to"].compactMap { spans[$0] }.first
      bag.add(.noTransitionMatches(describe(), in: scope, at: span ?? triggerSpan))
    }
    return matching
  }

  /// `breach` and `warning`: the workflow has the deadline (with a warning, for `warning`).
  mutating func deadline(needsWarning: Bool) -> [WorkflowDefinition] {
    guard !filters.deadlines.isEmpty else { return base }
    let known = names(filters.deadlines, "deadline") { $0.allDeadlines.map(\.name.rawValue) }
    let wanted = Set(filters.deadlines.map { DeadlineName($0.value) })
    let matching = base.filter { workflow in
      workflow.allDeadlines.contains { wanted.contains($0.name) && (!needsWarning || $0.warning != nil) }
    }
    if matching.isEmpty, known, needsWarning, let span = filters.keySpans["deadline"] {
      bag.add(.deadlineWithoutWarning(filters.deadlines.map(\.value), in: scope, at: span))
    }
    return matching
  }

  /// Reports each name that none of the base workflows has; true when all are known.
  private mutating func names(
    _ names: [Located<String>], _ kind: String, known: (WorkflowDefinition) -> [String]
  ) -> Bool {
    var allKnown = true
    for name in names where !base.contains(where: { known($0).contains(name.value) }) {
      allKnown = false
      var seen = Set<String>()
      let candidates = bag.diagnostics.count < 200
        ? base.flatMap(known).filter { seen.insert($0).inserted } : []
      bag.add(.ruleUnknownName(kind, name.value, in: scope, known: candidates, at: name.span))
    }
    return allKnown
  }

  /// The workflows in words: nil when the rule names none (it looks at every workflow).
  private var scope: String? {
    guard namesWorkflows else { return nil }
    return base.count == 1
      ? "workflow '\(base[0].id)'" : "workflows " + base.map { "'\($0.id)'" }.joined(separator: ", ")
  }

  private func describe() -> String {
    func list(_ names: [Located<String>]) -> String {
      names.map { "'\($0.value)'" }.joined(separator: " or ")
    }
    var parts: [String] = []
    if !filters.events.isEmpty { parts.append("event " + list(filters.events)) }
    if !filters.from.isEmpty { parts.append("from " + list(filters.from)) }
    if !filters.to.isEmpty { parts.append("to " + list(filters.to)) }
    return parts.joined(separator: ", ")
  }
}

import DocketModel

/// One rule as it applies to one workflow, shared by reference: what the runner needs
/// without copying the rule's definition on every change.
final class PreparedRule: Sendable {
  let rule: RuleDefinition
  let body: RuleBody

  init(_ rule: RuleDefinition, _ body: RuleBody) {
    self.rule = rule
    self.body = body
  }

  var id: RuleID { rule.id }
}

/// Which rules can react to a kind of change on a workflow's tickets, found with one lookup.
///
/// Built once per engine: per trigger and workflow, every rule with a body for that workflow
/// in `Home.rules` order (the order rules run in). A command whose change no rule can react
/// to does one dictionary lookup and nothing else; a home without rules not even that.
struct RuleIndex: Sendable {
  private let byTrigger: [RuleTrigger: [WorkflowID: [PreparedRule]]]
  let isEmpty: Bool
  /// The workflows some rule reacts to a transition of (a scan, not two hashed lookups:
  /// `advance` asks on every step).
  private let transitionWorkflows: NameTable<WorkflowID, Bool>

  init(_ rules: [RuleDefinition]) {
    var table: [RuleTrigger: [WorkflowID: [PreparedRule]]] = [:]
    for rule in rules {
      for (workflow, body) in rule.bodies.sorted(by: { $0.key < $1.key })
      where rule.filter.workflows.isEmpty || rule.filter.workflows.contains(workflow) {
        table[rule.trigger, default: [:]][workflow, default: []].append(PreparedRule(rule, body))
      }
    }
    byTrigger = table
    isEmpty = table.isEmpty
    transitionWorkflows = NameTable((table[.transition] ?? [:]).keys.map { ($0, true) })
  }

  /// Whether any rule may react to a transition of a `workflow` ticket: when none can,
  /// `advance` needs no copy of the ticket as it was (rules are what may refuse after the move).
  func reactsToTransitions(of workflow: WorkflowID) -> Bool {
    !isEmpty && transitionWorkflows[workflow] != nil
  }

  /// The rules that may react to `trigger` on a ticket of `workflow`, in order; their other
  /// filters (event, from, to, deadline) are still to be checked.
  func candidates(_ trigger: RuleTrigger, _ workflow: WorkflowID) -> [PreparedRule] {
    if isEmpty { return [] }
    return byTrigger[trigger]?[workflow] ?? []
  }
}

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
  /// The rules for one trigger on one workflow's tickets, in `Home.rules` order.
  private struct Group: Sendable {
    let trigger: RuleTrigger
    let workflow: WorkflowID
    var rules: [PreparedRule]
  }

  /// Scanned, not hashed: a home has a few triggers times a few workflows, and a dictionary
  /// of dictionaries cost every command its run-time type set-up (docs/performance.md §13).
  private let groups: [Group]
  let isEmpty: Bool
  /// The workflows some rule reacts to a transition of (a scan, not two hashed lookups:
  /// `advance` asks on every step).
  private let transitionWorkflows: NameTable<WorkflowID, Bool>

  init(_ rules: [RuleDefinition]) {
    var groups: [Group] = []
    for rule in rules {
      for workflow in rule.bodies.keys.sorted()
      where rule.filter.workflows.isEmpty || rule.filter.workflows.contains(workflow) {
        guard let body = rule.bodies[workflow] else { continue }
        let prepared = PreparedRule(rule, body)
        if let n = groups.firstIndex(where: { $0.trigger == rule.trigger && $0.workflow == workflow }) {
          groups[n].rules.append(prepared)
        } else {
          groups.append(Group(trigger: rule.trigger, workflow: workflow, rules: [prepared]))
        }
      }
    }
    self.groups = groups
    isEmpty = groups.isEmpty
    transitionWorkflows = NameTable(
      groups.lazy.filter { $0.trigger == .transition }, key: { $0.workflow }, value: { _ in true })
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
    return groups.first { $0.trigger == trigger && $0.workflow == workflow }?.rules ?? []
  }
}

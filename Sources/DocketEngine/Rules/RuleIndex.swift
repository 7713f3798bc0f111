import DocketModel

/// Which rules can react to a kind of change on a workflow's tickets, found with one lookup.
///
/// Built once per engine: per trigger and workflow, the positions in `Home.rules` (so in the
/// order rules run) of every rule with a body for that workflow. A command whose change no
/// rule can react to does one dictionary lookup and nothing else; a home without rules not
/// even that.
struct RuleIndex: Sendable {
  private let byTrigger: [RuleTrigger: [WorkflowID: [Int]]]
  let isEmpty: Bool

  init(_ rules: [RuleDefinition]) {
    var table: [RuleTrigger: [WorkflowID: [Int]]] = [:]
    for (position, rule) in rules.enumerated() {
      for workflow in rule.bodies.keys.sorted()
      where rule.filter.workflows.isEmpty || rule.filter.workflows.contains(workflow) {
        table[rule.trigger, default: [:]][workflow, default: []].append(position)
      }
    }
    byTrigger = table
    isEmpty = table.isEmpty
  }

  /// Positions of the rules that may react to `trigger` on a ticket of `workflow`, in order;
  /// their other filters (event, from, to, deadline) are still to be checked.
  func candidates(_ trigger: RuleTrigger, _ workflow: WorkflowID) -> [Int] {
    if isEmpty { return [] }
    return byTrigger[trigger]?[workflow] ?? []
  }
}

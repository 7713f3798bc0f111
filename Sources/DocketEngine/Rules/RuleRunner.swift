import DocketModel
import Foundation

extension Engine {
  /// How deep rules may trigger each other (`rule_depth_limit` in `docket.yaml`, default 8):
  /// a rule reacting to a command's own change is at depth 1, a rule reacting to what that
  /// rule did at depth 2, and so on. Deeper refuses the whole command (`rule_failed`, naming
  /// the chain).
  public var ruleDepthLimit: Int { home.settings.ruleDepthLimit }

  /// Runs the rules that react to `change`, depth first.
  ///
  /// Every matching rule's `if` is evaluated first, on the ticket as it is right after the
  /// change (a snapshot: an earlier rule's actions cannot hide a later rule); then the rules
  /// that hold run in order, each action acting on the tickets as they are by then. A rule
  /// that fails refuses (the failure comes back) or, with `on_error: skip` (and in `tick`
  /// for rules a deadline triggered), is undone and noted in the ticket's history.
  func react(
    to change: RuleChange, in tx: inout Transaction, chain: RuleChain = RuleChain(),
    mode: RuleMode = .command
  ) -> Result<Void, Refusal> {
    let candidates = ruleIndex.candidates(change.trigger, change.workflow)
    if candidates.isEmpty { return .success(()) }
    var matched: [PreparedRule] = []
    var failedConditions: [(RuleDefinition, Refusal)] = []
    var snapshot: EvaluationContext?
    for prepared in candidates {
      let rule = prepared.rule
      guard change.passes(rule.filter) else { continue }
      guard let condition = prepared.body.condition else {
        matched.append(prepared)
        continue
      }
      if snapshot == nil {
        switch ruleContext(on: change.instance, change: change, in: &tx) {
        case .failure(let r): return .failure(r)
        case .success(let c): snapshot = c.context
        }
      }
      guard let context = snapshot else { continue }
      switch condition.evaluate(in: context) {
      case .value(.bool(true)): matched.append(prepared)
      case .value(.bool(false)): continue
      case .value(let other):
        failedConditions.append(
          (
            rule,
            .guardFailed(
              event: change.event, message: "the condition `\(condition.source)` could not be decided",
              reason: "it gave \(other.celType.runtimeName) \(other), not true or false",
              location: condition.span?.description)
          ))
      case .failed(let reason, let location):
        failedConditions.append(
          (
            rule,
            .guardFailed(
              event: change.event, message: "the condition `\(condition.source)` could not be checked",
              reason: reason, location: location)
          ))
      }
    }
    // A condition that cannot be evaluated is the rule failing before its first action.
    for (rule, refusal) in failedConditions {
      let failure = Refusal.ruleFailed(
        rule: rule.id, reference: rule.reference, action: "check its condition",
        instance: change.instance, cause: refusal)
      if case .failure(let r) = settle(failure, of: rule, change: change, in: &tx, chain: chain, mode: mode) {
        return .failure(r)
      }
    }
    for prepared in matched {
      if case .failure(let r) = run(prepared, after: change, in: &tx, chain: chain, mode: mode) {
        return .failure(r)
      }
    }
    return .success(())
  }

  /// Runs one rule's actions in order. On failure the transaction goes back to what it was
  /// before the rule, and ``settle(_:of:change:in:chain:mode:)`` decides: refuse or skip.
  ///
  /// Only a rule that may skip keeps a copy of the transaction to go back to: a refusal
  /// drops the whole transaction anyway (or an enclosing skipping rule restores its own
  /// copy), and not copying lets the rule's actions change tickets in place.
  private func run(
    _ prepared: PreparedRule, after change: RuleChange, in tx: inout Transaction,
    chain: RuleChain, mode: RuleMode
  ) -> Result<Void, Refusal> {
    let rule = prepared.rule
    let link = chain.appending(rule.id, on: change.instance)
    if link.depth > ruleDepthLimit {
      return .failure(
        .ruleChainTooDeep(
          chain: link.names, rule: chain.links.first?.rule ?? rule.id, limit: ruleDepthLimit))
    }
    let maySkip = rule.onError == .skip || (mode == .tick && chain.isEmpty)
    let before = maySkip ? tx : nil
    tx.fired(RuleFiring(rule: rule.id, instance: change.instance, outcome: .applied))
    for action in prepared.body.actions {
      if case .failure(let failure) = perform(
        action, of: rule, after: change, in: &tx, chain: link, mode: mode)
      {
        guard let before else { return .failure(failure) }
        tx = before
        return settle(failure, of: rule, change: change, in: &tx, chain: chain, mode: mode)
      }
    }
    return .success(())
  }

  /// A rule failed (the transaction already holds nothing of it): refuse, or with
  /// `on_error: skip` (or in `tick`, for a rule a deadline triggered) record `skip:rule` with
  /// the reason on the triggering ticket and carry on. A runaway chain refuses even then
  /// (contract §4), except in `tick`, where the deadline's rule is skipped.
  private func settle(
    _ failure: Refusal, of rule: RuleDefinition, change: RuleChange, in tx: inout Transaction,
    chain: RuleChain, mode: RuleMode
  ) -> Result<Void, Refusal> {
    let tickRoot = mode == .tick && chain.isEmpty
    var skips = rule.onError == .skip || tickRoot
    if case .ruleChainTooDeep = failure { skips = tickRoot }
    guard skips else { return .failure(failure) }
    guard var instance = try? tx.instance(change.instance) else { return .failure(failure) }
    instance.record(
      at: max(change.time, instance.updatedAt), actor: .system, event: "skip:rule",
      note: failure.message, rule: rule.id)
    tx.save(instance)
    tx.fired(RuleFiring(rule: rule.id, instance: change.instance, outcome: .skipped(reason: failure.message)))
    return .success(())
  }

  /// The system's evaluation context for a rule on ticket `id` as it is now in `tx`, with
  /// lookups bound to the store and this command's changes.
  func ruleContext(on id: InstanceID, change: RuleChange, in tx: inout Transaction)
    -> Result<(instance: Instance, definition: WorkflowRuntime, context: EvaluationContext), Refusal>
  {
    let instance: Instance
    let definition: WorkflowRuntime
    do { instance = try tx.instance(id) } catch { return .failure(error) }
    switch self.definition(for: instance) {
    case .failure(let r): return .failure(r)
    case .success(let d): definition = d
    }
    let context = EvaluationContext(
      instance: instance, definition: definition, now: change.time, actor: .system,
      actorRoles: [], event: change.event,
      lookups: home.lookups.isEmpty ? nil : tx.lookupScope(lookupTable))
    return .success((instance, definition, context))
  }
}

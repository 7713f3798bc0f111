import DocketDiagnostics
import DocketModel

/// Reads one `rules/*.yaml` file (contract §4) into rule syntax: ids, triggers, filters and
/// action shapes, checked for what needs no other file.
///
/// What a rule's names and expressions mean depends on the workflows its filters allow and on
/// the lookups of every rule file, so ``RuleSetDecoder`` resolves and compiles rules once all
/// files are read; this decoder only keeps the nodes it will need.
package struct RuleDecoder {
  package static let fileKeys = ["lookups", "rules"]
  package static let filterKeys = ["workflow", "event", "from", "to", "deadline"]
  package static let ruleKeys =
    ["id", "description", "on"] + filterKeys + ["if", "on_error", "then"]

  /// The filters each trigger can use; any other filter could never match.
  package static func filters(for trigger: RuleTrigger) -> [String] {
    switch trigger {
    case .created: ["workflow", "to"]
    case .transition: ["workflow", "event", "from", "to"]
    case .breach, .warning: ["workflow", "deadline"]
    }
  }

  let reader: NodeReader

  package init(reader: NodeReader) {
    self.reader = reader
  }

  /// The file's lookups (still unchecked against workflows) and rules, in file order.
  package func decode(_ root: YAMLNode?) -> (lookups: YAMLNode?, rules: [RuleSyntax]) {
    guard let root else { return (nil, []) }  // an empty file holds no rules
    guard let map = reader.mapping(root, "a rules file", keys: Self.fileKeys) else {
      return (nil, [])
    }
    guard let list = map["rules"], let items = reader.list(list, "'rules'") else {
      return (map["lookups"], [])
    }
    return (map["lookups"], items.compactMap(rule))
  }

  private func rule(_ node: YAMLNode) -> RuleSyntax? {
    let what = "a rule"
    guard let map = reader.mapping(node, what, keys: Self.ruleKeys) else { return nil }
    let id = reader.string(in: map, "id", required: true, of: what)
    if let id, !IdentifierSyntax.isWorkflowID(id.value) {
      reader.bag.add(
        .invalidID("rule id", id.value, rule: "a lower-case letter, then a-z, 0-9, '_' or '-'",
          at: id.span))
    }
    let trigger = self.trigger(map)
    var filters = RuleFilterSyntax()
    for key in Self.filterKeys {
      guard let node = map[key], let span = map.keySpan(key) else { continue }
      if let trigger, !Self.filters(for: trigger).contains(key) {
        reader.bag.add(.filterNotForTrigger(key, trigger: trigger, at: span))
        continue
      }
      filters.set(key, names(node, "'\(key)'"), at: span)
    }
    var actions: [RuleActionSyntax] = []
    if let then = reader.required(map, "then", in: what), let items = reader.list(then, "'then'") {
      if items.isEmpty { reader.bag.add(.ruleWithoutActions(at: then.span)) }
      for item in items {
        guard let action = reader.mapping(item, "an action", keys: ActionDecoder.ruleKeys),
          let kind = ActionDecoder.ruleKind(of: action, item, into: &reader.bag)
        else { continue }
        actions.append(RuleActionSyntax(kind: kind, map: action, node: item))
      }
    }
    return RuleSyntax(
      id: id, description: reader.string(in: map, "description", of: what)?.value,
      trigger: trigger, triggerSpan: map.keySpan("on"), filters: filters, condition: map["if"],
      onError: onError(map), actions: actions, file: reader.file, span: node.span)
  }

  private func trigger(_ map: YAMLMap) -> RuleTrigger? {
    guard let text = reader.string(in: map, "on", required: true, of: "a rule") else { return nil }
    guard let trigger = RuleTrigger(rawValue: text.value) else {
      reader.bag.add(.unknownTrigger(text.value, at: text.span))
      return nil
    }
    return trigger
  }

  private func onError(_ map: YAMLMap) -> RuleErrorPolicy {
    guard let text = reader.string(in: map, "on_error", of: "a rule") else { return .refuse }
    guard let policy = RuleErrorPolicy(rawValue: text.value) else {
      reader.bag.add(.invalidErrorPolicy(text.value, at: text.span))
      return .refuse
    }
    return policy
  }

  /// A filter value: one name, or a list of names meaning "any of these".
  private func names(_ node: YAMLNode, _ what: String) -> [Located<String>] {
    if node.scalar != nil { return reader.string(node, what).map { [$0] } ?? [] }
    return reader.strings(node, what) ?? []
  }
}

/// A rule as written, before its names are resolved against workflows.
package struct RuleSyntax {
  /// Nil when missing (reported); such a rule is checked but never run.
  package var id: Located<String>?
  package var description: String?
  /// Nil when missing or unknown (reported).
  package var trigger: RuleTrigger?
  package var triggerSpan: SourceSpan?
  package var filters: RuleFilterSyntax
  package var condition: YAMLNode?
  package var onError: RuleErrorPolicy
  /// Actions whose shape is right (one kind, options that belong to it), in file order.
  package var actions: [RuleActionSyntax]
  package var file: SourceFile
  /// The whole list item.
  package var span: SourceSpan
}

/// One action of a rule's `then:`: its kind (`advance`, `start`, `assign`, `notify`, `set`)
/// and its mapping.
package struct RuleActionSyntax {
  package var kind: String
  package var map: YAMLMap
  package var node: YAMLNode

  /// The workflow a `start:` action names, if this is one.
  package var startedWorkflow: String? {
    kind == "start" ? map["start"]?.scalar?.text : nil
  }
}

/// A rule's filters as written, each a list of located names (empty = not given).
package struct RuleFilterSyntax {
  package var workflows: [Located<String>] = []
  package var events: [Located<String>] = []
  package var from: [Located<String>] = []
  package var to: [Located<String>] = []
  package var deadlines: [Located<String>] = []
  /// Where each given filter's key is written.
  package var keySpans: [String: SourceSpan] = [:]

  mutating func set(_ key: String, _ names: [Located<String>], at span: SourceSpan) {
    keySpans[key] = span
    switch key {
    case "workflow": workflows = names
    case "event": events = names
    case "from": from = names
    case "to": to = names
    default: deadlines = names
    }
  }

  /// The filter as the engine matches it.
  package var definition: RuleFilter {
    RuleFilter(
      workflows: workflows.map { WorkflowID($0.value) }, events: events.map { EventName($0.value) },
      from: from.map { StateID($0.value) }, to: to.map { StateID($0.value) },
      deadlines: deadlines.map { DeadlineName($0.value) })
  }
}

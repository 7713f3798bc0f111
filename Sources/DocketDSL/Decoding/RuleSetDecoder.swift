import CEL
import DocketDiagnostics
import DocketModel
import OrderedCollections

/// Turns every rule file of a home into checked ``RuleDefinition``s and ``LookupDefinition``s.
///
/// In four passes, because a rule's meaning depends on other files: read each file (rule
/// syntax and lookups); gather the lookups (every rule expression may call any of them);
/// resolve each rule's filters to the workflows it applies to; then compile each rule's body
/// once per such workflow, against that workflow's fields and the lookups.
package struct RuleSetDecoder {
  /// One composed rule file, with the reader that composed it.
  package struct File {
    package var reader: NodeReader
    package var root: YAMLNode?

    package init(reader: NodeReader, root: YAMLNode?) {
      self.reader = reader
      self.root = root
    }
  }

  let workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>
  /// Stems of workflow files that did not load: references to them are not reported again.
  let unavailable: Set<String>

  package init(workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>, unavailable: Set<String>) {
    self.workflows = workflows
    self.unavailable = unavailable
  }

  /// The rules in file order (files in the order given), and the lookups by name.
  package func decode(_ files: [File], into bag: inout DiagnosticBag) -> (
    rules: [RuleDefinition], lookups: OrderedDictionary<String, LookupDefinition>
  ) {
    var syntax: [RuleSyntax] = []
    var decodedLookups: [DecodedLookup] = []
    for file in files {
      let (lookupNode, rules) = RuleDecoder(reader: file.reader).decode(file.root)
      if let lookupNode {
        decodedLookups += LookupDecoder(
          reader: file.reader, workflows: workflows, unavailable: unavailable
        ).decode(lookupNode)
      }
      syntax += rules
      bag.add(contentsOf: file.reader.bag.diagnostics)
    }
    let (functions, lookups) = gather(decodedLookups, into: &bag)
    let runnable = uniqueIDs(syntax, into: &bag)
    let candidates = syntax.map {
      RuleChecks.candidates(of: $0, in: workflows, unavailable: unavailable, into: &bag)
    }
    let links = Links(syntax, candidates)
    var rules: [RuleDefinition] = []
    // One expression environment per workflow, shared by every rule applying to it.
    var environments: [WorkflowID: ExpressionCompiler.Environment] = [:]
    for (index, rule) in syntax.enumerated() {
      var results: [(workflow: WorkflowID, diagnostics: [Diagnostic])] = []
      var bodies: [WorkflowID: RuleBody] = [:]
      for workflow in candidates[index] {
        let scope = RuleActionScope(
          workflows: workflows, unavailable: unavailable, own: workflow.id,
          children: links.children[workflow.id] ?? [], parents: links.parents[workflow.id] ?? [])
        let environment =
          environments[workflow.id]
          ?? ExpressionCompiler.Environment(fields: workflow.fields.values, functions: functions)
        environments[workflow.id] = environment
        let (body, diagnostics) = compile(rule, for: workflow, in: environment, scope: scope)
        results.append((workflow.id, diagnostics))
        bodies[workflow.id] = body
      }
      RuleChecks.report(results, namesWorkflows: !rule.filters.workflows.isEmpty, into: &bag)
      guard runnable[index], let id = rule.id, let trigger = rule.trigger else { continue }
      rules.append(
        RuleDefinition(
          id: RuleID(id.value), description: rule.description, trigger: trigger,
          filter: rule.filters.definition, bodies: bodies, onError: rule.onError,
          file: rule.file.path, span: id.span))
    }
    return (rules, lookups)
  }

  /// One rule's condition and actions for tickets of `workflow`; nil when they have errors.
  private func compile(
    _ rule: RuleSyntax, for workflow: WorkflowDefinition, in environment: ExpressionCompiler.Environment,
    scope: RuleActionScope
  ) -> (RuleBody?, [Diagnostic]) {
    let reader = NodeReader(file: rule.file)
    let compiler = ExpressionCompiler(environment: environment, reader: reader)
    let context = DecodingContext(reader: reader, names: WorkflowNames(workflow), compiler: compiler)
    let condition = rule.condition.flatMap {
      compiler.compile($0, "a rule's condition", as: .condition)
    }
    let decoder = ActionDecoder(context: context)
    let actions = rule.actions.compactMap { decoder.ruleAction($0, scope: scope) }
    let body =
      reader.bag.hasErrors ? nil : RuleBody(condition: condition, actions: actions)
    return (body, reader.bag.diagnostics)
  }

  /// Lookup functions for the compiler (all well-named ones) and definitions for the store
  /// (those without errors); a second lookup of the same name is reported and dropped.
  private func gather(_ decoded: [DecodedLookup], into bag: inout DiagnosticBag) -> (
    [CELFunction], OrderedDictionary<String, LookupDefinition>
  ) {
    var functions: [CELFunction] = []
    var lookups: OrderedDictionary<String, LookupDefinition> = [:]
    var first: [String: SourceSpan] = [:]
    for lookup in decoded {
      let name = lookup.name.value
      if let span = first[name] {
        bag.add(.duplicateLookup(name, at: lookup.name.span, first: span))
        continue
      }
      first[name] = lookup.name.span
      functions.append(lookup.function)
      if let definition = lookup.definition { lookups[name] = definition }
    }
    return (functions, lookups)
  }

  /// Whether each rule may run: it has an id no earlier rule has (later ones are reported).
  private func uniqueIDs(_ rules: [RuleSyntax], into bag: inout DiagnosticBag) -> [Bool] {
    var first: [String: SourceSpan] = [:]
    return rules.map { rule in
      guard let id = rule.id else { return false }
      if let span = first[id.value] {
        bag.add(.duplicateRule(id.value, at: id.span, first: span))
        return false
      }
      first[id.value] = id.span
      return true
    }
  }
}

/// Which workflows rules link: a rule applying to P that starts a W makes P a parent of W.
private struct Links {
  var children: [WorkflowID: [WorkflowID]] = [:]
  var parents: [WorkflowID: [WorkflowID]] = [:]

  init(_ rules: [RuleSyntax], _ candidates: [[WorkflowDefinition]]) {
    var children: [WorkflowID: Set<WorkflowID>] = [:]
    var parents: [WorkflowID: Set<WorkflowID>] = [:]
    for (rule, workflows) in zip(rules, candidates) {
      for case let started? in rule.actions.map(\.startedWorkflow) {
        for parent in workflows {
          children[parent.id, default: []].insert(WorkflowID(started))
          parents[WorkflowID(started), default: []].insert(parent.id)
        }
      }
    }
    self.children = children.mapValues { $0.sorted() }
    self.parents = parents.mapValues { $0.sorted() }
  }
}

import CEL
import DocketDiagnostics
import DocketModel
import Foundation

/// Builds rules in code for engine tests, compiling each body against every workflow it
/// applies to exactly as the loader does: the workflow's fields, the built-ins and every
/// lookup function.
struct RuleKit {
  struct CompileFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// A rule action before compiling; CEL is given as source text.
  enum Action {
    case set([(String, String)])
    case assign(RoleID)
    case notify([RoleID], String?)
    case advance(EventName, ActionTarget = .self)
    case start(WorkflowID, [(String, String)], assign: RoleID? = nil)
  }

  var workflows: [WorkflowDefinition]
  var lookups: [LookupDefinition] = []

  func expr(_ source: String, for workflow: WorkflowID, line: Int = 1) throws -> CompiledExpression {
    guard let w = workflows.first(where: { $0.id == workflow }) else {
      throw CompileFailure(description: "no workflow \(workflow)")
    }
    let env = CELEnvironment(
      variables: ExpressionVariables.declarations(for: w.fields.values),
      functions: lookups.map(\.celFunction))
    switch env.compile(source) {
    case .success(let program):
      return CompiledExpression(
        source: source, program: program, span: SourceSpan(file: "rules/test.yaml", line: line, column: 9))
    case .failure(let issues):
      throw CompileFailure(description: "\(source): \(issues)")
    }
  }

  /// A `${CEL}` template compiled for `workflow`.
  func template(_ text: String, for workflow: WorkflowID) throws -> MessageTemplate {
    var parts: [MessageTemplate.Part] = []
    var rest = Substring(text)
    while let open = rest.range(of: "${") {
      if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
      parts.append(.expression(try expr(String(rest[open.upperBound..<close]), for: workflow)))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { parts.append(.text(String(rest))) }
    return MessageTemplate(parts: parts)
  }

  func rule(
    _ id: RuleID, on trigger: RuleTrigger, _ filter: RuleFilter, if condition: String? = nil,
    onError: RuleErrorPolicy = .refuse, line: Int = 1, description: String? = nil,
    _ actions: [Action]
  ) throws -> RuleDefinition {
    var bodies: [WorkflowID: RuleBody] = [:]
    let applies = filter.workflows.isEmpty ? workflows.map(\.id) : filter.workflows
    for w in applies {
      bodies[w] = RuleBody(
        condition: try condition.map { try expr($0, for: w) },
        actions: try actions.map { try compile($0, for: w) })
    }
    return RuleDefinition(
      id: id, description: description, trigger: trigger, filter: filter, bodies: bodies,
      onError: onError, file: "rules/test.yaml", span: SourceSpan(file: "rules/test.yaml", line: line, column: 7))
  }

  private func compile(_ action: Action, for w: WorkflowID) throws -> ActionDefinition {
    switch action {
    case .set(let pairs):
      return .set(
        try pairs.map { FieldAssignment(field: FieldName($0.0), value: try expr($0.1, for: w)) }, span: nil)
    case .assign(let role):
      return .assign(role, span: nil)
    case .notify(let roles, let text):
      return .notify(roles: roles, message: try text.map { try template($0, for: w) }, span: nil)
    case .advance(let event, let target):
      return .fire(event, target: target, span: nil)
    case .start(let workflow, let pairs, let role):
      return .start(
        StartDefinition(
          workflow: workflow,
          fields: try pairs.map { FieldAssignment(field: FieldName($0.0), value: try expr($0.1, for: w)) },
          assignRole: role), span: nil)
    }
  }
}

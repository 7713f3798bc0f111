/// An environment ready to compile many expressions: what ``CELEnvironment/compile(_:)``
/// rebuilds for every expression (the checker's declarations, the planner's function table)
/// is built once here.
///
/// Docket's loader compiles every expression of a workflow and of the rules against one
/// environment per workflow; each command loads definitions afresh, so this is on every
/// command's path. Results are those of ``CELEnvironment/compile(_:)`` on the same environment.
package struct PreparedCELEnvironment: Sendable {
  package let environment: CELEnvironment
  private let declarations: CheckerDeclarations
  private let functionTable: FunctionTable

  package init(_ environment: CELEnvironment) {
    self.environment = environment
    declarations = environment.checkerDeclarations
    functionTable = environment.functionTable
  }

  /// As ``CELEnvironment/compile(_:)``: parses, checks and plans `source`.
  package func compile(_ source: String) -> Result<CELProgram, CELIssues> {
    let parsed: ParsedExpression
    switch environment.parse(source) {
    case .success(let p): parsed = p
    case .failure(let issues): return .failure(issues)
    }
    switch environment.typeCheck(parsed, declarations: declarations) {
    case .success(let c):
      return .success(
        environment.plan(
          parsed, source: source, resultType: c.type, references: c.references,
          functionTable: functionTable))
    case .failure(let issues):
      return .failure(issues)
    }
  }
}

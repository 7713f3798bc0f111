/// The bridge between the façade and the checker: what an environment declares, and issues
/// located in the source.
extension CELEnvironment {
  /// The names a checked expression may use: the standard library and extensions, then the
  /// environment's variables, its libraries' functions the checker does not already know,
  /// and its custom functions.
  package var checkerDeclarations: CheckerDeclarations {
    let shared = CheckerDeclarations.all
    var d = shared.extending()
    d.declare(identifiers: variables)
    for library in libraries {
      // A built-in library's functions are all among the shared declarations already.
      guard case .listed(let functions) = library.contents else { continue }
      for f in functions where !shared.declaresFunction(named: f.name) {
        d.declare(f.name, f.overloads.map(OverloadDeclaration.init))
      }
    }
    for f in functions { d.declare(f.name, f.overloads.map(OverloadDeclaration.init)) }
    return d
  }

  /// As ``compile(_:)``, and the expression's type must fit `expected`: a guard compiled
  /// with `expecting: .bool` refuses `visits + 1` with `expected type 'bool' but found 'int'`
  /// at load time. A `dyn` result fits anything (its value is checked when evaluated).
  public func compile(_ source: String, expecting expected: CELType) -> Result<
    CELProgram, CELIssues
  > {
    let parsed: ParsedExpression
    switch parse(source) {
    case .success(let p): parsed = p
    case .failure(let issues): return .failure(issues)
    }
    let checked: CheckedExpression
    switch typeCheck(parsed) {
    case .success(let c): checked = c
    case .failure(let issues): return .failure(issues)
    }
    var substitution = TypeSubstitution()
    guard substitution.isAssignable(expected, checked.type) else {
      let issue = CheckerDiagnostics.typeMismatch(
        expected: expected, found: checked.type, at: parsed.root.id)
      return .failure(CELIssues([CELIssue(issue, in: parsed.sourceMap)]))
    }
    return .success(
      plan(parsed, source: source, resultType: checked.type, references: checked.references))
  }

  /// Type-checks a parsed expression; issues come back sorted by position.
  /// `declarations`, when given, are this environment's ``checkerDeclarations`` built earlier.
  package func typeCheck(_ parsed: ParsedExpression, declarations: CheckerDeclarations? = nil)
    -> Result<CheckedExpression, CELIssues>
  {
    let checked = Checker.check(
      parsed.root, declarations: declarations ?? checkerDeclarations, container: container)
    guard checked.issues.isEmpty else {
      return .failure(CELIssues(checked.issues.map { CELIssue($0, in: parsed.sourceMap) }))
    }
    return .success(checked)
  }
}

extension OverloadDeclaration {
  /// The signature of a custom or library overload.
  init(_ overload: CELOverload) {
    self.init(
      id: overload.id, parameters: overload.parameters, result: overload.result,
      isMember: overload.isMember,
      typeParameters: overload.typeParameters.isEmpty ? nil : overload.typeParameters)
  }
}

extension CELIssue {
  /// A checker issue placed at its node's range (the start of the source when unknown).
  package init(_ issue: CheckerIssue, in map: SourceMap) {
    let range = map.range(of: issue.exprID) ?? 0..<0
    self.init(id: issue.id, message: issue.message, range: range, in: map)
  }
}

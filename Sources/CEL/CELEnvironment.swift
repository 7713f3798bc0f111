/// Where expressions are compiled: the variables they may use (with types), the functions
/// beyond the standard library, a container (namespace) for name resolution, and limits.
///
/// ```swift
/// let env = CELEnvironment(variables: ["fee": .double, "kind": .string])
/// switch env.compile("kind == 'minor' && fee > 0.0") {
/// case .success(let program): program.evaluate(CELBindings(["fee": 2.5, "kind": "minor"]))
/// case .failure(let issues): print(issues)
/// }
/// ```
public struct CELEnvironment: Sendable {
  /// Declared variables; qualified names (`x.y`) are allowed.
  public var variables: [String: CELType]
  /// Custom functions (their implementation may come from the activation instead).
  public var functions: [CELFunction]
  /// Extension libraries; ``CELLibrary/builtIn`` by default.
  public var libraries: [CELLibrary]
  /// Namespace for resolving names: with `com.example`, `y` means `com.example.y` if bound.
  public var container: String
  public var limits: CELLimits

  public init(
    variables: [String: CELType] = [:], functions: [CELFunction] = [],
    libraries: [CELLibrary] = CELLibrary.builtIn, container: String = "",
    limits: CELLimits = .default
  ) {
    self.variables = variables
    self.functions = functions
    self.libraries = libraries
    self.container = container
    self.limits = limits
  }

  /// Parses, checks and plans an expression. A program comes back only when there are no
  /// issues; issues carry codes, cel-go's wording and positions within `source`.
  public func compile(_ source: String) -> Result<CELProgram, CELIssues> {
    compile(source, checked: true)
  }

  /// As ``compile(_:)``; with `checked: false` the type checker is skipped and type errors
  /// surface as evaluation errors (cel-go's parse-only programs).
  public func compile(_ source: String, checked: Bool) -> Result<CELProgram, CELIssues> {
    let parsed: ParsedExpression
    switch parse(source) {
    case .success(let p): parsed = p
    case .failure(let issues): return .failure(issues)
    }
    guard checked else {
      return .success(plan(parsed, source: source, resultType: .dyn))
    }
    switch typeCheck(parsed) {
    case .success(let c):
      return .success(plan(parsed, source: source, resultType: c.type, references: c.references))
    case .failure(let issues):
      return .failure(issues)
    }
  }

  /// Parses only (syntax and limits), for tools and the checker's tests.
  package func parse(_ source: String, macros: Bool = true) -> Result<ParsedExpression, CELIssues> {
    switch Parser.parse(source, limits: limits, macros: macros) {
    case .success(let p): return .success(p)
    case .failure(let e):
      let map = SourceMap(source: source)
      return .failure(CELIssues([CELIssue(id: e.id, message: e.message, range: e.range, in: map)]))
    }
  }

  /// The type of the expression, or its type errors (the checker lives in `Checker/`).
  package func check(_ parsed: ParsedExpression) -> Result<CELType, CELIssues> {
    typeCheck(parsed).map(\.type)
  }

  /// Plans a parsed expression; with the checker's references, names resolve now rather
  /// than by trying candidate names at each evaluation.
  package func plan(
    _ parsed: ParsedExpression, source: String, resultType: CELType,
    references: [ExprID: CheckedReference]? = nil, functionTable: FunctionTable? = nil
  ) -> CELProgram {
    var planner = Planner(
      functions: functionTable ?? FunctionTable(libraries: libraries, functions: functions),
      container: container, limits: limits, references: references)
    let root = planner.plan(parsed.root)
    return CELProgram(
      source: source, resultType: resultType, root: root, slots: planner.slotCount,
      limits: limits, sourceMap: parsed.sourceMap)
  }

  /// All extension and custom overloads by function name (signatures for the checker).
  package var functionTable: FunctionTable {
    FunctionTable(libraries: libraries, functions: functions)
  }
}

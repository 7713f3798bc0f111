import Synchronization

/// A compiled expression, ready to evaluate many times (and from many threads).
///
/// Usually compiled when made (``CELEnvironment/compile(_:)``); a program made with
/// ``deferred(source:compile:)`` compiles on its first use instead, for callers that hold
/// many expressions already known to compile and evaluate few of them.
public final class CELProgram: Sendable {
  /// The expression source as given to ``CELEnvironment/compile(_:)``.
  public let source: String
  private let form: Form

  /// Planned already, or planned by its compile closure on first use.
  private enum Form: Sendable {
    case ready(Plan)
    case deferred(DeferredPlan)
  }

  /// What evaluation needs: the planned closure tree and what it was planned with.
  struct Plan: Sendable {
    var resultType: CELType
    var root: Eval
    var slots: Int
    var limits: CELLimits
    var sourceMap: SourceMap
  }

  init(
    source: String, resultType: CELType, root: @escaping Eval, slots: Int, limits: CELLimits,
    sourceMap: SourceMap
  ) {
    self.source = source
    form = .ready(
      Plan(resultType: resultType, root: root, slots: slots, limits: limits, sourceMap: sourceMap))
  }

  private init(source: String, later: DeferredPlan) {
    self.source = source
    form = .deferred(later)
  }

  /// A program for `source` that `compile` makes on first use (once, whichever thread asks
  /// first). Should `compile` fail, every evaluation is an error value naming the problem.
  package static func deferred(
    source: String, compile: @escaping @Sendable () -> Result<CELProgram, CELIssues>
  ) -> CELProgram {
    CELProgram(source: source, later: DeferredPlan(source: source, compile: compile))
  }

  fileprivate var plan: Plan {
    switch form {
    case .ready(let plan): plan
    case .deferred(let later): later.plan
    }
  }

  /// The type the checker deduced (`dyn` when unchecked). Compiles a deferred program.
  public var resultType: CELType { plan.resultType }

  /// Evaluates against variables. Never throws: failures are `.error` values that carry the
  /// id of the failing node (see ``range(of:)``).
  public func evaluate(_ activation: some CELActivation) -> CELValue {
    let plan = plan
    var state = EvalState(activation: activation, slots: plan.slots, limits: plan.limits)
    return plan.root(&state)
  }

  /// Evaluates with no variables.
  public func evaluate() -> CELValue {
    evaluate(CELBindings())
  }

  /// Where in ``source`` an evaluation error happened: Unicode-scalar offsets, or nil when
  /// the error does not name a node of this program.
  public func range(of error: CELError) -> Range<Int>? {
    plan.sourceMap.range(of: error.exprID)
  }

  /// The 1-based line and column (in scalars) of an evaluation error within ``source``.
  public func position(of error: CELError) -> (line: Int, column: Int)? {
    guard let r = range(of: error) else { return nil }
    return plan.sourceMap.lineColumn(ofOffset: r.lowerBound)
  }
}

/// The plan of a deferred program: made by its compile closure on first use, then kept.
private final class DeferredPlan: Sendable {
  private let source: String
  private let compile: @Sendable () -> Result<CELProgram, CELIssues>
  private let made = Mutex<CELProgram.Plan?>(nil)

  init(source: String, compile: @escaping @Sendable () -> Result<CELProgram, CELIssues>) {
    self.source = source
    self.compile = compile
  }

  var plan: CELProgram.Plan {
    made.withLock { made in
      if let made { return made }
      let plan: CELProgram.Plan
      switch compile() {
      case .success(let program): plan = program.plan
      case .failure(let issues):
        plan = Self.failed(source, issues.issues.first?.message ?? "does not compile")
      }
      made = plan
      return plan
    }
  }

  /// A plan whose every evaluation is the error `reason` (a deferred program that no longer
  /// compiles: its caller's definitions changed under it).
  private static func failed(_ source: String, _ reason: String) -> CELProgram.Plan {
    let message = "expression '\(source)' cannot be compiled: \(reason)"
    return CELProgram.Plan(
      resultType: .error, root: { _ in .error(CELError(code: "not_compiled", message)) }, slots: 0,
      limits: CELLimits(), sourceMap: SourceMap(source: source))
  }
}

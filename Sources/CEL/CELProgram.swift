/// A compiled expression, ready to evaluate many times (and from many threads).
public final class CELProgram: Sendable {
  /// The expression source as given to ``CELEnvironment/compile(_:)``.
  public let source: String
  /// The type the checker deduced (`dyn` when unchecked).
  public let resultType: CELType
  private let root: Eval
  private let slots: Int
  private let limits: CELLimits
  private let sourceMap: SourceMap

  init(
    source: String, resultType: CELType, root: @escaping Eval, slots: Int, limits: CELLimits,
    sourceMap: SourceMap
  ) {
    self.source = source
    self.resultType = resultType
    self.root = root
    self.slots = slots
    self.limits = limits
    self.sourceMap = sourceMap
  }

  /// Evaluates against variables. Never throws: failures are `.error` values that carry the
  /// id of the failing node (see ``range(of:)``).
  public func evaluate(_ activation: some CELActivation) -> CELValue {
    var state = EvalState(activation: activation, slots: slots, limits: limits)
    return root(&state)
  }

  /// Evaluates with no variables.
  public func evaluate() -> CELValue {
    evaluate(CELBindings())
  }

  /// Where in ``source`` an evaluation error happened: Unicode-scalar offsets, or nil when
  /// the error does not name a node of this program.
  public func range(of error: CELError) -> Range<Int>? {
    sourceMap.range(of: error.exprID)
  }

  /// The 1-based line and column (in scalars) of an evaluation error within ``source``.
  public func position(of error: CELError) -> (line: Int, column: Int)? {
    guard let r = range(of: error) else { return nil }
    return sourceMap.lineColumn(ofOffset: r.lowerBound)
  }
}

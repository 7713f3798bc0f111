/// The mutable state of one evaluation: the activation, comprehension variables by slot,
/// and the remaining iteration budget. Passed `inout` through the planned closures, so an
/// evaluation allocates nothing unless the expression has loops.
struct EvalState {
  let activation: any CELActivation
  var locals: [CELValue]
  var iterationsLeft: Int
  let maxCollectionSize: Int

  init(activation: any CELActivation, slots: Int, limits: CELLimits) {
    self.activation = activation
    self.locals = slots == 0 ? [] : Array(repeating: .null, count: slots)
    self.iterationsLeft = limits.maxIterations
    self.maxCollectionSize = limits.maxCollectionSize
  }
}

/// A planned node: evaluates against the state and returns a value (possibly `.error`).
typealias Eval = @Sendable (inout EvalState) -> CELValue

extension CELValue {
  /// Stamps a node id on an error that does not carry one yet.
  @inline(__always)
  func at(_ id: ExprID) -> CELValue {
    if case .error(var e) = self, e.exprID == 0 {
      e.exprID = id
      return .error(e)
    }
    return self
  }
}

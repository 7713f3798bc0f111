/// `all` and `exists` planned as tight loops: the predicate is evaluated per element and the
/// loop stops at the first deciding value, without the accumulator, the `&&`/`||` step and the
/// loop condition of the general comprehension (the hot path of guards such as
/// `items.exists(i, i.price > 100.0)`). Errors are absorbed exactly as the expanded macro
/// absorbs them: a later deciding element wins over an earlier error.
extension Planner {
  /// Nil unless `c` is the expansion of `all` or `exists` (one or two iteration variables).
  mutating func planQuantifier(_ c: Expr.Comprehension, id: ExprID) -> Eval? {
    guard case .ident(let result) = c.result.kind, result == c.accuVar,
      case .literal(.bool(let initial)) = c.accuInit.kind,
      case .call(let op, nil, let stepArgs) = c.loopStep.kind, stepArgs.count == 2,
      case .ident(let stepAcc) = stepArgs[0].kind, stepAcc == c.accuVar,
      op == (initial ? "_&&_" : "_||_")
    else { return nil }
    // `exists` stops when the accumulator is true, `all` when it is false.
    let decided = !initial
    let rangeEval = plan(c.iterRange)
    _ = newSlot(c.accuVar)
    let iterSlot = newSlot(c.iterVar)
    let iter2Slot = c.iterVar2.map { newSlot($0) }
    let predicate = plan(stepArgs[1])
    scopes.removeLast(iter2Slot == nil ? 2 : 3)
    let stepID = c.loopStep.id
    let limitError = CELValue.error(.limitExceeded("comprehension iteration limit exceeded", id))

    /// The accumulator after one more element, as `acc && p` / `acc || p` computes it.
    @Sendable func step(_ acc: CELValue, _ p: CELValue) -> CELValue {
      if case .bool(let b) = p, b != decided, case .bool = acc { return acc }
      if case .error = acc { return acc }
      if case .error = p { return p }
      return .error(.noMatchingOverload(op, [acc, p], stepID))
    }

    return { st in
      var acc = CELValue.bool(initial)
      switch rangeEval(&st) {
      case .list(let items):
        for i in items.indices {
          st.iterationsLeft -= 1
          if st.iterationsLeft < 0 { return limitError }
          if let s2 = iter2Slot {
            st.locals[iterSlot] = .int(Int64(i))
            st.locals[s2] = items[i]
          } else {
            st.locals[iterSlot] = items[i]
          }
          let p = predicate(&st)
          if case .bool(decided) = p { return p }
          acc = step(acc, p)
        }
      case .map(let m):
        for entry in m.entries {
          st.iterationsLeft -= 1
          if st.iterationsLeft < 0 { return limitError }
          st.locals[iterSlot] = entry.key
          if let s2 = iter2Slot { st.locals[s2] = entry.value }
          let p = predicate(&st)
          if case .bool(decided) = p { return p }
          acc = step(acc, p)
        }
      case .error(let e):
        return .error(e)
      case let range:
        return .error(
          .invalidArgument("cannot iterate over a value of type \(range.celType.runtimeName)", id))
      }
      return acc
    }
  }
}

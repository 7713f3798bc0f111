/// Planning of calls: operators get specialised closures (short-circuit logic with error
/// absorption, inline equality and ordering), functions are resolved once to their
/// implementation, and calls on constants are folded.
extension Planner {
  mutating func planCall(_ function: String, target: Expr?, args: [Expr], id: ExprID) -> Eval {
    // `ns.f(x)` where `ns.f` names a global function (`optional.of`, `math.greatest`).
    if let target, let (root, path) = Planner.qualifiedChain(target), localSlot(root) == nil {
      let qualified = ([root] + path + [function]).joined(separator: ".")
      let name = qualified.hasPrefix(".") ? String(qualified.dropFirst()) : qualified
      if functions.hasGlobal(name) || StandardLibrary.isGlobal(name) {
        return planCall(name, target: nil, args: args, id: id)
      }
    }
    if target == nil, let op = planOperator(function, args, id: id) {
      return op
    }
    var all: [Expr] = []
    if let target { all.append(target) }
    all.append(contentsOf: args)
    let evals = all.map { plan($0) }
    let member = target != nil
    let std: StandardFunction?
    if function == "matches", all.count == 2, case .string(let pattern)? = constantValue(all[1]) {
      // `s.matches('constant')`: compile the pattern once, now, instead of per evaluation.
      std = StandardLibrary.matcher(pattern)
    } else {
      std = StandardLibrary.resolve(function, member: member, arity: evals.count)
    }
    // `math.greatest(a, b, c)`: three or more numbers reach the list overload as one list,
    // as cel-go's macro passes them (the checker does the same).
    let variadic = !member && evals.count >= 3 && FunctionTable.variadicNumeric.contains(function)
    let registered = functions.overloads(function, member: member, arity: variadic ? 1 : evals.count)

    let impl: Eval
    if registered.isEmpty {
      guard let std else {
        let err = CELValue.error(
          member ? .noSuchOverload(id) : .unboundFunction(function, id))
        return { st in
          for e in evals {
            let v = e(&st)
            if case .error = v { return v }
          }
          return err
        }
      }
      impl = Planner.strictCall(evals, id: id) { args, _ in std(args) }
      if all.allSatisfy(isConstant) { return fold(impl, id) }
      return impl
    }
    let name = function
    return Planner.strictCall(evals, id: id) { values, st in
      let args = variadic ? [CELValue.list(values)] : values
      for o in registered where FunctionTable.matches(o.parameters, args) {
        if let f = o.implementation ?? st.activation.implementation(ofOverload: o.id) {
          return f(args)
        }
        return .error(.unboundFunction(o.id))
      }
      if let std { return std(args) }
      return .error(.noMatchingOverload(name, args))
    }
  }

  /// Evaluates arguments left to right, returns the first error, else applies `body`.
  static func strictCall(
    _ evals: [Eval], id: ExprID,
    _ body: @escaping @Sendable ([CELValue], inout EvalState) -> CELValue
  ) -> Eval {
    switch evals.count {
    case 1:
      let a = evals[0]
      return { st in
        let x = a(&st)
        if case .error = x { return x }
        return body([x], &st).at(id)
      }
    case 2:
      let a = evals[0]
      let b = evals[1]
      return { st in
        let x = a(&st)
        if case .error = x { return x }
        let y = b(&st)
        if case .error = y { return y }
        return body([x, y], &st).at(id)
      }
    default:
      return { st in
        var values: [CELValue] = []
        values.reserveCapacity(evals.count)
        for e in evals {
          let v = e(&st)
          if case .error = v { return v }
          values.append(v)
        }
        return body(values, &st).at(id)
      }
    }
  }

  /// Evaluates a constant sub-expression once, now.
  mutating func fold(_ eval: Eval, _ id: ExprID) -> Eval {
    var st = EvalState(activation: CELBindings(), slots: slotCount, limits: limits)
    let v = eval(&st)
    markConstant(id, v)
    return { _ in v }
  }

  // swiftlint:disable:next cyclomatic_complexity function_body_length
  private mutating func planOperator(_ f: String, _ args: [Expr], id: ExprID) -> Eval? {
    switch (f, args.count) {
    case ("_&&_", 2):
      let a = operand(args[0])
      let b = operand(args[1])
      return { st in
        let l = a.get(&st)
        if case .bool(false) = l { return l }
        let r = b.get(&st)
        if case .bool(false) = r { return r }
        if case .bool(true) = l, case .bool(true) = r { return r }
        if case .error = l { return l }
        if case .error = r { return r }
        return .error(.noMatchingOverload("_&&_", [l, r], id))
      }
    case ("_||_", 2):
      let a = operand(args[0])
      let b = operand(args[1])
      return { st in
        let l = a.get(&st)
        if case .bool(true) = l { return l }
        let r = b.get(&st)
        if case .bool(true) = r { return r }
        if case .bool(false) = l, case .bool(false) = r { return r }
        if case .error = l { return l }
        if case .error = r { return r }
        return .error(.noMatchingOverload("_||_", [l, r], id))
      }
    case ("_?_:_", 3):
      let c = plan(args[0])
      let a = plan(args[1])
      let b = plan(args[2])
      return { st in
        switch c(&st) {
        case .bool(true): return a(&st)
        case .bool(false): return b(&st)
        case .error(let e): return .error(e)
        case let other: return .error(.noMatchingOverload("_?_:_", [other], id))
        }
      }
    case ("@not_strictly_false", 1):
      if case .call("!_", nil, let inner) = args[0].kind, inner.count == 1 {
        // `exists` loops: continue while the accumulator is not true.
        let a = plan(inner[0])
        return { st in
          if case .bool(true) = a(&st) { return .bool(false) }
          return .bool(true)
        }
      }
      let a = plan(args[0])
      return { st in
        if case .bool(false) = a(&st) { return .bool(false) }
        return .bool(true)
      }
    case ("!_", 1):
      return unary(args[0], id) { v in
        if case .bool(let b) = v { return .bool(!b) }
        return .error(.noMatchingOverload("!_", [v]))
      }
    case ("-_", 1):
      return unary(args[0], id, Arithmetic.negate)
    case ("_==_", 2): return comparison(args, id, .equal)
    case ("_!=_", 2): return comparison(args, id, .notEqual)
    case ("_<_", 2): return comparison(args, id, .less)
    case ("_<=_", 2): return comparison(args, id, .lessOrEqual)
    case ("_>_", 2): return comparison(args, id, .greater)
    case ("_>=_", 2): return comparison(args, id, .greaterOrEqual)
    case ("_+_", 2):
      if case .ident(let acc) = args[0].kind, acc == Parser.accumulator, let slot = localSlot(acc),
        case .createList(let elements, let optional) = args[1].kind, optional.isEmpty
      {
        return appendInPlace(slot, elements, id)
      }
      let a = plan(args[0])
      let b = plan(args[1])
      let eval: Eval = { st in
        let x = a(&st)
        if case .error = x { return x }
        let y = b(&st)
        if case .error = y { return y }
        if case .int(let i) = x, case .int(let j) = y {
          let (r, o) = i.addingReportingOverflow(j)
          return o ? .error(.overflow("integer", id)) : .int(r)
        }
        return Arithmetic.add(x, y, maxSize: st.maxCollectionSize).at(id)
      }
      return isConstant(args[0]) && isConstant(args[1]) ? fold(eval, id) : eval
    case ("_-_", 2): return binary(args, id, Arithmetic.subtract)
    case ("_*_", 2): return binary(args, id, Arithmetic.multiply)
    case ("_/_", 2): return binary(args, id, Arithmetic.divide)
    case ("_%_", 2): return binary(args, id, Arithmetic.modulo)
    case ("_[_]", 2): return binary(args, id, Selection.index)
    case ("_[?_]", 2): return binary(args, id, Selection.optionalIndex)
    case ("@in", 2):
      return binary(args, id) { x, c in
        switch c {
        case .list(let items): return .bool(items.contains { $0.equalsValue(x) })
        case .map(let m): return .bool(m[x] != nil)
        default: return .error(.noMatchingOverload("@in", [x, c]))
        }
      }
    case ("cel.@mapInsert", 3), ("cel.@mapInsert", 2):
      guard case .ident(let acc) = args[0].kind, let slot = localSlot(acc) else { return nil }
      let rest = args.dropFirst().map { plan($0) }
      return { st in
        var values: [CELValue] = []
        for e in rest {
          let v = e(&st)
          if case .error = v { return v }
          values.append(v)
        }
        guard case .map(var m) = st.locals[slot] else { return st.locals[slot] }
        st.locals[slot] = .null
        if values.count == 2 {
          if !CELMap.isValidKey(values[0]) {
            return .error(.invalidArgument("unsupported key type", id))
          }
          if !m.insertNew(values[0], values[1]) {
            return .error(.invalidArgument("insert failed: key \(values[0]) already exists", id))
          }
        } else {
          guard case .map(let entry) = values[0] else {
            return .error(.noMatchingOverload("cel.@mapInsert", values, id))
          }
          for e in entry.entries where !m.insertNew(e.key, e.value) {
            return .error(.invalidArgument("insert failed: key \(e.key) already exists", id))
          }
        }
        return .map(m)
      }
    default:
      return nil
    }
  }

  /// `@result + [e]` inside a macro loop: appends to the accumulator without copying it.
  private mutating func appendInPlace(_ slot: Int, _ elements: [Expr], _ id: ExprID) -> Eval {
    let evals = elements.map { plan($0) }
    return { st in
      var new: [CELValue] = []
      for e in evals {
        let v = e(&st)
        if case .error = v { return v }
        new.append(v)
      }
      guard case .list(var items) = st.locals[slot] else { return st.locals[slot] }
      st.locals[slot] = .null
      if items.count + new.count > st.maxCollectionSize {
        return .error(Arithmetic.sizeLimit(st.maxCollectionSize))
      }
      items.append(contentsOf: new)
      return .list(items)
    }
  }

  private mutating func unary(
    _ arg: Expr, _ id: ExprID, _ f: @escaping @Sendable (CELValue) -> CELValue
  ) -> Eval {
    let a = plan(arg)
    let eval: Eval = { st in
      let x = a(&st)
      if case .error = x { return x }
      return f(x).at(id)
    }
    return isConstant(arg) ? fold(eval, id) : eval
  }

  private mutating func binary(
    _ args: [Expr], _ id: ExprID, _ f: @escaping @Sendable (CELValue, CELValue) -> CELValue
  ) -> Eval {
    let a = operand(args[0])
    let b = operand(args[1])
    let eval: Eval = { st in
      let x = a.get(&st)
      if case .error = x { return x }
      let y = b.get(&st)
      if case .error = y { return y }
      return f(x, y).at(id)
    }
    return isConstant(args[0]) && isConstant(args[1]) ? fold(eval, id) : eval
  }

  private mutating func comparison(_ args: [Expr], _ id: ExprID, _ op: Relation) -> Eval {
    let a = operand(args[0])
    let b = operand(args[1])
    let eval: Eval = { st in
      let x = a.get(&st)
      if case .error = x { return x }
      let y = b.get(&st)
      if case .error = y { return y }
      return op.apply(x, y, id)
    }
    return isConstant(args[0]) && isConstant(args[1]) ? fold(eval, id) : eval
  }
}

/// The six relational operators, applied without an extra closure call.
enum Relation: Sendable {
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

  var name: String {
    switch self {
    case .equal: "_==_"
    case .notEqual: "_!=_"
    case .less: "_<_"
    case .lessOrEqual: "_<=_"
    case .greater: "_>_"
    case .greaterOrEqual: "_>=_"
    }
  }

  @inline(__always)
  func test(_ order: Int) -> Bool {
    switch self {
    case .equal: order == 0
    case .notEqual: order != 0
    case .less: order < 0
    case .lessOrEqual: order <= 0
    case .greater: order > 0
    case .greaterOrEqual: order >= 0
    }
  }

  @inline(__always)
  func apply(_ l: CELValue, _ r: CELValue, _ id: ExprID) -> CELValue {
    switch self {
    case .equal: return .bool(l.equalsValue(r))
    case .notEqual: return .bool(!l.equalsValue(r))
    default:
      if case .double(let x) = l, case .double(let y) = r {
        if x.isNaN || y.isNaN { return .bool(false) }
        return .bool(test(x < y ? -1 : (x == y ? 0 : 1)))
      }
      if case .int(let x) = l, case .int(let y) = r {
        return .bool(test(x < y ? -1 : (x == y ? 0 : 1)))
      }
      let (order, comparable) = l.compare(r)
      guard comparable else { return .error(.noMatchingOverload(name, [l, r], id)) }
      guard let order else { return .bool(false) }
      return .bool(test(order))
    }
  }
}

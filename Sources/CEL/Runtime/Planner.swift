/// Turns a parsed (and possibly checked) expression into a tree of closures, once, at
/// compile time: names are resolved to comprehension slots or activation lookups, operators
/// to specialised closures, functions to their implementations, and constant
/// sub-expressions are folded. Evaluation then only runs closures (cel-go `planner.go`).
struct Planner {
  let functions: FunctionTable
  let container: String
  let limits: CELLimits
  var scopes: [(name: String, slot: Int)] = []
  private(set) var slotCount = 0
  /// Nodes whose value is known at compile time (folded).
  private var constants: [ExprID: CELValue] = [:]

  /// What the checker resolved each name to; nil for unchecked programs.
  let references: [ExprID: CheckedReference]?

  init(
    functions: FunctionTable, container: String, limits: CELLimits,
    references: [ExprID: CheckedReference]? = nil
  ) {
    self.functions = functions
    self.container = container
    self.limits = limits
    self.references = references
  }

  /// The variable the checker resolved a node to, if any.
  func resolvedName(_ id: ExprID) -> String? {
    if case .identifier(let name)? = references?[id] { return name }
    return nil
  }

  /// A direct lookup of a checked, fully qualified variable name.
  private func planResolved(_ name: String, id: ExprID) -> Eval {
    let missing: CELValue = Planner.typeValue(named: name) ?? .error(.undeclaredReference(name, id))
    return { st in st.activation.value(of: name) ?? missing }
  }

  func isConstant(_ e: Expr) -> Bool {
    if case .literal = e.kind { return true }
    return constants[e.id] != nil
  }

  func constantValue(_ e: Expr) -> CELValue? {
    if case .literal(let c) = e.kind { return Planner.constant(c) }
    return constants[e.id]
  }

  mutating func markConstant(_ id: ExprID, _ value: CELValue) { constants[id] = value }

  /// How a node's value is obtained, so operators can read constants, variables and loop
  /// variables directly instead of calling a closure for each.
  mutating func operand(_ e: Expr) -> Operand {
    if let v = constantValue(e) { return .constant(v) }
    if case .ident(let name) = e.kind {
      if let slot = localSlot(name) { return .local(slot) }
      let cands = candidates(name, [])
      if let resolved = resolvedName(e.id), Planner.typeValue(named: resolved) == nil {
        return .variable(resolved, .error(.undeclaredReference(resolved, e.id)))
      }
      if references == nil, cands.count == 1, Planner.typeValue(named: name) == nil {
        return .variable(cands[0].name, .error(.undeclaredReference(cands[0].name, e.id)))
      }
    }
    let eval = plan(e)
    if let v = constantValue(e) { return .constant(v) }
    return .eval(eval)
  }

  func localSlot(_ name: String) -> Int? {
    scopes.last { $0.name == name }?.slot
  }

  mutating func plan(_ e: Expr) -> Eval {
    let id = e.id
    switch e.kind {
    case .literal(let c):
      let v = Planner.constant(c)
      return { _ in v }
    case .ident(let name):
      if let slot = localSlot(name) { return { $0.locals[slot] } }
      if let resolved = resolvedName(id) { return planResolved(resolved, id: id) }
      return planGlobal(name, fields: [], id: id)
    case .select(let operand, let field, let testOnly, let optional):
      if !testOnly, !optional, let resolved = resolvedName(id) {
        return planResolved(resolved, id: id)
      }
      if references == nil, !testOnly, !optional, let (root, path) = Planner.qualifiedChain(e),
        localSlot(root) == nil
      {
        return planGlobal(root, fields: path, id: id)
      }
      if !testOnly, !optional, case .ident(let name) = operand.kind, localSlot(name) == nil,
        let root = resolvedName(operand.id)
      {
        // `variable.field` after checking: the activation may answer the field directly
        // (``CELActivation/selection(_:)``) instead of building the whole variable.
        let qualified = root + "." + field
        let op = plan(operand)
        return { st in
          if let v = st.activation.selection(qualified) { return v }
          return Selection.select(op(&st), field).at(id)
        }
      }
      if !testOnly, !optional, case .ident(let name) = operand.kind, let slot = localSlot(name) {
        // `x.field` on a loop variable: read the map in place.
        return { st in
          if case .map(let m) = st.locals[slot], let v = m[field] { return v }
          return Selection.select(st.locals[slot], field).at(id)
        }
      }
      let op = plan(operand)
      if testOnly {
        return { st in Selection.has(op(&st), field).at(id) }
      }
      if optional {
        return { st in Selection.optionalSelect(op(&st), field).at(id) }
      }
      return { st in Selection.select(op(&st), field).at(id) }
    case .call(let function, let target, let args):
      return planCall(function, target: target, args: args, id: id)
    case .createList(let elements, let optionalIndices):
      let eval = planList(elements, optionalIndices, id: id)
      return elements.allSatisfy(isConstant) ? fold(eval, id) : eval
    case .createMap(let entries):
      let eval = planMap(entries, id: id)
      let constant = entries.allSatisfy { isConstant($0.key) && isConstant($0.value) }
      return constant ? fold(eval, id) : eval
    case .comprehension(let c):
      return planComprehension(c, id: id)
    }
  }

  enum Operand {
    case constant(CELValue)
    case variable(String, CELValue)
    case local(Int)
    case eval(Eval)

    @inline(__always)
    func get(_ st: inout EvalState) -> CELValue {
      switch self {
      case .constant(let v): return v
      case .variable(let name, let missing): return st.activation.value(of: name) ?? missing
      case .local(let slot): return st.locals[slot]
      case .eval(let e): return e(&st)
      }
    }
  }

  static func constant(_ c: Expr.Constant) -> CELValue {
    switch c {
    case .null: .null
    case .bool(let b): .bool(b)
    case .int(let i): .int(i)
    case .uint(let u): .uint(u)
    case .double(let d): .double(d)
    case .string(let s): .string(s)
    case .bytes(let b): .bytes(b)
    }
  }

  /// `a.b.c` as root `a` and path `[b, c]` when the chain is made of plain selects on an ident.
  static func qualifiedChain(_ e: Expr) -> (String, [String])? {
    var path: [String] = []
    var cur = e
    while true {
      switch cur.kind {
      case .ident(let name):
        return (name, path.reversed())
      case .select(let operand, let field, false, false):
        path.append(field)
        cur = operand
      default:
        return nil
      }
    }
  }

  /// Candidate variable names for a (possibly qualified) name, most specific first: the
  /// container's prefixes before the bare name, longer qualified names before shorter ones.
  /// `parts` joined by dots. `joined(separator:)` on strings is unspecialised in the
  /// standard library: its first call in a process looks up associated types at run time
  /// (0.27 M instructions in a static binary, on every command that compiles an expression).
  static func dotted(_ parts: ArraySlice<String>) -> String {
    var out = ""
    for (i, part) in parts.enumerated() {
      if i > 0 { out += "." }
      out += part
    }
    return out
  }

  func candidates(_ root: String, _ fields: [String]) -> [(name: String, rest: [String])] {
    let absolute = root.hasPrefix(".")
    let bare = absolute ? String(root.dropFirst()) : root
    var prefixes: [String] = []
    if !absolute, !container.isEmpty {
      var parts = container.split(separator: ".").map(String.init)
      while !parts.isEmpty {
        prefixes.append(Self.dotted(parts[...]) + ".")
        parts.removeLast()
      }
    }
    prefixes.append("")
    var out: [(String, [String])] = []
    for k in stride(from: fields.count, through: 0, by: -1) {
      let qualified = fields.prefix(k).reduce(into: bare) { $0 += "." + $1 }
      for p in prefixes { out.append((p + qualified, Array(fields.dropFirst(k)))) }
    }
    return out
  }

  private func planGlobal(_ root: String, fields: [String], id: ExprID) -> Eval {
    let cands = candidates(root, fields)
    let fullName = fields.reduce(into: root.hasPrefix(".") ? String(root.dropFirst()) : root) {
      $0 += "." + $1
    }
    let typeValue = Planner.typeValue(named: fullName)
    if cands.count == 1, cands[0].rest.isEmpty {
      let name = cands[0].name
      let missing: CELValue = typeValue ?? .error(.undeclaredReference(name, id))
      return { st in st.activation.value(of: name) ?? missing }
    }
    let missing: CELValue = typeValue ?? .error(.undeclaredReference(fullName, id))
    return { st in
      for c in cands {
        if var v = st.activation.value(of: c.name) {
          for f in c.rest { v = Selection.select(v, f) }
          return v.at(id)
        }
      }
      return missing
    }
  }

  /// Type identifiers evaluate to type values: `int`, `list`, `google.protobuf.Timestamp`.
  static func typeValue(named name: String) -> CELValue? {
    if name == "dyn" { return nil }
    return CELType(runtimeName: name).map { CELValue.type($0) }
  }

  private mutating func planList(_ elements: [Expr], _ optionalIndices: [Int], id: ExprID) -> Eval {
    let evals = elements.map { plan($0) }
    let optional = Set(optionalIndices)
    if optional.isEmpty {
      return { st in
        var out: [CELValue] = []
        out.reserveCapacity(evals.count)
        for e in evals {
          let v = e(&st)
          if case .error = v { return v }
          out.append(v)
        }
        return .list(out)
      }
    }
    let flags = evals.indices.map { optional.contains($0) }
    return { st in
      var out: [CELValue] = []
      for (i, e) in evals.enumerated() {
        let v = e(&st)
        if case .error = v { return v }
        if flags[i] {
          switch v {
          case .optional(let inner?): out.append(inner)
          case .optional(nil): continue
          default:
            return .error(.invalidArgument("cannot use a non-optional value as an optional entry", id))
          }
        } else {
          out.append(v)
        }
      }
      return .list(out)
    }
  }

  private mutating func planMap(_ entries: [Expr.MapEntry], id: ExprID) -> Eval {
    let planned = entries.map { (key: plan($0.key), value: plan($0.value), optional: $0.optional, id: $0.id) }
    return { st in
      var map = CELMap()
      for e in planned {
        let k = e.key(&st)
        if case .error = k { return k }
        var v = e.value(&st)
        if case .error = v { return v }
        guard CELMap.isValidKey(k) else {
          return .error(.invalidArgument("unsupported key type: \(k.celType.runtimeName)", e.id))
        }
        if e.optional {
          switch v {
          case .optional(let inner?): v = inner
          case .optional(nil): continue
          default:
            return .error(.invalidArgument("cannot use a non-optional value as an optional entry", e.id))
          }
        }
        if !map.insertNew(k, v) {
          return .error(.invalidArgument("Failed with repeated key: \(k)", e.id))
        }
      }
      return .map(map)
    }
  }

  mutating func newSlot(_ name: String) -> Int {
    let s = slotCount
    slotCount += 1
    scopes.append((name, s))
    return s
  }

  private mutating func planComprehension(_ c: Expr.Comprehension, id: ExprID) -> Eval {
    if let quantifier = planQuantifier(c, id: id) { return quantifier }
    let rangeEval = plan(c.iterRange)
    let initEval = plan(c.accuInit)
    let accuSlot = newSlot(c.accuVar)
    let iterSlot = newSlot(c.iterVar)
    let iter2Slot = c.iterVar2.map { newSlot($0) }
    let condEval = plan(c.loopCondition)
    let conditionIsTrue: Bool
    if case .literal(.bool(true)) = c.loopCondition.kind { conditionIsTrue = true } else {
      conditionIsTrue = false
    }
    let stepEval = plan(c.loopStep)
    scopes.removeLast(iter2Slot == nil ? 1 : 2)
    let resultEval = plan(c.result)
    scopes.removeLast()
    let limitError = CELValue.error(.limitExceeded("comprehension iteration limit exceeded", id))

    return { st in
      let range = rangeEval(&st)
      st.locals[accuSlot] = initEval(&st)
      switch range {
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
          if !conditionIsTrue {
            guard case .bool(true) = condEval(&st) else { break }
          }
          st.locals[accuSlot] = stepEval(&st)
        }
      case .map(let m):
        for entry in m.entries {
          st.iterationsLeft -= 1
          if st.iterationsLeft < 0 { return limitError }
          st.locals[iterSlot] = entry.key
          if let s2 = iter2Slot { st.locals[s2] = entry.value }
          if !conditionIsTrue {
            guard case .bool(true) = condEval(&st) else { break }
          }
          st.locals[accuSlot] = stepEval(&st)
        }
      case .error:
        return range
      default:
        return .error(
          .invalidArgument("cannot iterate over a value of type \(range.celType.runtimeName)", id))
      }
      return resultEval(&st)
    }
  }
}

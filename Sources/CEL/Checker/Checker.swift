/// What a name in a checked expression resolved to (cel-go's reference map).
package enum CheckedReference: Sendable, Hashable {
  /// A declared variable or type name, fully qualified by the container (`com.example.y`).
  case identifier(String)
  /// A comprehension variable (`x` in `xs.all(x, x > 0)`).
  case local(String)
  /// A function with the ids of every overload that may apply.
  case function(String, overloadIDs: [String])
}

/// The result of checking: the unchanged tree with a type for every node, what each name
/// resolved to, and the problems found. Valid only when `issues` is empty.
package struct CheckedExpression: Sendable {
  package let root: Expr
  /// The type of every node, with type parameters resolved (unbound ones as `dyn`).
  package let types: [ExprID: CELType]
  package let references: [ExprID: CheckedReference]
  /// In the order found (a depth-first walk); callers sort by position.
  package let issues: [CheckerIssue]

  /// The type of the whole expression.
  package var type: CELType { types[root.id] ?? .error }
}

/// The CEL type checker, after cel-go `checker/checker.go`: one `check` switch over node kinds
/// that calls `checkIdent`, `checkSelect`, `checkCall`, `checkCreateList`, `checkCreateMap`
/// and `checkComprehension`; types unify through a ``TypeSubstitution``.
///
/// Pure: no I/O, deterministic. Recursion follows the tree, whose depth the parser bounds.
package struct Checker {
  let declarations: CheckerDeclarations
  /// Namespace for name resolution (`com.example`); empty for none.
  let container: String
  var substitution = TypeSubstitution()
  var types: [ExprID: CELType] = [:]
  var references: [ExprID: CheckedReference] = [:]
  var issues: [CheckerIssue] = []
  /// Comprehension variables, innermost scope last.
  var scopes: [[String: CELType]] = []
  private var freeTypeVariables = 0

  private init(declarations: CheckerDeclarations, container: String) {
    self.declarations = declarations
    self.container = container
  }

  /// Type-checks a parsed expression against declarations (standard library, extensions,
  /// the environment's variables and functions).
  package static func check(
    _ root: Expr, declarations: CheckerDeclarations, container: String = ""
  ) -> CheckedExpression {
    var checker = Checker(declarations: declarations, container: container)
    checker.check(root)
    // The final pass replaces every type parameter by its binding, or by dyn (cel-go `Check`).
    let resolved = checker.types.mapValues {
      checker.substitution.substitute($0, unboundToDyn: true)
    }
    let issues = checker.issues + LiteralValidation.issues(in: root)
    return CheckedExpression(
      root: root, types: resolved, references: checker.references, issues: issues)
  }

  mutating func check(_ e: Expr) {
    switch e.kind {
    case .literal(let constant):
      setType(e, Self.type(of: constant))
    case .ident(let name):
      checkIdent(e, name)
    case .select(let operand, let field, let testOnly, let optional):
      checkSelect(e, operand: operand, field: field, testOnly: testOnly, optional: optional)
    case .call(let function, let target, let args):
      checkCall(e, function: function, target: target, args: args)
    case .createList(let elements, let optionalIndices):
      checkCreateList(e, elements: elements, optionalIndices: optionalIndices)
    case .createMap(let entries):
      checkCreateMap(e, entries: entries)
    case .comprehension(let comprehension):
      checkComprehension(e, comprehension)
    }
  }

  private static func type(of constant: Expr.Constant) -> CELType {
    switch constant {
    case .null: .null
    case .bool: .bool
    case .int: .int
    case .uint: .uint
    case .double: .double
    case .string: .string
    case .bytes: .bytes
    }
  }

  // MARK: - Identifiers and selections

  private mutating func checkIdent(_ e: Expr, _ name: String) {
    if let (resolved, type, isLocal) = lookupIdentifier(name) {
      setType(e, type)
      references[e.id] = isLocal ? .local(resolved) : .identifier(resolved)
      return
    }
    setType(e, .error)
    report(
      CheckerDiagnostics.undeclaredReference(
        name, container: container, suggestion: suggestIdentifier(for: name), at: e.id))
  }

  private mutating func checkSelect(
    _ e: Expr, operand: Expr, field: String, testOnly: Bool, optional: Bool
  ) {
    // Before descending, try the whole chain as a qualified name (`a.b.c` declared as such).
    if !testOnly, !optional, let qualified = qualifiedName(of: e),
      let (resolved, type, _) = lookupQualifiedName(qualified)
    {
      setType(e, type)
      references[e.id] = .identifier(resolved)
      return
    }
    var result = checkSelectField(e, operand: operand, field: field, optional: optional)
    if testOnly { result = .bool }
    setType(e, substitution.substitute(result, unboundToDyn: false))
  }

  /// The type of `operand.field` (or `operand.?field`): a map's value type, `dyn` for dynamic
  /// operands; an optional operand makes the result optional.
  private mutating func checkSelectField(
    _ e: Expr, operand: Expr, field: String, optional: Bool
  ) -> CELType {
    check(operand)
    let operandType = substitution.substitute(typeOf(operand), unboundToDyn: false)
    var target = operandType
    var isOptional = false
    if case .optional(let inner) = operandType {
      target = inner
      isOptional = true
    }
    var result: CELType
    switch target {
    case .map(_, let value):
      result = value
    case .typeParam:
      // Pin the parameter to dyn so that it cannot later be bound to a type without fields.
      _ = substitution.isAssignable(.dyn, target)
      result = .dyn
    default:
      if !target.isDynOrError {
        report(CheckerDiagnostics.fieldSelectionUnsupported(on: target, at: e.id))
      }
      result = .dyn
    }
    if isOptional || optional { result = .optional(result) }
    return result
  }

  // MARK: - Aggregate literals

  private mutating func checkCreateList(_ e: Expr, elements: [Expr], optionalIndices: [Int]) {
    var elementType: CELType?
    for (i, element) in elements.enumerated() {
      check(element)
      var t = typeOf(element)
      if optionalIndices.contains(i) { t = unwrapOptional(element, t) }
      elementType = join(elementType, t)
    }
    setType(e, .list(elementType ?? newTypeVariable()))
  }

  private mutating func checkCreateMap(_ e: Expr, entries: [Expr.MapEntry]) {
    var keyType: CELType?
    var valueType: CELType?
    for entry in entries {
      check(entry.key)
      keyType = join(keyType, typeOf(entry.key))
      check(entry.value)
      var t = typeOf(entry.value)
      if entry.optional { t = unwrapOptional(entry.value, t) }
      valueType = join(valueType, t)
    }
    setType(e, .map(keyType ?? newTypeVariable(), valueType ?? newTypeVariable()))
  }

  /// The value type of an optional element (`[?x]`, `{?k: x}`); `x` must be optional or dyn.
  private mutating func unwrapOptional(_ e: Expr, _ t: CELType) -> CELType {
    if case .optional(let inner) = t { return inner }
    if !t.isDynOrError {
      report(CheckerDiagnostics.typeMismatch(expected: .optional(t), found: t, at: e.id))
    }
    return t
  }

  /// The most general type of two aggregate elements; mixed types give `dyn`, as cel-go's
  /// default for aggregate literals.
  mutating func join(_ previous: CELType?, _ current: CELType) -> CELType {
    guard let previous else { return current }
    if substitution.isAssignable(previous, current) {
      return TypeSubstitution.mostGeneral(previous, current)
    }
    return .dyn
  }

  // MARK: - Comprehensions

  private mutating func checkComprehension(_ e: Expr, _ c: Expr.Comprehension) {
    check(c.iterRange)
    check(c.accuInit)
    let rangeType = substitution.substitute(typeOf(c.iterRange), unboundToDyn: false)
    let accuType = typeOf(c.accuInit)
    scopes.append([c.accuVar: accuType])

    var varType: CELType
    var var2Type: CELType?
    switch rangeType {
    case .list(let element):
      // One variable: the element; two: the index and the element.
      if c.iterVar2 != nil {
        varType = .int
        var2Type = element
      } else {
        varType = element
      }
    case .map(let key, let value):
      varType = key
      var2Type = value
    case .dyn, .error, .typeParam:
      _ = substitution.isAssignable(.dyn, rangeType)
      varType = .dyn
      var2Type = .dyn
    default:
      report(CheckerDiagnostics.notAComprehensionRange(rangeType, at: c.iterRange.id))
      varType = .error
      var2Type = .error
    }

    var loopScope = [c.iterVar: varType]
    if let v2 = c.iterVar2 { loopScope[v2] = var2Type ?? .dyn }
    scopes.append(loopScope)
    check(c.loopCondition)
    assertType(c.loopCondition, .bool)
    check(c.loopStep)
    assertType(c.loopStep, accuType)
    // The result sees the accumulator but no longer the iteration variables.
    scopes.removeLast()
    check(c.result)
    scopes.removeLast()
    setType(e, substitution.substitute(typeOf(c.result), unboundToDyn: false))
  }

  // MARK: - Bookkeeping

  mutating func setType(_ e: Expr, _ t: CELType) {
    types[e.id] = t
  }

  func typeOf(_ e: Expr) -> CELType {
    types[e.id] ?? .error
  }

  mutating func report(_ issue: CheckerIssue) {
    issues.append(issue)
  }

  mutating func assertType(_ e: Expr, _ expected: CELType) {
    let found = typeOf(e)
    if !substitution.isAssignable(expected, found) {
      report(
        CheckerDiagnostics.typeMismatch(
          expected: substitution.substitute(expected, unboundToDyn: true),
          found: substitution.substitute(found, unboundToDyn: true), at: e.id))
    }
  }

  /// A type variable no declaration mentions (`_var0`, `_var1`, ...).
  mutating func newTypeVariable() -> CELType {
    defer { freeTypeVariables += 1 }
    return .typeParam("_var\(freeTypeVariables)")
  }
}

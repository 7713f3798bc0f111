/// Calls and overload resolution, after cel-go `checkCall` and `resolveOverload`.
extension Checker {
  /// Functions that take any number (at least three) of numeric arguments, checked as one
  /// list argument, as cel-go's `math.greatest`/`math.least` macros rewrite them.
  private static let variadicNumeric: Set<String> = ["math.greatest", "math.least"]

  mutating func checkCall(_ e: Expr, function: String, target: Expr?, args: [Expr]) {
    for arg in args { check(arg) }
    guard let target else {
      guard let declaration = lookupFunction(function) else {
        undeclaredFunction(e, function)
        return
      }
      resolveOverloadOrError(e, declaration, target: nil, args: args)
      return
    }
    // `a.b.f(x)` may be the namespaced function `a.b.f` rather than `f` on receiver `a.b`.
    if let prefix = qualifiedName(of: target),
      let declaration = lookupFunction("\(prefix).\(function)")
    {
      resolveOverloadOrError(e, declaration, target: nil, args: args)
      return
    }
    check(target)
    guard let declaration = lookupFunction(function) else {
      undeclaredFunction(e, function)
      return
    }
    resolveOverloadOrError(e, declaration, target: target, args: args)
  }

  private mutating func undeclaredFunction(_ e: Expr, _ function: String) {
    setType(e, .error)
    report(
      CheckerDiagnostics.undeclaredReference(
        function, container: container, suggestion: suggestFunction(for: function), at: e.id))
  }

  private mutating func resolveOverloadOrError(
    _ e: Expr, _ function: FunctionDeclaration, target: Expr?, args: [Expr]
  ) {
    guard let (reference, type) = resolveOverload(e, function, target: target, args: args) else {
      setType(e, .error)
      return
    }
    setType(e, type)
    references[e.id] = reference
  }

  /// The result type of a call and the overloads that may apply; nil (with an issue
  /// reported) when none does. Several matching overloads with different results give `dyn`.
  private mutating func resolveOverload(
    _ e: Expr, _ function: FunctionDeclaration, target: Expr?, args: [Expr]
  ) -> (CheckedReference, CELType)? {
    var argTypes = (target.map { [typeOf($0)] } ?? []) + args.map { typeOf($0) }
    if target == nil, args.count >= 3, Self.variadicNumeric.contains(function.name) {
      var element: CELType?
      for t in argTypes { element = join(element, t) }
      argTypes = [.list(element ?? .dyn)]
    }
    if function.name == "_&&_" || function.name == "_||_" {
      return resolveLogical(function, argTypes: argTypes, args: args)
    }

    var result: CELType?
    var matched: [String] = []
    for overload in function.overloads where overload.isMember == (target != nil) {
      var parameters = overload.parameters
      var overloadResult = overload.result
      if !overload.typeParameters.isEmpty {
        // Each use of a generic overload gets fresh type variables.
        var fresh: [String: CELType] = [:]
        for name in overload.typeParameters { fresh[name] = newTypeVariable() }
        parameters = parameters.map { $0.replacingTypeParameters(fresh) }
        overloadResult = overloadResult.replacingTypeParameters(fresh)
      }
      guard substitution.isAssignable(argTypes, parameters) else { continue }
      matched.append(overload.id)
      let resolved = substitution.substitute(overloadResult, unboundToDyn: false)
      if let previous = result {
        if previous != .dyn, previous != resolved { result = .dyn }
      } else {
        result = resolved
      }
    }
    guard let result else {
      let shown = argTypes.map { substitution.substitute($0, unboundToDyn: true) }
      report(
        CheckerDiagnostics.noMatchingOverload(
          function.name, arguments: shown, isMember: target != nil, at: e.id))
      return nil
    }
    return (.function(function.name, overloadIDs: matched), result)
  }

  /// `&&` and `||`: every operand must be a bool (or dyn); each one that is not is reported
  /// where it stands, as cel-go does.
  private mutating func resolveLogical(
    _ function: FunctionDeclaration, argTypes: [CELType], args: [Expr]
  ) -> (CheckedReference, CELType)? {
    var failed = false
    for (arg, t) in zip(args, argTypes) where !substitution.isAssignable(t, .bool) {
      report(
        CheckerDiagnostics.typeMismatch(
          expected: .bool, found: substitution.substitute(t, unboundToDyn: true), at: arg.id))
      failed = true
    }
    if failed { return nil }
    let ids = function.overloads.map(\.id)
    return (.function(function.name, overloadIDs: ids), .bool)
  }
}

extension CELType {
  /// This type with the named type parameters replaced (fresh variables for one call).
  func replacingTypeParameters(_ replacements: [String: CELType]) -> CELType {
    switch self {
    case .typeParam(let name): replacements[name] ?? self
    case .list(let e): .list(e.replacingTypeParameters(replacements))
    case .map(let k, let v):
      .map(k.replacingTypeParameters(replacements), v.replacingTypeParameters(replacements))
    case .type(let t): .type(t.replacingTypeParameters(replacements))
    case .optional(let t): .optional(t.replacingTypeParameters(replacements))
    case .opaque(let name, let ps):
      .opaque(name, ps.map { $0.replacingTypeParameters(replacements) })
    default: self
    }
  }
}

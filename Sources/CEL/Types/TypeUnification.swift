/// Assignability and unification of checked types, after cel-go `checker/types.go`.
///
/// The checker binds type parameters (`A` in `_+_(list(A), list(A))`, and the fresh
/// `_varN` each use of an overload gets) in a ``TypeSubstitution``. Binding is gradual: a
/// parameter first bound to `int` widens to `dyn` when it later meets `dyn`, so
/// `[1, dyn(2)]` is `list(dyn)` whatever the order of the elements.
package struct TypeSubstitution: Sendable, Hashable {
  private var bindings: [String: CELType] = [:]

  package init() {}

  package func binding(of name: String) -> CELType? { bindings[name] }

  /// cel-go `isAssignable(m, t1, t2)`: whether `t1` and `t2` unify, with cel-go's argument
  /// order (an argument type and a declared parameter type; an expected type and a found one;
  /// a list's joined element type and the next element's). On success the substitution is
  /// extended with the bindings that make it so; on failure it is unchanged.
  package mutating func isAssignable(_ t1: CELType, _ t2: CELType) -> Bool {
    var copy = self
    guard copy.internalIsAssignable(t1, t2) else { return false }
    self = copy
    return true
  }

  /// As ``isAssignable(_:_:)`` for lists of equal length (arguments against parameters).
  package mutating func isAssignable(_ l1: [CELType], _ l2: [CELType]) -> Bool {
    var copy = self
    guard copy.internalIsAssignable(l1, l2) else { return false }
    self = copy
    return true
  }

  /// Replaces bound type parameters by their bindings, recursively; unbound ones become
  /// `dyn` when `unboundToDyn` (the final pass), else stay.
  package func substitute(_ t: CELType, unboundToDyn: Bool) -> CELType {
    substitute(t, unboundToDyn: unboundToDyn, depth: 0)
  }

  // MARK: - cel-go's internalIsAssignable

  private mutating func internalIsAssignable(_ l1: [CELType], _ l2: [CELType]) -> Bool {
    guard l1.count == l2.count else { return false }
    for (t1, t2) in zip(l1, l2) where !internalIsAssignable(t1, t2) { return false }
    return true
  }

  private mutating func internalIsAssignable(_ t1: CELType, _ t2: CELType) -> Bool {
    if case .typeParam = t2 {
      let (valid, hasBinding) = validSubstitution(t1, for: t2)
      if valid { return true }
      if hasBinding { return false }
    }
    if case .typeParam = t1 {
      return validSubstitution(t2, for: t1).valid
    }
    if t1.isDynOrError || t2.isDynOrError { return true }
    if t1 == .null { return t2.isNullable }
    if t2 == .null { return t1.isNullable }
    switch (t1, t2) {
    case (.type, .type):
      // A type is a type: its parameter does not affect assignability (cel-go).
      return true
    case (.list(let e1), .list(let e2)):
      return internalIsAssignable(e1, e2)
    case (.map(let k1, let v1), .map(let k2, let v2)):
      return internalIsAssignable([k1, v1], [k2, v2])
    case (.optional(let a), .optional(let b)):
      return internalIsAssignable(a, b)
    case (.opaque(let n1, let p1), .opaque(let n2, let p2)):
      return n1 == n2 && internalIsAssignable(p1, p2)
    default:
      return t1 == t2
    }
  }

  /// cel-go `isValidTypeSubstitution`: whether `t` (a concrete type or another parameter) can
  /// stand for `param`, and whether `param` already had a binding.
  private mutating func validSubstitution(_ t: CELType, for param: CELType) -> (
    valid: Bool, hasBinding: Bool
  ) {
    if t == param { return (true, true) }
    guard case .typeParam(let name) = param else { return (false, false) }
    if let bound = bindings[name] {
      if t == bound { return (true, true) }
      if internalIsAssignable(t, bound) {
        let widened = Self.mostGeneral(t, bound)
        if notReferenced(param, in: widened) { bindings[name] = widened }
        return (true, true)
      }
      return (false, true)
    }
    if notReferenced(param, in: t) {
      bindings[name] = t
      return (true, false)
    }
    return (false, false)
  }

  /// The occurs check: `param` does not appear in `t`, directly or through bindings.
  private func notReferenced(_ param: CELType, in t: CELType, depth: Int = 0) -> Bool {
    if param == t { return false }
    if depth > Self.maxDepth { return false }
    switch t {
    case .typeParam(let name):
      guard let bound = bindings[name] else { return true }
      return notReferenced(param, in: bound, depth: depth + 1)
    case .list(let e), .optional(let e):
      return notReferenced(param, in: e, depth: depth + 1)
    case .map(let k, let v):
      return notReferenced(param, in: k, depth: depth + 1)
        && notReferenced(param, in: v, depth: depth + 1)
    case .opaque(_, let ps):
      return ps.allSatisfy { notReferenced(param, in: $0, depth: depth + 1) }
    default:
      return true
    }
  }

  private func substitute(_ t: CELType, unboundToDyn: Bool, depth: Int) -> CELType {
    // The occurs check keeps bindings acyclic; the depth bound is a second line of defence.
    guard depth <= Self.maxDepth else { return .dyn }
    let next = depth + 1
    switch t {
    case .typeParam(let name):
      if let bound = bindings[name] {
        return substitute(bound, unboundToDyn: unboundToDyn, depth: next)
      }
      return unboundToDyn ? .dyn : t
    case .list(let e): return .list(substitute(e, unboundToDyn: unboundToDyn, depth: next))
    case .map(let k, let v):
      return .map(
        substitute(k, unboundToDyn: unboundToDyn, depth: next),
        substitute(v, unboundToDyn: unboundToDyn, depth: next))
    case .type(let p): return .type(substitute(p, unboundToDyn: unboundToDyn, depth: next))
    case .optional(let e): return .optional(substitute(e, unboundToDyn: unboundToDyn, depth: next))
    case .opaque(let name, let ps):
      return .opaque(name, ps.map { substitute($0, unboundToDyn: unboundToDyn, depth: next) })
    default:
      return t
    }
  }

  /// Type nesting deeper than this is treated as `dyn` rather than followed further.
  private static let maxDepth = 256

  /// The more general of two types known to unify (cel-go `mostGeneral`).
  ///
  /// Unlike cel-go, `null` joined with a nullable type gives that type, so `[optional.of(1),
  /// null]` is a `list(optional_type(int))` (the conformance `legacy_nullable_types` case).
  package static func mostGeneral(_ t1: CELType, _ t2: CELType) -> CELType {
    if t2 == .null, t1.isNullable { return t1 }
    if t1 == .null, t2.isNullable { return t2 }
    return t1.isEqualOrLessSpecific(than: t2) ? t1 : t2
  }
}

extension CELType {
  /// `dyn`, or the error type that checking gives a broken subexpression.
  package var isDynOrError: Bool {
    switch self {
    case .dyn, .error: true
    default: false
    }
  }

  /// Types to which `null` may be assigned: `null_type` itself and, as cel-go keeps for
  /// compatibility, timestamps, durations, optionals and abstract types.
  package var isNullable: Bool {
    switch self {
    case .null, .timestamp, .duration, .optional, .opaque: true
    default: false
    }
  }

  /// Whether `self` is `other`, or less specific than it through `dyn` or a type parameter
  /// (cel-go `isEqualOrLessSpecific`).
  package func isEqualOrLessSpecific(than other: CELType) -> Bool {
    switch (self, other) {
    case (.dyn, _), (.typeParam, _): return true
    case (_, .dyn), (_, .typeParam): return false
    case (.list(let a), .list(let b)), (.optional(let a), .optional(let b)):
      return a.isEqualOrLessSpecific(than: b)
    case (.map(let k1, let v1), .map(let k2, let v2)):
      return k1.isEqualOrLessSpecific(than: k2) && v1.isEqualOrLessSpecific(than: v2)
    case (.type, .type):
      return true
    case (.opaque(let n1, let p1), .opaque(let n2, let p2)):
      guard n1 == n2, p1.count == p2.count else { return false }
      return zip(p1, p2).allSatisfy { $0.isEqualOrLessSpecific(than: $1) }
    default:
      return self == other
    }
  }

  /// The names of the type parameters that occur in this type.
  package var typeParameterNames: [String] {
    switch self {
    case .typeParam(let name): [name]
    case .list(let e), .optional(let e), .type(let e): e.typeParameterNames
    case .map(let k, let v): k.typeParameterNames + v.typeParameterNames
    case .opaque(_, let ps): ps.flatMap(\.typeParameterNames)
    default: []
    }
  }
}

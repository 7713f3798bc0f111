/// The identity of one node of a parsed expression. The parser numbers nodes from 1 in the
/// order it creates them; types, positions and runtime errors refer to nodes by this id.
package typealias ExprID = Int64

/// One node of a parsed CEL expression: an id and what the node is.
///
/// Macros (`has`, `all`, `exists`, `map`, ...) are already expanded by the parser into
/// `.select(testOnly:)` and `.comprehension`, so later stages know a single loop form
/// (as cel-go's `parser/macro.go`).
package struct Expr: Sendable, Hashable {
  package let id: ExprID
  package let kind: Kind

  package init(id: ExprID, kind: Kind) {
    self.id = id
    self.kind = kind
  }

  package indirect enum Kind: Sendable, Hashable {
    /// A literal constant: null, bool, int, uint, double, string or bytes.
    case literal(Constant)
    /// A simple name; a leading dot (`.y`, root-scoped) is kept in the name.
    case ident(String)
    /// `operand.field`; `testOnly` for `has(operand.field)`, `optional` for `operand.?field`.
    case select(operand: Expr, field: String, testOnly: Bool, optional: Bool)
    /// A global call `f(args)` or a member call `target.f(args)`. Operators are calls too,
    /// with cel-go's names (`_+_`, `_&&_`, `_?_:_`, `_[_]`, `_[?_]`, `!_`, `-_`, `@in`, ...).
    case call(function: String, target: Expr?, args: [Expr])
    /// `[a, ?b]`: `optionalIndices` lists the elements written with `?`.
    case createList(elements: [Expr], optionalIndices: [Int])
    /// `{k: v, ?k2: v2}`.
    case createMap(entries: [MapEntry])
    /// The single loop form every macro expands into.
    case comprehension(Comprehension)
  }

  package enum Constant: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
  }

  package struct MapEntry: Sendable, Hashable {
    /// The id of the entry itself (positions of `key: value`).
    package let id: ExprID
    package let key: Expr
    package let value: Expr
    package let optional: Bool

    package init(id: ExprID, key: Expr, value: Expr, optional: Bool) {
      self.id = id
      self.key = key
      self.value = value
      self.optional = optional
    }
  }

  /// A fold over a list or map, as in cel-go:
  ///
  /// ```
  /// accuVar = accuInit
  /// for (iterVar[, iterVar2]) in iterRange {
  ///   if !loopCondition { break }
  ///   accuVar = loopStep
  /// }
  /// return result
  /// ```
  /// Over a list, one variable is the element; two variables are index and element. Over a
  /// map, one variable is the key; two are key and value.
  package struct Comprehension: Sendable, Hashable {
    package let iterVar: String
    package let iterVar2: String?
    package let iterRange: Expr
    package let accuVar: String
    package let accuInit: Expr
    package let loopCondition: Expr
    package let loopStep: Expr
    package let result: Expr

    package init(
      iterVar: String, iterVar2: String? = nil, iterRange: Expr, accuVar: String, accuInit: Expr,
      loopCondition: Expr, loopStep: Expr, result: Expr
    ) {
      self.iterVar = iterVar
      self.iterVar2 = iterVar2
      self.iterRange = iterRange
      self.accuVar = accuVar
      self.accuInit = accuInit
      self.loopCondition = loopCondition
      self.loopStep = loopStep
      self.result = result
    }
  }
}

/// A function an environment provides beyond the standard library: its overloads, each with
/// a signature (for the checker) and, usually, an implementation.
public struct CELFunction: Sendable {
  public var name: String
  public var overloads: [CELOverload]

  public init(_ name: String, overloads: [CELOverload]) {
    self.name = name
    self.overloads = overloads
  }
}

/// The code behind an overload: receives the arguments (the receiver first for member
/// calls), already evaluated and free of errors; returns a value or `.error`.
public typealias CELImplementation = @Sendable ([CELValue]) -> CELValue

/// One signature of a function.
public struct CELOverload: Sendable {
  /// Unique id, as cel-go's (`string_lower_ascii`); an activation may supply the
  /// implementation by this id at evaluation time.
  public var id: String
  /// Parameter types; for a member overload the receiver's type comes first.
  public var parameters: [CELType]
  public var result: CELType
  /// `x.f(y)` rather than `f(x, y)`.
  public var isMember: Bool
  /// Names of type parameters used in the signature (`T` in `list(T)`).
  public var typeParameters: [String]
  /// Nil when the implementation comes from the activation (per-evaluation data).
  public var implementation: CELImplementation?

  public init(
    _ id: String, _ parameters: [CELType], _ result: CELType, member: Bool = false,
    typeParameters: [String] = [], implementation: CELImplementation? = nil
  ) {
    self.id = id
    self.parameters = parameters
    self.result = result
    self.isMember = member
    self.typeParameters = typeParameters
    self.implementation = implementation
  }
}

/// A named set of functions registered together (the standard library, `strings`, `math`).
/// Extension libraries live one per file in `Runtime/Extensions/` and are listed in
/// ``CELLibrary/builtIn``.
public struct CELLibrary: Sendable {
  public var name: String
  public var functions: [CELFunction]

  public init(name: String, functions: [CELFunction]) {
    self.name = name
    self.functions = functions
  }
}

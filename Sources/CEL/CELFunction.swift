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
/// ``CELLibrary/builtIn``; their functions are built one at a time, when first called for.
public struct CELLibrary: Sendable {
  public var name: String
  /// Every function of the library (a built-in library builds them all to answer this).
  public var functions: [CELFunction] {
    get {
      switch contents {
      case .listed(let functions): functions
      case .deferred(let deferred): deferred.all
      }
    }
    set { contents = .listed(newValue) }
  }
  package private(set) var contents: Contents

  /// Where a library's functions are: given whole, or built one by one on first use.
  package enum Contents: Sendable {
    case listed([CELFunction])
    /// A built-in library; ``LibraryFunctions`` declares all its functions to the checker.
    case deferred(DeferredFunctions)
  }

  public init(name: String, functions: [CELFunction]) {
    self.name = name
    contents = .listed(functions)
  }

  /// A built-in library whose functions `build` makes, one name at a time.
  init(name: String, names: [String], build: @escaping @Sendable (String) -> CELFunction?) {
    self.name = name
    contents = .deferred(DeferredFunctions(names: names, build: build))
  }
}

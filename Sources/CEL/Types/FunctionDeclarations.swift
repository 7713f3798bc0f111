/// The signature of one overload, as the checker sees it (cel-go `decls.OverloadDecl`).
package struct OverloadDeclaration: Sendable, Hashable {
  /// Stable, cel-go-like id: `add_int64`, `size_string`, `string_lower_ascii`.
  package let id: String
  /// Parameter types; for a member overload the receiver comes first.
  package let parameters: [CELType]
  package let result: CELType
  /// `x.f(y)` rather than `f(x, y)`.
  package let isMember: Bool
  /// The type parameters of the signature; each use of the overload gets fresh ones.
  package let typeParameters: [String]

  package init(
    id: String, parameters: [CELType], result: CELType, isMember: Bool,
    typeParameters: [String]? = nil
  ) {
    self.id = id
    self.parameters = parameters
    self.result = result
    self.isMember = isMember
    // Declarations written without an explicit list (custom functions, the conformance
    // `type_env`) get the parameters that occur in the signature, in order of appearance.
    var names: [String] = []
    if let typeParameters {
      for name in typeParameters where !names.contains(name) { names.append(name) }
    } else {
      // Without the intermediate arrays: the standard tables declare hundreds of overloads
      // when a process first compiles an expression.
      for type in parameters { type.collectTypeParameterNames(into: &names) }
      result.collectTypeParameterNames(into: &names)
    }
    self.typeParameters = names
  }
}

/// A function name and its overloads (cel-go `decls.FunctionDecl`).
package struct FunctionDeclaration: Sendable, Hashable {
  package let name: String
  package private(set) var overloads: [OverloadDeclaration]

  package init(name: String, overloads: [OverloadDeclaration]) {
    self.name = name
    self.overloads = []
    for o in overloads { add(o) }
  }

  /// Adds an overload unless one with the same id is already declared (the first wins, so
  /// the standard declarations cannot be redefined by a library listing them again).
  package mutating func add(_ overload: OverloadDeclaration) {
    guard !overloads.contains(where: { $0.id == overload.id }) else { return }
    overloads.append(overload)
  }

  /// `upper`'s overloads added to `lower`'s (the first overload of an id wins).
  static func merging(_ upper: FunctionDeclaration, over lower: FunctionDeclaration?)
    -> FunctionDeclaration
  {
    guard var merged = lower else { return upper }
    for o in upper.overloads { merged.add(o) }
    return merged
  }
}

/// Everything a checked expression may refer to by name: functions with their overloads and
/// identifiers (variables and type names) with their types.
///
/// Declarations can be layered: an environment's variables and custom functions sit on top
/// of the shared standard tables (``extending()``), so compiling an expression does not copy
/// the standard library's tables. The bottom layer, ``all``, holds the standard library and
/// extensions as ``LibraryFunctions``: declared group by group when first looked up, since a
/// process checks a handful of functions out of hundreds of overloads.
package struct CheckerDeclarations: Sendable {
  private var functions: [String: FunctionDeclaration] = [:]
  private var identifiers: [String: CELType] = [:]
  private var base: Layer?
  /// Whether ``LibraryFunctions`` sit under this layer's own functions.
  private var includesLibrary = false
  /// The one function this table declares, when it declares one only.
  private var onlyFunction: String?

  /// The declarations underneath a layer, shared rather than copied.
  private final class Layer: Sendable {
    let declarations: CheckerDeclarations
    init(_ declarations: CheckerDeclarations) { self.declarations = declarations }
  }

  package init() {}

  /// An empty layer over these declarations.
  package func extending() -> CheckerDeclarations {
    var layer = CheckerDeclarations()
    layer.base = Layer(self)
    return layer
  }

  /// Function `name` as running `declare` (a `declare...` table) declares it, without
  /// building the table's other functions.
  static func declaring(only name: String, by declare: (inout CheckerDeclarations) -> Void)
    -> FunctionDeclaration?
  {
    var d = CheckerDeclarations()
    d.onlyFunction = name
    declare(&d)
    return d.functions[name]
  }

  /// An empty layer whose functions and type names are the standard library's and the
  /// extensions'.
  static func libraryLayer() -> CheckerDeclarations {
    var layer = CheckerDeclarations()
    layer.includesLibrary = true
    return layer
  }

  /// A function with the overloads of every layer (lower layers' first).
  package func function(named name: String) -> FunctionDeclaration? {
    var inherited = base?.declarations.function(named: name)
    if includesLibrary, let library = LibraryFunctions.function(named: name) {
      inherited = FunctionDeclaration.merging(library, over: inherited)
    }
    guard let own = functions[name] else { return inherited }
    return FunctionDeclaration.merging(own, over: inherited)
  }

  /// Whether any layer declares `name`, without declaring the library's function to find out.
  package func declaresFunction(named name: String) -> Bool {
    functions[name] != nil || (includesLibrary && LibraryFunctions.declares(name))
      || (base?.declarations.declaresFunction(named: name) ?? false)
  }

  /// The type of a variable or type name; upper layers shadow lower ones.
  package func identifier(named name: String) -> CELType? {
    if let own = identifiers[name] { return own }
    if includesLibrary, let type = LibraryFunctions.typeIdentifier(named: name) { return type }
    return base?.declarations.identifier(named: name)
  }

  /// Every declared function name, sorted.
  package var functionNames: [String] {
    var names = Set(functions.keys).union(base?.declarations.functionNames ?? [])
    if includesLibrary { names.formUnion(LibraryFunctions.names) }
    return names.sorted()
  }

  /// Every declared identifier, sorted.
  package var identifierNames: [String] {
    var names = Set(identifiers.keys).union(base?.declarations.identifierNames ?? [])
    if includesLibrary { names.formUnion(LibraryFunctions.typeIdentifierNames) }
    return names.sorted()
  }

  /// Adds overloads to `function`; in a table declaring one function only
  /// (``declaring(only:by:)``) the overloads of others are not even built.
  package mutating func declare(
    _ function: String, _ overloads: @autoclosure () -> [OverloadDeclaration]
  ) {
    if let onlyFunction, onlyFunction != function { return }
    let overloads = overloads()
    var decl = functions[function] ?? FunctionDeclaration(name: function, overloads: [])
    for o in overloads { decl.add(o) }
    functions[function] = decl
  }

  package mutating func declare(identifier name: String, _ type: CELType) {
    identifiers[name] = type
  }

  /// Declares every identifier of `new` (replacing earlier types of the same names); into a
  /// layer without identifiers yet, such as an environment's, this shares `new` as it is.
  package mutating func declare(identifiers new: [String: CELType]) {
    if identifiers.isEmpty {
      identifiers = new
    } else {
      identifiers.merge(new) { _, type in type }
    }
  }

  /// Adds every function and identifier of `other`'s own layer (not the library functions
  /// of ``all``); existing overloads keep precedence.
  package mutating func merge(_ other: CheckerDeclarations) {
    for (name, f) in other.functions { declare(name, f.overloads) }
    for (name, t) in other.identifiers { identifiers[name] = t }
  }
}

// MARK: - Helpers that keep the declaration tables readable

/// A global overload `f(params) -> result`.
func global(_ id: String, _ params: [CELType], _ result: CELType) -> OverloadDeclaration {
  OverloadDeclaration(id: id, parameters: params, result: result, isMember: false)
}

/// A member overload `params[0].f(params[1...]) -> result`.
func member(_ id: String, _ params: [CELType], _ result: CELType) -> OverloadDeclaration {
  OverloadDeclaration(id: id, parameters: params, result: result, isMember: true)
}

extension CELType {
  /// Appends the type parameters in this type that `names` does not hold yet, in order of
  /// appearance (``typeParameterNames`` without duplicates, into one array).
  fileprivate func collectTypeParameterNames(into names: inout [String]) {
    switch self {
    case .typeParam(let name): if !names.contains(name) { names.append(name) }
    case .list(let e), .optional(let e), .type(let e): e.collectTypeParameterNames(into: &names)
    case .map(let k, let v):
      k.collectTypeParameterNames(into: &names)
      v.collectTypeParameterNames(into: &names)
    case .opaque(_, let ps): for p in ps { p.collectTypeParameterNames(into: &names) }
    default: break
    }
  }

  /// Type parameters as the standard declarations name them.
  static let paramA = CELType.typeParam("A")
  static let paramB = CELType.typeParam("B")
  static let paramK = CELType.typeParam("K")
  static let paramV = CELType.typeParam("V")
}

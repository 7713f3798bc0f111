/// The functions an environment adds to the standard library (extension libraries and
/// custom functions), found by name for planning.
///
/// Built-in libraries are asked for a function only when an expression calls it, so an
/// environment that plans `contact_count + 1` builds none of their overloads; making the
/// table only keeps the libraries and indexes the custom functions.
package struct FunctionTable: Sendable {
  private let libraries: [CELLibrary]
  private var custom: [String: [CELOverload]] = [:]

  /// Overloads of a name keep the order of `libraries`, then `functions`.
  init(libraries: [CELLibrary], functions: [CELFunction]) {
    self.libraries = libraries
    for f in functions { custom[f.name, default: []].append(contentsOf: f.overloads) }
  }

  /// Functions called with any number (three or more) of numbers, passed as one list.
  static let variadicNumeric: Set<String> = ["math.greatest", "math.least"]

  package func all(_ name: String) -> [CELOverload] {
    var overloads: [CELOverload] = []
    for library in libraries {
      switch library.contents {
      case .deferred(let deferred):
        if let f = deferred.function(named: name) { overloads.append(contentsOf: f.overloads) }
      case .listed(let functions):
        // Libraries given whole are few and small (built-in ones are deferred).
        for f in functions where f.name == name { overloads.append(contentsOf: f.overloads) }
      }
    }
    if let own = custom[name] { overloads.append(contentsOf: own) }
    return overloads
  }

  package func hasGlobal(_ name: String) -> Bool {
    all(name).contains { !$0.isMember }
  }

  /// Overloads for a call shape; for member calls `arity` counts the receiver.
  package func overloads(_ name: String, member: Bool, arity: Int) -> [CELOverload] {
    all(name).filter { $0.isMember == member && $0.parameters.count == arity }
  }

  /// Whether runtime values fit declared parameter types (`dyn` and type parameters fit all).
  static func matches(_ params: [CELType], _ args: [CELValue]) -> Bool {
    guard params.count == args.count else { return false }
    for (p, a) in zip(params, args) where !fits(a, p) { return false }
    return true
  }

  static func fits(_ v: CELValue, _ t: CELType) -> Bool {
    switch (t, v) {
    case (.dyn, _), (.typeParam, _): true
    case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double),
      (.string, .string), (.bytes, .bytes), (.list, .list), (.map, .map), (.type, .type),
      (.timestamp, .timestamp), (.duration, .duration), (.optional, .optional):
      true
    default: false
    }
  }
}

/// The functions an environment adds to the standard library (extension libraries and
/// custom functions), found by name for planning.
///
/// Built-in libraries are asked for a function only when an expression calls it, so an
/// environment that plans `contact_count + 1` builds none of their overloads; the functions
/// of other libraries and custom functions are indexed when the table is made.
package struct FunctionTable: Sendable {
  /// Where overloads come from, in the order their overloads are tried.
  private var sources: [Source] = []

  private enum Source: Sendable {
    case deferred(DeferredFunctions)
    case listed([String: [CELOverload]])

    func overloads(_ name: String) -> [CELOverload] {
      switch self {
      case .deferred(let library): library.function(named: name)?.overloads ?? []
      case .listed(let byName): byName[name] ?? []
      }
    }
  }

  /// Overloads of a name keep the order of `libraries`, then `functions`.
  init(libraries: [CELLibrary], functions: [CELFunction]) {
    var listed: [String: [CELOverload]] = [:]
    for library in libraries {
      switch library.contents {
      case .listed(let fs):
        for f in fs { listed[f.name, default: []].append(contentsOf: f.overloads) }
      case .deferred(let deferred):
        if !listed.isEmpty {
          sources.append(.listed(listed))
          listed = [:]
        }
        sources.append(.deferred(deferred))
      }
    }
    for f in functions { listed[f.name, default: []].append(contentsOf: f.overloads) }
    if !listed.isEmpty { sources.append(.listed(listed)) }
  }

  /// Functions called with any number (three or more) of numbers, passed as one list.
  static let variadicNumeric: Set<String> = ["math.greatest", "math.least"]

  package func all(_ name: String) -> [CELOverload] {
    if sources.count == 1 { return sources[0].overloads(name) }
    var overloads: [CELOverload] = []
    for source in sources { overloads.append(contentsOf: source.overloads(name)) }
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

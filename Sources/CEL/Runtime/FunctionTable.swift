/// The functions an environment adds to the standard library (extension libraries and
/// custom functions), indexed by name for planning and checking.
package struct FunctionTable: Sendable {
  private var byName: [String: [CELOverload]] = [:]

  init(libraries: [CELLibrary], functions: [CELFunction]) {
    for f in libraries.flatMap(\.functions) + functions {
      byName[f.name, default: []].append(contentsOf: f.overloads)
    }
  }

  /// Functions called with any number (three or more) of numbers, passed as one list.
  static let variadicNumeric: Set<String> = ["math.greatest", "math.least"]

  package var names: [String] { Array(byName.keys) }

  package func all(_ name: String) -> [CELOverload] { byName[name] ?? [] }

  package func hasGlobal(_ name: String) -> Bool {
    byName[name]?.contains { !$0.isMember } ?? false
  }

  /// Overloads for a call shape; for member calls `arity` counts the receiver.
  package func overloads(_ name: String, member: Bool, arity: Int) -> [CELOverload] {
    (byName[name] ?? []).filter { $0.isMember == member && $0.parameters.count == arity }
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

import Foundation

/// The functions of a built-in library, each built the first time it is called for.
///
/// An extension library's table of overloads with their implementations is thousands of
/// closures and type values; every `docket` process that compiles an expression used to
/// build all of them to plan the one or two it calls. The checker already knows every
/// function of these libraries (``LibraryFunctions``), so they need no names up front either.
package final class DeferredFunctions: @unchecked Sendable {
  /// Function names in the library's order.
  let names: [String]
  private let build: @Sendable (String) -> CELFunction?
  private let lock = NSLock()
  /// Built functions, by their index in ``names``; empty until the first is built (a
  /// process that builds none does not even instantiate the array's type).
  private var built: [CELFunction?] = []

  /// `build` returns the function called `name`, or nil for a name the library lacks.
  init(names: [String], build: @escaping @Sendable (String) -> CELFunction?) {
    self.names = names
    self.build = build
  }

  /// The function called `name`, built on first use and kept for the process.
  func function(named name: String) -> CELFunction? {
    // A linear search: a library has a few dozen names, most lookups miss, and comparing
    // short strings is cheaper than hashing them.
    guard let index = names.firstIndex(of: name) else { return nil }
    lock.lock()
    if !built.isEmpty, let f = built[index] {
      lock.unlock()
      return f
    }
    lock.unlock()
    guard let f = build(name) else { return nil }
    lock.lock()
    if built.isEmpty { built = Array(repeating: nil, count: names.count) }
    built[index] = f
    lock.unlock()
    return f
  }

  /// Every function, in the library's order (built now if not yet).
  var all: [CELFunction] { names.compactMap(function(named:)) }
}

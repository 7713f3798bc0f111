#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The environment variables a command reads (`DOCKET_HOME`, `DOCKET_USER`, `DOCKET_NOW`,
/// `NO_COLOR`, `TERM`): the process's own, looked up by name when asked, or fixed values a
/// test gives as a dictionary literal.
///
/// Not a `[String: String]` of the whole environment: building one (as
/// `ProcessInfo.processInfo.environment` does) costs 0.4–0.75 M instructions in the static
/// binary, mostly the run-time set-up of the dictionary type on first use, about 4 % of a
/// whole `docket advance` for five names (docs/performance.md §13).
public struct ProcessEnvironment: Sendable, ExpressibleByDictionaryLiteral {
  /// Nil: the live process environment.
  private let fixed: [String: String]?

  /// The process's own environment.
  public static var current: ProcessEnvironment { ProcessEnvironment(fixed: nil) }

  private init(fixed: [String: String]?) { self.fixed = fixed }

  /// Exactly these variables and no others.
  public init(dictionaryLiteral elements: (String, String)...) {
    fixed = Dictionary(elements) { first, _ in first }
  }

  /// The variable's value; nil when it is not set.
  public subscript(name: String) -> String? {
    if let fixed { return fixed[name] }
    return getenv(name).map { String(cString: $0) }
  }
}

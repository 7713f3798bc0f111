/// Collects diagnostics while loading, so one run reports every problem, not only the first.
public struct DiagnosticBag: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public mutating func add(contentsOf other: some Sequence<Diagnostic>) {
    diagnostics.append(contentsOf: other)
  }

  public mutating func error(
    _ id: String, _ message: String, at span: SourceSpan?, suggestion: String? = nil,
    help: String? = nil
  ) {
    add(.error(id, message, at: span, suggestion: suggestion, help: help))
  }

  public mutating func warning(
    _ id: String, _ message: String, at span: SourceSpan?, suggestion: String? = nil,
    help: String? = nil
  ) {
    add(.warning(id, message, at: span, suggestion: suggestion, help: help))
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

  /// Diagnostics in reading order: by file, line, column, then severity; duplicates dropped.
  public var sorted: [Diagnostic] {
    var seen = Set<Diagnostic>()
    return diagnostics.filter { seen.insert($0).inserted }.sorted { a, b in
      switch (a.span, b.span) {
      case (nil, nil): return a.severity < b.severity
      case (nil, _): return true
      case (_, nil): return false
      case (let x?, let y?):
        if x != y { return x < y }
        return a.severity < b.severity
      }
    }
  }
}

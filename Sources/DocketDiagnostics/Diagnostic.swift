/// One problem found in a definition file: where, what, and what would be right.
///
/// Rendered first as the contract's line
/// `workflows/complaint.yaml:12:7: error: unknown state 'handlng' (did you mean 'handling'?)`,
/// then optionally the source line with a caret.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }
  }

  /// A secondary remark with its own optional place ("'handling' is declared here").
  public struct Note: Sendable, Hashable {
    public var message: String
    public var span: SourceSpan?
    public init(_ message: String, at span: SourceSpan? = nil) {
      self.message = message
      self.span = span
    }
  }

  public var severity: Severity
  /// A stable snake_case code (`unknown_state`, `cel_type_mismatch`) for tests and `--json`.
  public var id: String
  /// The sentence shown to the user, without the suggestion.
  public var message: String
  /// Where; nil only for problems of the whole home (a missing folder).
  public var span: SourceSpan?
  /// A known name the user probably meant; rendered as "(did you mean 'x'?)".
  public var suggestion: String?
  /// Free-form advice on what would be right, rendered as a `help:` line.
  public var help: String?
  public var notes: [Note]

  public init(
    _ severity: Severity, id: String, _ message: String, at span: SourceSpan?,
    suggestion: String? = nil, help: String? = nil, notes: [Note] = []
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.span = span
    self.suggestion = suggestion
    self.help = help
    self.notes = notes
  }

  public static func error(
    _ id: String, _ message: String, at span: SourceSpan?, suggestion: String? = nil,
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, id: id, message, at: span, suggestion: suggestion, help: help)
  }

  public static func warning(
    _ id: String, _ message: String, at span: SourceSpan?, suggestion: String? = nil,
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, id: id, message, at: span, suggestion: suggestion, help: help)
  }

  /// The message with its suggestion, as it appears after `error: `.
  public var fullMessage: String {
    if let suggestion { return "\(message) (did you mean '\(suggestion)'?)" }
    return message
  }

  /// The contract's one-line form: `path:line:col: severity: message`.
  public var description: String {
    let place = span.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(fullMessage)"
  }
}

/// One problem the checker found: a stable code, cel-go's wording, and the node it concerns
/// (whose source range the parser's ``SourceMap`` knows).
package struct CheckerIssue: Sendable, Hashable {
  /// Stable snake_case code, e.g. `cel_no_matching_overload`.
  package let id: String
  package let message: String
  package let exprID: ExprID
}

/// The checker's message catalogue, after cel-go `checker/errors.go`: every kind of type error
/// is a named function that owns its wording. The checker never formats a message inline.
enum CheckerDiagnostics {
  /// `undeclared reference to 'x'`, with ` (in container 'c')` as cel-go words it when a
  /// container is set (an empty container says nothing to a process owner), and
  /// ` (did you mean 'y'?)` when a declared name is a likely typo.
  static func undeclaredReference(
    _ name: String, container: String, suggestion: String?, at id: ExprID
  ) -> CheckerIssue {
    let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    let scope = container.isEmpty ? "" : " (in container '\(container)')"
    return CheckerIssue(
      id: "cel_undeclared_reference",
      message: "undeclared reference to '\(name)'\(scope)\(hint)",
      exprID: id)
  }

  /// `found no matching overload for '_+_' applied to '(string, int)'`; for a member call the
  /// receiver is written before a dot: `'string.(int)'`.
  static func noMatchingOverload(
    _ function: String, arguments: [CELType], isMember: Bool, at id: ExprID
  ) -> CheckerIssue {
    var args = arguments
    var signature = ""
    if isMember, !args.isEmpty {
      signature = "\(args.removeFirst())."
    }
    signature += "(" + args.map(\.description).joined(separator: ", ") + ")"
    return CheckerIssue(
      id: "cel_no_matching_overload",
      message: "found no matching overload for '\(function)' applied to '\(signature)'", exprID: id)
  }

  /// `expected type 'bool' but found 'int'`.
  static func typeMismatch(expected: CELType, found: CELType, at id: ExprID) -> CheckerIssue {
    CheckerIssue(
      id: "cel_type_mismatch", message: "expected type '\(expected)' but found '\(found)'",
      exprID: id)
  }

  /// `type 'int' does not support field selection`.
  static func fieldSelectionUnsupported(on type: CELType, at id: ExprID) -> CheckerIssue {
    CheckerIssue(
      id: "cel_field_selection_unsupported",
      message: "type '\(type)' does not support field selection", exprID: id)
  }

  /// `expression of type 'int' cannot be range of a comprehension (must be list, map, or dynamic)`.
  static func notAComprehensionRange(_ type: CELType, at id: ExprID) -> CheckerIssue {
    CheckerIssue(
      id: "cel_not_a_comprehension_range",
      message:
        "expression of type '\(type)' cannot be range of a comprehension (must be list, map, or dynamic)",
      exprID: id)
  }

  /// `invalid duration argument`: a constant argument that every evaluation would reject.
  static func invalidLiteral(_ function: String, at id: ExprID) -> CheckerIssue {
    CheckerIssue(
      id: "cel_invalid_literal", message: "invalid \(function) argument", exprID: id)
  }
}

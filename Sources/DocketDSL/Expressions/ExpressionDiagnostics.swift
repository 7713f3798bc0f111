import CEL
import DocketDiagnostics
import DocketModel

/// The message catalogue for expressions embedded in definition files.
extension Diagnostic {
  /// A CEL compile problem, with CEL's own code and wording (cel-go's, for familiarity).
  static func celIssue(_ issue: CELIssue, at span: SourceSpan) -> Diagnostic {
    .error(issue.id, issue.message, at: span)
  }

  static func emptyExpression(_ what: String, at span: SourceSpan) -> Diagnostic {
    .error("cel_syntax", "\(what) is empty; write a CEL expression", at: span)
  }

  static func celNotBool(_ what: String, type: CELType, at span: SourceSpan) -> Diagnostic {
    .error(
      "cel_not_bool", "\(what) must be a bool expression, but this one is of type '\(type)'",
      at: span, help: "compare the value, e.g. `amount > 0.0` or `status == \"done\"`")
  }

  static func celWrongFieldType(_ field: FieldDefinition, type: CELType, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "cel_type_mismatch",
      "value for field '\(field.name)' (\(field.type.name)) has type '\(type)', expected '\(field.type.celType)'",
      at: span)
  }

  static func unterminatedPlaceholder(at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_template", "'${' is not closed by '}' in this message", at: span,
      help: "write placeholders as ${expression}")
  }

  static func emptyPlaceholder(at span: SourceSpan) -> Diagnostic {
    .error("invalid_template", "'${}' holds no expression", at: span)
  }
}

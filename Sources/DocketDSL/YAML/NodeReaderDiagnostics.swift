import DocketDiagnostics

/// The message catalogue for values of the wrong shape, unknown keys and missing keys.
extension Diagnostic {
  static func wrongType(_ what: String, expected: String, found node: YAMLNode) -> Diagnostic {
    .error("wrong_type", "\(what) must be \(expected), found \(describe(node))", at: node.span)
  }

  static func unknownKey(_ key: String, in what: String, known: [String], at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "unknown_key", "unknown key '\(key)' in \(what)", at: span,
      suggestion: Suggestion.closest(to: key, in: known),
      help: Suggestion.closest(to: key, in: known) == nil
        ? "allowed here: " + known.joined(separator: ", ") : nil)
  }

  static func missingKey(_ key: String, in what: String, at span: SourceSpan) -> Diagnostic {
    .error("missing_key", "\(what) needs '\(key)'", at: span)
  }

  /// "text 'one'", "a list", "a mapping", "nothing".
  static func describe(_ node: YAMLNode) -> String {
    guard let scalar = node.scalar, !node.isNull else { return node.kindName }
    let text = scalar.text.count > 40 ? String(scalar.text.prefix(40)) + "…" : scalar.text
    return "'\(text)'"
  }
}

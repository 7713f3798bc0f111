import DocketDiagnostics

/// The message catalogue for problems found while reading a file as YAML.
extension Diagnostic {
  static func yamlSyntax(problem: String, context: String?, at span: SourceSpan) -> Diagnostic {
    let detail = context.map { " \($0)" } ?? ""
    return .error(
      "yaml_syntax", "invalid YAML: \(problem)\(detail)", at: span,
      help: "check the indentation and quoting near this place")
  }

  static func yamlSeveralDocuments(at span: SourceSpan) -> Diagnostic {
    .error(
      "yaml_syntax", "a definition file holds one YAML document; found a second one here",
      at: span, help: "remove the `---` line or split the file")
  }

  static func yamlTooDeep(limit: Int, at span: SourceSpan) -> Diagnostic {
    .error("yaml_too_deep", "lists and mappings are nested more than \(limit) levels deep", at: span)
  }

  static func yamlAliasLimit(aliases: Int, nodes: Int, at span: SourceSpan) -> Diagnostic {
    .error(
      "yaml_alias_limit",
      "file refused: its aliases expand past the limit (\(aliases) aliases, \(nodes) nodes)",
      at: span, help: "write the repeated parts out instead of nesting `*alias` references")
  }

  static func yamlUnknownAlias(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "yaml_syntax", "unknown alias '*\(name)': no anchor '&\(name)' comes before it", at: span,
      suggestion: Suggestion.closest(to: name, in: known))
  }

  static func yamlComplexKey(at span: SourceSpan) -> Diagnostic {
    .error("wrong_type", "a mapping key must be text, not a list or mapping", at: span)
  }

  static func duplicateKey(_ key: String, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate_key", "duplicate key '\(key)'", at: span,
      notes: [Diagnostic.Note("'\(key)' is first given here", at: first)])
  }

  static func fileTooLarge(bytes: Int, limit: Int, path: String) -> Diagnostic {
    .error(
      "file_too_large", "file is \(bytes) bytes; definition files may be at most \(limit) bytes",
      at: SourceSpan(file: path, line: 1, column: 1))
  }

  static func invalidUTF8(at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_utf8", "file is not valid UTF-8: bad byte sequence here", at: span,
      help: "save the file as UTF-8")
  }
}

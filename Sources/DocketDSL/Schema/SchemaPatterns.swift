/// The forms of names and values, as regular expressions for JSON Schema `pattern`; they
/// mirror ``IdentifierSyntax`` and the duration and time parsers.
package enum SchemaPatterns {
  package static let workflowID = "^[a-z][a-z0-9_-]*$"
  package static let name = "^[A-Za-z0-9_][A-Za-z0-9_.-]*$"
  package static let fieldName = "^[A-Za-z_][A-Za-z0-9_]*$"
  /// A lookup name: a lower-case CEL function name (``IdentifierSyntax/isLookupName(_:)``).
  package static let lookupName = "^[a-z][a-z0-9_]*$"
  package static let prefix = "^[A-Za-z][A-Za-z0-9_]{0,15}$"
  /// `90m`, `2h`, `1h30m`, `3d` (units largest first, each once), or working days `3wd`.
  package static let duration =
    "^([0-9]+wd|[0-9]+d([0-9]+h)?([0-9]+m)?([0-9]+s)?|[0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$"
  /// RFC 3339 with an offset: `2026-03-02T09:00:00+08:00`.
  package static let instant =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
  package static let date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
  /// A working interval `09:00-12:00`.
  package static let interval = "^ *[0-9]{1,2}:[0-9]{2} *- *[0-9]{1,2}:[0-9]{2} *$"
}

/// Shapes several schemas share.
extension SchemaNode {
  package static func names(_ about: String) -> SchemaNode {
    .list(of: .string("a name", pattern: SchemaPatterns.name), about)
  }

  package static func name(_ about: String) -> SchemaNode {
    .string(about, pattern: SchemaPatterns.name)
  }

  package static func duration(_ about: String) -> SchemaNode {
    .string(about + " (90m, 2h, 1h30m, 3d; 3wd for working days)", pattern: SchemaPatterns.duration)
  }

  /// A `set:` mapping: field name -> CEL expression.
  package static let assignments = SchemaNode.entries(
    keyPattern: SchemaPatterns.fieldName, value: .text("a CEL expression over the ticket"),
    "fields to change: field name -> CEL expression")
}

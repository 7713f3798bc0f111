import DocketDiagnostics

/// A composed YAML node with its place in the file: what decoders read instead of raw text.
///
/// Aliases are resolved to the anchored node (shared, never copied deeply), after
/// ``YAMLComposer`` has refused documents whose expansion would be too large. Scalars keep
/// their text unresolved: a decoder interprets `true` or `3` by the type it expects, so a
/// field value list `[yes, no]` stays two strings (no YAML 1.1 "Norway problem").
///
/// A class, immutable once composed: decoders pass nodes around a lot, and one reference
/// count is cheaper than copying a span, a tag and a payload every time.
package final class YAMLNode: Sendable {
  package enum Kind: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  package let kind: Kind
  /// From the node's first character to just past its last, in the file's display path.
  package let span: SourceSpan
  /// Scalar offset of the node's first character in the file (for ``EmbeddedExpression``).
  package let offset: Int
  /// An explicit tag (`!!str`), if any.
  package let tag: String?

  /// A plain scalar that YAML reads as null (`~`, `null`, or nothing at all). Decided once
  /// here: decoders ask it of nearly every node they look at, often more than once.
  package let isNull: Bool

  package init(kind: Kind, span: SourceSpan, offset: Int, tag: String? = nil) {
    self.kind = kind
    self.span = span
    self.offset = offset
    self.tag = tag
    if case .scalar(let s) = kind, s.style == .plain, tag == nil, s.text.utf8.count <= 4 {
      isNull =
        s.text.isEmpty || s.text == "~" || s.text == "null" || s.text == "Null" || s.text == "NULL"
    } else {
      isNull = false
    }
  }

  package var scalar: YAMLScalar? { if case .scalar(let s) = kind { s } else { nil } }
  package var sequence: [YAMLNode]? { if case .sequence(let s) = kind { s } else { nil } }
  package var pairs: [YAMLPair]? { if case .mapping(let m) = kind { m } else { nil } }

  /// What the node is, in words, for "expected a list, found text" messages.
  package var kindName: String {
    switch kind {
    case .scalar: isNull ? "nothing" : "text"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}

/// A scalar's text (after YAML unescaping and folding) and how it was written.
package struct YAMLScalar: Sendable, Hashable {
  package enum Style: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  package var text: String
  package var style: Style

  package init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One `key: value` entry of a mapping, in file order.
package struct YAMLPair: Sendable {
  package var key: YAMLNode
  package var value: YAMLNode

  package init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

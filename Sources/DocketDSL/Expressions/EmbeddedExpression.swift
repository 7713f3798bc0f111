import DocketDiagnostics

/// A CEL expression written inside a YAML scalar, mapping positions within the expression to
/// absolute positions in the file, so a CEL error points at `file:line:col` of the token.
///
/// The scalar's value is aligned with the raw file text from where its content starts: the
/// node's start for plain scalars, one past the quote for quoted ones, and the line after the
/// `|`/`>` header for block scalars (whose raw lines are re-read from the ``SourceFile``, so
/// indentation and line breaks are skipped, not guessed). Where the value and the raw text
/// cannot be aligned (an escape such as `\t` in a double-quoted scalar, before the position
/// asked for), the position falls back to the scalar's start.
package struct EmbeddedExpression: Sendable {
  package let node: YAMLNode
  package let scalar: YAMLScalar
  private let file: SourceFile
  private let contentStart: Int
  private let contentEnd: Int

  package init?(_ node: YAMLNode, in file: SourceFile) {
    guard let scalar = node.scalar else { return nil }
    self.node = node
    self.scalar = scalar
    self.file = file
    switch scalar.style {
    case .plain:
      contentStart = node.offset
    case .singleQuoted, .doubleQuoted:
      contentStart = node.offset + 1
    case .literal, .folded:
      let next = SourcePosition(line: node.span.start.line + 1, column: 1)
      contentStart = file.offset(of: next) ?? node.offset
    }
    contentEnd = min(file.offset(of: node.span.end) ?? file.scalarCount, file.scalarCount)
  }

  /// The expression's text (the scalar's value).
  package var text: String { scalar.text }

  /// Where the scalar itself starts (the fallback position).
  package var start: SourcePosition { node.span.start }

  /// The file position of a Unicode-scalar offset within the expression.
  package func position(ofOffset offset: Int) -> SourcePosition {
    guard let fileOffset = fileOffset(of: offset) else { return start }
    return file.position(ofOffset: fileOffset)
  }

  /// The file span of a range of offsets within the expression.
  package func span(of range: Range<Int>) -> SourceSpan {
    let from = position(ofOffset: range.lowerBound)
    var to = range.upperBound > range.lowerBound ? position(ofOffset: range.upperBound) : from
    if to.line != from.line || to < from { to = from }
    return SourceSpan(file: file.path, start: from, end: to)
  }

  /// Walks value and raw text together: equal scalars advance both; raw whitespace that the
  /// value lacks (indentation, folded line breaks) is skipped; a doubled `''` in a
  /// single-quoted scalar is one quote. Any other difference ends the alignment.
  private func fileOffset(of target: Int) -> Int? {
    // Most queries are for offset 0, which looks only past leading blanks: a short window of
    // the raw text is enough unless it is all blank.
    let window = contentStart + 64
    if target == 0, window < contentEnd, let j = fileOffset(of: 0, before: window), j < window {
      return j
    }
    return fileOffset(of: target, before: contentEnd)
  }

  /// ``fileOffset(of:)`` reading the raw text up to `contentEnd` only.
  private func fileOffset(of target: Int, before contentEnd: Int) -> Int? {
    // The raw text of the scalar only, indexed from the file's offsets.
    let base = contentStart
    let scalars = file.scalars(in: contentStart..<max(contentStart, contentEnd))
    func raw(_ j: Int) -> Unicode.Scalar { scalars[j - base] }
    // Built per query, not per expression: most expressions are only ever asked for offset 0.
    let value = target == 0 ? Array(scalar.text.unicodeScalars.prefix(1)) : Array(scalar.text.unicodeScalars)
    var i = 0
    var j = contentStart
    while true {
      if i >= target {
        if i < value.count, !isBlank(value[i]) {
          while j < contentEnd, isBlank(raw(j)), raw(j) != value[i] { j += 1 }
        }
        return j
      }
      guard i < value.count, j < contentEnd else { return nil }
      let r = raw(j)
      let c = value[i]
      if r == c {
        i += 1
        j += 1
        if scalar.style == .singleQuoted, c == "'", j < contentEnd, raw(j) == "'" { j += 1 }
      } else if isBlank(r) {
        if isBlank(c) { i += 1 }
        j += 1
      } else if isBlank(c) {
        i += 1
      } else {
        return nil
      }
    }
  }

  private func isBlank(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\n" || s == "\t" || s == "\r"
  }
}

import DocketDiagnostics
import DocketModel

/// Splits a message such as `"投诉 ${instance.id}（${customer}）"` into text and compiled
/// `${CEL}` placeholders, reporting placeholder problems at their file position.
///
/// A placeholder ends at the `}` that balances its `${`, skipping braces inside CEL string
/// literals and map literals, so `${ {"a": 1}["a"] }` is one placeholder.
package struct MessageTemplateParser {
  let compiler: ExpressionCompiler
  let reader: NodeReader

  package init(compiler: ExpressionCompiler, reader: NodeReader) {
    self.compiler = compiler
    self.reader = reader
  }

  /// The template of a scalar node; nil (with diagnostics) when it is not text or a
  /// placeholder is broken.
  package func parse(_ node: YAMLNode, _ what: String) -> MessageTemplate? {
    guard let text = reader.string(node, what),
      let embedded = EmbeddedExpression(node, in: reader.file)
    else { return nil }
    let value = text.value
    let scalars = Array(value.unicodeScalars)
    // Text is cut from the string by UTF-8 offsets (one copy per part), not rebuilt scalar
    // by scalar: every command decodes the messages of the rules it loads.
    func slice(_ from: Int, _ to: Int) -> String {
      let utf8 = value.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: from)
      return String(Substring(utf8[start..<utf8.index(start, offsetBy: to - from)]))
    }
    var parts: [MessageTemplate.Part] = []
    var ok = true
    var i = 0
    var byte = 0  // UTF-8 offset of scalars[i]
    var literalStart = 0  // UTF-8 offset where the pending text starts
    while i < scalars.count {
      guard scalars[i] == "$", i + 1 < scalars.count, scalars[i + 1] == "{" else {
        byte += UTF8.width(scalars[i])
        i += 1
        continue
      }
      guard let close = Self.closingBrace(in: scalars, from: i + 2) else {
        reader.bag.add(.unterminatedPlaceholder(at: embedded.span(of: i..<(i + 2))))
        return nil
      }
      var end = byte + 2
      for scalar in scalars[(i + 2)..<close] { end += UTF8.width(scalar) }
      let source = slice(byte + 2, end)
      if source.allSatisfy(\.isWhitespace) {
        reader.bag.add(.emptyPlaceholder(at: embedded.span(of: i..<(close + 1))))
        ok = false
      } else if let compiled = compiler.compile(
        source, in: embedded, from: i + 2, "placeholder in \(what)", as: .any)
      {
        if byte > literalStart { parts.append(.text(slice(literalStart, byte))) }
        parts.append(.expression(compiled))
      } else {
        ok = false
      }
      // Past the closing brace (one byte).
      byte = end + 1
      literalStart = byte
      i = close + 1
    }
    if byte > literalStart { parts.append(.text(slice(literalStart, byte))) }
    guard ok else { return nil }
    return MessageTemplate(parts: parts, span: node.span)
  }

  /// The index of the `}` closing a placeholder whose expression starts at `start`.
  static func closingBrace(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    var depth = 0
    var quote: Unicode.Scalar?
    var i = start
    while i < scalars.count {
      let c = scalars[i]
      if let q = quote {
        if c == "\\" {
          i += 1
        } else if c == q {
          quote = nil
        }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "{" {
        depth += 1
      } else if c == "}" {
        if depth == 0 { return i }
        depth -= 1
      }
      i += 1
    }
    return nil
  }
}

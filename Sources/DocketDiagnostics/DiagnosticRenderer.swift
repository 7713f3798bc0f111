/// Renders diagnostics as text: the contract's first line, then the source line and a caret.
///
/// Context lines start with spaces and `|`, so tools matching `^path:line:col:` still work.
/// The caret is padded by terminal display width, so it sits under the right character even
/// after Chinese text.
public struct DiagnosticRenderer: Sendable {
  /// Source texts by display path, for the context lines; files not here get no context.
  public var sources: [String: SourceFile]
  /// At most this many diagnostics are shown; the rest are counted in a final line.
  public var limit: Int

  public init(sources: [String: SourceFile] = [:], limit: Int = 100) {
    self.sources = sources
    self.limit = limit
  }

  /// All diagnostics, sorted, capped, each followed by its context.
  public func render(_ bag: DiagnosticBag) -> String {
    let sorted = bag.sorted
    var out = sorted.prefix(limit).map(render).joined()
    if sorted.count > limit {
      out += "\(sorted.count - limit) more diagnostics not shown\n"
    }
    return out
  }

  /// One diagnostic with its context lines, ending in a newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = diagnostic.description + "\n"
    if let span = diagnostic.span, let file = sources[span.file] {
      out += context(for: span, in: file)
    }
    if let help = diagnostic.help { out += "  = help: \(help)\n" }
    for note in diagnostic.notes {
      let place = note.span.map { "\($0): " } ?? ""
      out += "  = note: \(place)\(note.message)\n"
    }
    return out
  }

  /// ` | <line>` and ` | <pad>^~~` under the span.
  public func context(for span: SourceSpan, in file: SourceFile) -> String {
    guard let line = file.line(span.start.line) else { return "" }
    let scalars = Array(line.unicodeScalars)
    let column = min(max(span.start.column - 1, 0), scalars.count)
    let shown = String(String.UnicodeScalarView(scalars.map { $0 == "\t" ? " " : $0 }))
    var pad = 0
    for s in scalars[..<column] { pad += s == "\t" ? 1 : DisplayWidth.of(s) }
    var width = 1
    if span.end.line == span.start.line, span.end.column > span.start.column {
      let end = min(span.end.column - 1, scalars.count)
      width = max(1, scalars[column..<max(column, end)].reduce(0) { $0 + DisplayWidth.of($1) })
    }
    let marker = "^" + String(repeating: "~", count: max(0, width - 1))
    return "   | \(shown)\n   | \(String(repeating: " ", count: pad))\(marker)\n"
  }
}

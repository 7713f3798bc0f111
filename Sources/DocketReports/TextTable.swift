import DocketDiagnostics

/// A plain-text table whose columns line up in a terminal, Chinese text included.
///
/// Widths are measured in terminal cells (``DisplayWidth``), not characters, so a column of
/// `李伟` lines up with a column of `li.wei`. Cells wider than a column's limit are cut with
/// `…`. Colour is applied after padding, so escape codes never count as width.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    /// Cells are truncated to this many terminal cells.
    public var maxWidth: Int

    public init(_ title: String, alignment: Alignment = .left, maxWidth: Int = 32) {
      self.title = title
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  /// One cell: its text and how to colour it once padded.
  public struct Cell: Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var paint: Palette.Paint?

    public init(_ text: String, paint: Palette.Paint? = nil) {
      self.text = text
      self.paint = paint
    }

    public init(stringLiteral value: String) { self.init(value) }
  }

  public var columns: [Column]
  public var rows: [[Cell]] = []
  /// Between columns.
  public var separator = "  "

  public init(columns: [Column]) { self.columns = columns }

  public mutating func append(_ row: [Cell]) { rows.append(row) }

  /// The table with a header line, one line per row, each ending in a newline. Trailing
  /// spaces are trimmed so the output diffs cleanly.
  public func render(palette: Palette = .plain) -> String {
    let cut = rows.map { row in
      columns.indices.map { i in
        i < row.count ? DisplayWidth.truncate(clean(row[i].text), to: columns[i].maxWidth) : ""
      }
    }
    let titles = columns.map { DisplayWidth.truncate($0.title, to: $0.maxWidth) }
    var widths = titles.map { DisplayWidth.of($0) }
    for row in cut {
      for (i, text) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(text)) }
    }
    var out = line(titles.map { ($0, palette.bold) }, widths: widths)
    for (r, row) in cut.enumerated() {
      let paints = columns.indices.map { i in i < rows[r].count ? rows[r][i].paint : nil }
      out += line(Array(zip(row, paints)), widths: widths)
    }
    return out
  }

  private func line(_ cells: [(String, Palette.Paint?)], widths: [Int]) -> String {
    var parts: [String] = []
    for (i, (text, paint)) in cells.enumerated() {
      let isLast = i == cells.count - 1
      let padded: String
      switch columns[i].alignment {
      case .left: padded = isLast ? text : DisplayWidth.padRight(text, to: widths[i])
      case .right: padded = DisplayWidth.padLeft(text, to: widths[i])
      }
      guard let paint, !text.isEmpty else {
        parts.append(padded)
        continue
      }
      // Paint only the text, not the padding, so colours never bleed into the gap.
      let pad = String(padded.dropLast(text.count))
      let trailing = padded.hasPrefix(text) ? String(padded.dropFirst(text.count)) : ""
      parts.append(padded.hasPrefix(text) ? paint(text) + trailing : pad + paint(text))
    }
    var joined = parts.joined(separator: separator)
    while joined.hasSuffix(" ") { joined.removeLast() }
    return joined + "\n"
  }

  /// Newlines and tabs inside a cell would break the grid; show them as spaces.
  private func clean(_ text: String) -> String {
    guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }) else {
      return text
    }
    return String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}

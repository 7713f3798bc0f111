extension StringProtocol {
  /// The text without leading and trailing spaces and tabs: Foundation's
  /// `trimmingCharacters(in: .whitespaces)`, by scalars.
  ///
  /// Foundation trims by bridging through `NSString`, and in a static binary its first use
  /// costs more than parsing a whole workflow's durations (0.8 M instructions a command).
  package func trimmingSpaces() -> String {
    trimming { $0 == "\t" || $0 == zeroWidthSpace || $0.properties.generalCategory == .spaceSeparator }
  }

  /// The text without leading and trailing white space and line breaks: Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` (Unicode's White_Space), by scalars.
  package func trimmingWhitespace() -> String {
    trimming { $0 == zeroWidthSpace || $0.properties.isWhitespace }
  }

  /// Foundation counts U+200B among the spaces (Unicode no longer does); so do these, so
  /// that nothing a user saw trimmed before stops being trimmed.
  private var zeroWidthSpace: Unicode.Scalar { "\u{200B}" }

  private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !drop($0) }),
      let last = scalars.lastIndex(where: { !drop($0) })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}

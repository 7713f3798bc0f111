extension String {
  /// The text without leading and trailing spaces and tabs: Foundation's
  /// `trimmingCharacters(in: .whitespaces)`, by scalars.
  ///
  /// Foundation trims by bridging through `NSString`, and in a static binary its first use
  /// costs more than parsing a whole workflow's durations (0.8 M instructions a command).
  package func trimmingSpaces() -> String { self[...].trimmingSpaces() }

  /// The text without leading and trailing white space and line breaks: Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` (Unicode's White_Space), by scalars.
  package func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}

extension Substring {
  /// As `String.trimmingSpaces()`.
  package func trimmingSpaces() -> String {
    trimming { $0 == "\t" || $0 == Self.zeroWidthSpace || $0.properties.generalCategory == .spaceSeparator }
  }

  /// As `String.trimmingWhitespace()`.
  package func trimmingWhitespace() -> String {
    trimming { $0 == Self.zeroWidthSpace || $0.properties.isWhitespace }
  }

  /// Foundation counts U+200B among the spaces (Unicode no longer does); so do these, so
  /// that nothing a user saw trimmed before stops being trimmed.
  private static var zeroWidthSpace: Unicode.Scalar { "\u{200B}" }

  /// Concrete, not generic over `StringProtocol`: an unspecialised generic `String` init
  /// from a scalar view looks up its conformances at run time, 0.3 M instructions on first
  /// use in the static binary (docs/performance.md §13).
  private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !drop($0) }),
      let last = scalars.lastIndex(where: { !drop($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}

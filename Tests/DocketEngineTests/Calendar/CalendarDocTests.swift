import Foundation
import Testing

/// docs/calendars.md shows the golden table; this keeps it identical to ``GoldenCase/all``.
///
/// Run with `DOCKET_UPDATE_GOLDENS=1` to rewrite the table in the doc from the cases.
@Suite("Calendar documentation")
struct CalendarDocTests {
  static let begin = "<!-- golden-table:begin -->\n"
  static let end = "<!-- golden-table:end -->"

  static var docURL: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/calendars.md")
  }

  /// The golden cases as a Markdown table.
  static func renderTable() -> String {
    var out = "| # | calendar | start | within | due | why |\n|---:|---|---|---|---|---|\n"
    for (i, c) in GoldenCase.all.enumerated() {
      out += "| \(i + 1) | \(c.calendar) | \(c.start) | `\(c.within)` | \(c.due) | \(c.note) |\n"
    }
    return out
  }

  @Test("the golden table in docs/calendars.md is the tested one") func docTableMatches() throws {
    let doc = try String(contentsOf: Self.docURL, encoding: .utf8)
    let start = try #require(doc.range(of: Self.begin), "docs/calendars.md lacks \(Self.begin)")
    let stop = try #require(doc.range(of: Self.end, range: start.upperBound..<doc.endIndex))
    let table = String(doc[start.upperBound..<stop.lowerBound])
    let expected = Self.renderTable()
    if table != expected, ProcessInfo.processInfo.environment["DOCKET_UPDATE_GOLDENS"] == "1" {
      let updated = doc.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
      try updated.write(to: Self.docURL, atomically: true, encoding: .utf8)
      return
    }
    #expect(table == expected, "run the tests with DOCKET_UPDATE_GOLDENS=1 to rewrite the table")
  }
}

import Foundation
import Testing

/// Each folder in `Fixtures/` is a home with mistakes; `expected.txt` pins the full rendered
/// diagnostics (first lines, context lines, carets, suggestions, order).
@Suite("Definition errors, rendered as docket validate prints them")
struct GoldenTests {
  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Paths.fixtures.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  @Test("fixture matches expected.txt", arguments: cases)
  func fixtureMatchesGolden(_ name: String) throws {
    try expectGolden(name)
  }

  @Test func everyCheckHasAFixture() {
    #expect(Self.cases.count >= 15)
  }
}

import DocketDSL
import DocketDiagnostics
import Foundation
import Testing

/// Where the test sources live, so fixtures and the bundled homes are found without bundling
/// resources (simpler on Linux).
enum Paths {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = tests.appendingPathComponent("Fixtures")
  static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
}

/// Loads a home and renders every diagnostic as `docket validate` shows it.
func renderDiagnostics(ofHome url: URL) throws -> String {
  let loaded = try HomeLoader.load(home: url)
  return DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
}

/// Compares the rendered diagnostics of `Fixtures/<name>/home` with `Fixtures/<name>/expected.txt`;
/// `DOCKET_UPDATE_GOLDENS=1` rewrites the expected file instead.
func expectGolden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let folder = Paths.fixtures.appendingPathComponent(name)
  let actual = try renderDiagnostics(ofHome: folder.appendingPathComponent("home"))
  let expectedURL = folder.appendingPathComponent("expected.txt")
  if ProcessInfo.processInfo.environment["DOCKET_UPDATE_GOLDENS"] == "1" {
    try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
    return
  }
  let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "<missing expected.txt>"
  #expect(actual == expected, "diagnostics of \(name) differ from expected.txt", sourceLocation: sourceLocation)
}

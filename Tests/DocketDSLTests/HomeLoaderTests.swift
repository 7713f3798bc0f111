import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation
import Testing

@Suite("Finding a home's files")
struct HomeLoaderTests {
  func temporaryHome(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-dsl-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root
  }

  @Test func aMissingFolderIsNotAHome() {
    #expect(throws: HomeLoadError.self) {
      try HomeLoader.load(home: URL(fileURLWithPath: "/nonexistent/docket-home"))
    }
  }

  @Test func anEmptyFolderReportsTheMissingFiles() throws {
    let home = try temporaryHome([:])
    defer { try? FileManager.default.removeItem(at: home) }
    let loaded = try HomeLoader.load(home: home)
    #expect(loaded.diagnostics.errors.map(\.id) == ["missing_file", "missing_file"])
  }

  @Test func docketYamlIsOptionalAndOtherFoldersAreIgnored() throws {
    let home = try temporaryHome([
      "staff.yaml": "staff:\n  a: { name: A, roles: [r] }\n",
      "workflows/w.yaml":
        "workflow: w\nversion: 1\nprefix: W\nroles: { r: R }\ninitial: s\nstates:\n  s: { final: true }\n",
      "workflows/notes.txt": "not a workflow",
      "data/instances/w/W-000001.json": "{}",
    ])
    defer { try? FileManager.default.removeItem(at: home) }
    let loaded = try HomeLoader.load(home: home)
    #expect(loaded.diagnostics.diagnostics.isEmpty)
    #expect(loaded.home.workflows.keys.map(\.rawValue) == ["w"])
    #expect(loaded.home.settings.timeZone.secondsFromGMT() == 0)
    #expect(Set(loaded.sources.keys) == ["staff.yaml", "workflows/w.yaml"])
  }

  /// The loader checks the bytes it was given once (the ones a fingerprint hashed), not what
  /// is on disk by the time it gets to a file.
  @Test func filesReadOnceAreTheFilesLoaded() throws {
    let workflow = "workflow: w\nversion: 1\nprefix: W\nroles: { r: R }\ninitial: s\nstates:\n  s: { final: true }\n"
    let home = try temporaryHome([
      "staff.yaml": "staff:\n  a: { name: A, roles: [r] }\n",
      "workflows/w.yaml": workflow,
      "workflows/.w.yaml": "editor leftover",
      "rules/fixtures/f.yaml": "not a rule file",
    ])
    defer { try? FileManager.default.removeItem(at: home) }
    let files = try HomeFiles.read(home: home)
    #expect(Set(files.files.keys) == ["staff.yaml", "workflows/w.yaml"])
    try "workflow: [broken".write(
      to: home.appendingPathComponent("workflows/w.yaml"), atomically: true, encoding: .utf8)
    let loaded = HomeLoader.load(files.digestingAll())
    #expect(loaded.diagnostics.diagnostics.isEmpty)
    #expect(loaded.home.workflows.values.first?.digest == SHA256.digest(Array(workflow.utf8)))
    // Read again, the edit is seen.
    #expect(try HomeLoader.load(home: home).hasErrors)
  }
}

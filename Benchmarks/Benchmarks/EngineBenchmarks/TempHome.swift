import DocketKit
import Foundation

/// Homes for the benchmarks, loaded once through `DocketSession.open` (DocketDSL's HomeLoader
/// plus every check), in temp folders so the repository's own home never gets a `data/`.
enum TempHome {
  struct Invalid: Error, CustomStringConvertible {
    var description: String
  }

  /// The repository root: this file is Benchmarks/Benchmarks/EngineBenchmarks/TempHome.swift.
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static func make(files: [String: String]) throws -> Home {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-bench-\(UUID().uuidString)")
    for (path, text) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return try open(folder)
  }

  /// A copy of the root home's definitions (docket.yaml, staff.yaml, workflows/, calendars/,
  /// rules/).
  static func copyOfRoot() throws -> Home {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["docket.yaml", "staff.yaml", "workflows", "calendars", "rules"] {
      let source = repositoryRoot.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: source.path) {
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
      }
    }
    return try open(folder)
  }

  private static func open(_ folder: URL) throws -> Home {
    do {
      return try DocketSession.open(home: folder, clock: FixedClock(Date())).home
    } catch {
      throw Invalid(description: "\(folder.path): \(error)")
    }
  }
}

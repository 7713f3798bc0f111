import Foundation

/// A Docket home in a fresh temporary folder, deleted when the value goes away.
///
/// Write workflows and staff from strings (``write(_:_:)``), or start from a copy of the
/// repository's own bundled home (``bundled()``), found from this file's location.
public final class TemporaryHome: Sendable {
  public let url: URL

  /// An empty home (no files yet).
  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A copy of the repository root's home: workflows/, staff.yaml, docket.yaml, rules/,
  /// calendars/ (whichever exist). The store (`data/`) is never copied.
  public static func bundled() throws -> TemporaryHome {
    let home = try TemporaryHome()
    for name in ["workflows", "staff.yaml", "docket.yaml", "rules", "calendars"] {
      let source = repositoryRoot.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: source.path) else { continue }
      try FileManager.default.copyItem(at: source, to: home.url.appendingPathComponent(name))
    }
    return home
  }

  /// A copy of one of the repository's example homes (`examples/<name>`), without `data/`.
  public static func example(_ name: String) throws -> TemporaryHome {
    let home = try TemporaryHome()
    let source = repositoryRoot.appendingPathComponent("examples/\(name)")
    for entry in try FileManager.default.contentsOfDirectory(atPath: source.path)
    where entry != "data" {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(entry), to: home.url.appendingPathComponent(entry))
    }
    return home
  }

  /// The repository root, from this source file's location (Tests/Support/…).
  public static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  public var path: String { url.path }

  /// The instance store folder.
  public var data: URL { url.appendingPathComponent("data", isDirectory: true) }

  /// Writes `text` (UTF-8) at a path relative to the home, creating folders as needed.
  public func write(_ relativePath: String, _ text: String) throws {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// The text of a file relative to the home, or nil if it cannot be read.
  public func read(_ relativePath: String) -> String? {
    guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(relativePath).path)
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// Every file under `data/` (relative path -> bytes), to prove a command changed nothing.
  public func dataSnapshot() -> DataTreeSnapshot { DataTreeSnapshot(of: data) }
}

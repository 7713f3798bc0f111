import Foundation

/// The property's home that ships with Docket (the repository root is itself a home), and
/// copying it somewhere to play with.
enum BundledHome {
  /// What a home copy takes: definitions only, never `data/`.
  static let entries = ["workflows", "staff.yaml", "docket.yaml", "rules", "calendars"]

  /// The repository root, found from this source file's location at build time
  /// (Sources/DocketCLI/Demo/ is three levels below it). Nil when the sources are gone
  /// (a binary copied to another machine).
  static var sourceRoot: URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let staff = root.appendingPathComponent("staff.yaml").path
    let workflows = root.appendingPathComponent("workflows").path
    guard FileManager.default.fileExists(atPath: staff),
      FileManager.default.fileExists(atPath: workflows)
    else { return nil }
    return root
  }

  /// Copies the bundled home into a new temporary folder and returns it.
  static func copyToTemporaryFolder(forceEmbedded: Bool = false) throws(CommandFailure) -> URL {
    let fm = FileManager.default
    let target = fm.temporaryDirectory.appendingPathComponent(
      "docket-demo-\(String(UUID().uuidString.prefix(8)).lowercased())", isDirectory: true)
    do {
      try fm.createDirectory(at: target, withIntermediateDirectories: true)
      if !forceEmbedded, let root = sourceRoot {
        for name in entries {
          let source = root.appendingPathComponent(name)
          guard fm.fileExists(atPath: source.path) else { continue }
          try fm.copyItem(at: source, to: target.appendingPathComponent(name))
        }
      } else {
        for (path, text) in EmbeddedHome.files {
          let file = target.appendingPathComponent(path)
          try fm.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
          try Data(text.utf8).write(to: file)
        }
      }
    } catch {
      throw ErrorMapping.storage(error, path: target.path)
    }
    return target
  }
}

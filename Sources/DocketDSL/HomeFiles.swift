import DocketModel
import Foundation

/// The definition files of a home, read once: what ``HomeLoader`` decodes, and what a
/// fingerprint of the home's definitions (DocketKit's validated-home record) hashes.
///
/// One read serves both, so the loader checks exactly the bytes the fingerprint describes (a
/// file edited in between cannot slip in under the old digest) and no file is read or hashed
/// twice.
public struct HomeFiles: Sendable {
  /// One definition file as it was read.
  public struct File: Sendable {
    /// The file's bytes, or nil when it exists but cannot be read.
    public var bytes: [UInt8]?
    /// `sha256:…` of ``bytes`` once someone needed it (see ``HomeFiles/digestingAll()``).
    public var digest: String?
  }

  /// The home folder.
  public let root: URL
  /// Home-relative path (`workflows/complaint.yaml`) -> the file, for every file the loader
  /// reads: `docket.yaml` and `staff.yaml` when they exist, and every `*.yaml` (not hidden)
  /// directly in `calendars/`, `workflows/` and `rules/` (so not `rules/fixtures/`).
  public private(set) var files: [String: File]

  /// The single files and the folders the loader reads, as listed in ``files``.
  public static let singleFiles = ["docket.yaml", "staff.yaml"]
  public static let folders = ["calendars", "workflows", "rules"]

  /// Reads the definition files of the home at `url`.
  ///
  /// - Throws: ``HomeLoadError/notAFolder(path:)`` when `url` is not a folder.
  public static func read(home url: URL) throws(HomeLoadError) -> HomeFiles {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue
    else { throw .notAFolder(path: url.path) }
    var files: [String: File] = [:]
    let root = url.path
    for name in singleFiles where FileManager.default.fileExists(atPath: root + "/" + name) {
      files[name] = read(root + "/" + name)
    }
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
      for name in names where isDefinitionFile(name) {
        files[folder + "/" + name] = read(root + "/" + folder + "/" + name)
      }
    }
    return HomeFiles(root: url, files: files)
  }

  /// Every file with its digest computed (the fingerprint needs them all; the loader then
  /// takes a workflow's definition digest from here instead of hashing it again).
  public func digestingAll() -> HomeFiles {
    var copy = self
    for (path, file) in files where file.digest == nil {
      copy.files[path]?.digest = file.bytes.map { SHA256.digest($0) }
    }
    return copy
  }

  /// The names (`complaint.yaml`) of the definition files in `folder`, sorted.
  func names(in folder: String) -> [String] {
    let prefix = folder + "/"
    return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
      .sorted()
  }

  /// A `*.yaml` file the loader reads (hidden files are editors' leftovers).
  static func isDefinitionFile(_ name: String) -> Bool {
    name.hasSuffix(".yaml") && !name.hasPrefix(".")
  }

  private static func read(_ path: String) -> File {
    File(bytes: FileManager.default.contents(atPath: path).map { [UInt8]($0) }, digest: nil)
  }
}

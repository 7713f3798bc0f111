import DocketFiles
import DocketModel
import Foundation

/// The definition files of a home, each read at most once: what ``HomeLoader`` decodes, and
/// what a fingerprint of the home's definitions (DocketKit's validated-home record) hashes.
///
/// One read serves both, so the loader checks exactly the bytes the fingerprint describes (a
/// file edited in between cannot slip in under the old digest) and no file is read or hashed
/// twice. A file may also stay unread: a fingerprint that knows it unchanged by its ``FileStat``
/// needs neither its bytes nor their hash when the loader does not decode it.
public struct HomeFiles: Sendable {
  /// One definition file as it was read (or listed).
  public struct File: Sendable {
    /// The file's bytes, or nil when it was not read (see ``isRead``) or cannot be read.
    public var bytes: [UInt8]?
    /// `sha256:…` of the file's contents once someone needed it (see ``HomeFiles/digestingAll()``):
    /// of ``bytes`` when read, else of the file as its ``stat`` describes it.
    public var digest: String?
    /// Whether the file was read (then nil ``bytes`` means it cannot be read).
    package var isRead = false
    /// The descriptor's stat taken after the bytes were read, or the path's stat for a file
    /// left unread; nil when unknown.
    package var stat: FileStat?
  }

  /// The home folder.
  public let root: URL
  /// The home folder's path.
  package let rootPath: String
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
    var files = try list(home: url)
    files.readAll()
    return files
  }

  /// Lists the definition files of the home at `url` without reading any.
  ///
  /// - Parameter path: `url.path`, when the caller knows it (asking the URL first costs more
  ///   than listing the home).
  /// - Throws: ``HomeLoadError/notAFolder(path:)`` when `url` is not a folder.
  package static func list(home url: URL, path: String? = nil) throws(HomeLoadError) -> HomeFiles {
    let root = path ?? url.path
    guard FileSystem.isDirectory(root) else { throw .notAFolder(path: root) }
    var files: [String: File] = [:]
    for name in singleFiles where FileSystem.exists(root + "/" + name) {
      files[name] = File()
    }
    for folder in folders {
      for name in (try? FileSystem.list(root + "/" + folder)) ?? [] where isDefinitionFile(name) {
        files[folder + "/" + name] = File()
      }
    }
    return HomeFiles(root: url, rootPath: root, files: files)
  }

  /// Reads the file at `path` (home-relative) unless it was read; a digest it had from its
  /// stat alone is dropped if the read finds the file changed since that stat.
  package mutating func read(_ path: String) {
    guard var file = files[path], !file.isRead else { return }
    let read = FileStat.read(path: rootPath + "/" + path)
    if file.digest != nil, read?.stat == nil || read?.stat != file.stat { file.digest = nil }
    file.bytes = read?.bytes
    file.stat = read?.stat
    file.isRead = true
    files[path] = file
  }

  /// Reads every file not read yet.
  package mutating func readAll() {
    for path in files.keys { read(path) }
  }

  /// Sets what a fingerprint found out about the file at `path` without reading it.
  package mutating func record(_ path: String, stat: FileStat?, digest: String?) {
    files[path]?.stat = stat
    files[path]?.digest = digest
  }

  /// Every read file with its digest computed (the fingerprint needs them all; the loader then
  /// takes a workflow's definition digest from here instead of hashing it again).
  public func digestingAll() -> HomeFiles {
    var copy = self
    for (path, file) in files where file.digest == nil && file.isRead {
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
}


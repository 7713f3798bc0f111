import DocketModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
    let root = url.path
    guard Disk.isFolder(root) else { throw .notAFolder(path: root) }
    var files: [String: File] = [:]
    for name in singleFiles where Disk.exists(root + "/" + name) {
      files[name] = File(bytes: Disk.read(root + "/" + name), digest: nil)
    }
    for folder in folders {
      for name in Disk.list(root + "/" + folder) where isDefinitionFile(name) {
        files[folder + "/" + name] = File(bytes: Disk.read(root + "/" + folder + "/" + name), digest: nil)
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

}

/// The few POSIX calls reading a home takes (every command reads every definition file;
/// FileManager costs several times more per call in a static binary).
private enum Disk {
  /// Whether `path` is a folder (following symbolic links).
  static func isFolder(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether something is at `path` (following symbolic links, so a dangling one is not).
  static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }

  /// The names in the folder at `path` (none when it is missing or cannot be listed).
  static func list(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
        guard let base = raw.baseAddress else { return "" }
        return String(cString: base.assumingMemoryBound(to: CChar.self))
      }
      if !name.isEmpty, name != ".", name != ".." { names.append(name) }
    }
    return names
  }

  /// The bytes of the file at `path`, or nil when it cannot be read (a folder included).
  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else { return nil }
    var out: [UInt8] = []
    // One byte more than the size, so a file read whole meets its end on the next call.
    var chunk = [UInt8](repeating: 0, count: max(Int(st.st_size), 4095) + 1)
    while true {
      let n = chunk.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemRead(fd, base, buffer.count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { return out }
      out.append(contentsOf: chunk[0..<n])
    }
  }

  private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
      Musl.read(fd, buffer, count)
    #else
      Darwin.read(fd, buffer, count)
    #endif
  }
}

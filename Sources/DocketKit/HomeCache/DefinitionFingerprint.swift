import DocketDiagnostics
import DocketModel
import DocketStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The contents of every definition file of a home, as digests, and one key over all of them.
///
/// Two homes with the same key hold byte-for-byte the same definition files (same names, same
/// contents) and are read by the same `docket` executable, so a validation result for one is
/// the result for the other. Contents, not modification times: an edit is noticed however
/// quickly it follows the last command and whatever time stamps it leaves behind.
struct DefinitionFingerprint: Sendable, Equatable {
  /// Home-relative path (`workflows/complaint.yaml`) -> `sha256:…` of the file's bytes, or
  /// `unreadable` for a file that cannot be read.
  var files: [String: String]
  /// One digest over the executable's identity and every path with its digest; empty when
  /// the executable cannot be identified (then nothing may be cached).
  var key: String

  /// The files the loader (DocketDSL's `HomeLoader`) reads: `docket.yaml`, `staff.yaml` and
  /// every `*.yaml` of these folders (not their subfolders, so not `rules/fixtures/`).
  static let singleFiles = ["docket.yaml", "staff.yaml"]
  static let folders = ["calendars", "workflows", "rules"]

  /// Reads the definition files of the home folder at `root` (an absolute path).
  static func read(home root: String) -> DefinitionFingerprint {
    var paths = singleFiles.filter { FileSystem.exists(root + "/" + $0) }
    for folder in folders {
      let names = (try? FileSystem.list(root + "/" + folder)) ?? []
      paths += names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        .map { folder + "/" + $0 }
    }
    var files: [String: String] = [:]
    // Without the executable's identity a record could outlive an upgrade that checks more:
    // then no key at all, and nothing is cached.
    guard let executable = executableIdentity() else { return DefinitionFingerprint(files: [:], key: "") }
    var text = "docket definitions 1\nexecutable \(executable)\n"
    for path in paths {
      let digest = (try? FileSystem.read(root + "/" + path)).map { SHA256.digest($0) } ?? "unreadable"
      files[path] = digest
      text += path + "\t" + digest + "\n"
    }
    return DefinitionFingerprint(files: files, key: SHA256.digest(Array(text.utf8)))
  }

  /// Whether every source the loader read is one of these files with this content: false
  /// when a file changed between the fingerprint and the load, or the loader read a file
  /// the fingerprint does not know (then no record may be trusted or written).
  ///
  /// Workflows are compared by their definition digest (of the file's bytes, computed by the
  /// loader anyway); other files by the digest of their text (a file that starts with a
  /// byte-order mark never matches, so it is simply never cached).
  func covers(_ sources: [String: SourceFile], workflowDigests: [String: String]) -> Bool {
    for (path, source) in sources {
      guard let expected = files[path] else { return false }
      let actual =
        workflowDigests[path]
        ?? SHA256.digest(Array(String(String.UnicodeScalarView(source.scalars)).utf8))
      if actual != expected { return false }
    }
    return true
  }

  /// Device, inode, size and modification time of the running executable: a rebuilt or
  /// upgraded `docket` may check more than the one that wrote a record, so it starts afresh.
  private static func executableIdentity() -> String? {
    #if os(Linux)
      let path = "/proc/self/exe"
    #else
      // Only a path names the file (a bare name was found on PATH, which may have changed).
      guard let path = CommandLine.arguments.first, path.contains("/") else { return nil }
    #endif
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    #if canImport(Darwin)
      let (s, n) = (Int64(st.st_mtimespec.tv_sec), Int64(st.st_mtimespec.tv_nsec))
    #else
      let (s, n) = (Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec))
    #endif
    return "\(st.st_dev):\(st.st_ino):\(st.st_size):\(s).\(n)"
  }
}

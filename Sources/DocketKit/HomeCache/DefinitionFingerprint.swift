import DocketDSL
import DocketDiagnostics
import DocketModel

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

  /// Fingerprints the definition files in `home`, read once by ``HomeFiles/read(home:)``
  /// (which lists what the loader reads: `docket.yaml`, `staff.yaml` and every `*.yaml` of
  /// `calendars/`, `workflows/`, `rules/`, not their subfolders). Returns the fingerprint and
  /// the files with their digests, for the loader to decode (so it checks exactly the
  /// fingerprinted bytes and hashes no workflow again).
  static func read(_ home: HomeFiles) -> (DefinitionFingerprint, HomeFiles) {
    // Without the executable's identity a record could outlive an upgrade that checks more:
    // then no key at all, and nothing is cached.
    guard let executable = executableIdentity() else { return (DefinitionFingerprint(files: [:], key: ""), home) }
    let digested = home.digestingAll()
    var files: [String: String] = [:]
    var text = "docket definitions 2\nexecutable \(executable)\n"
    for (path, file) in digested.files.sorted(by: { $0.key < $1.key }) {
      let digest = file.digest ?? "unreadable"
      files[path] = digest
      text += path + "\t" + digest + "\n"
    }
    return (DefinitionFingerprint(files: files, key: SHA256.digest(Array(text.utf8))), digested)
  }

  /// Whether every source the loader read is one of these files: false when the loader read
  /// a file the fingerprint does not know (then no record may be trusted or written). The
  /// loader decodes the very bytes that were fingerprinted (``read(_:)``), so a file's
  /// contents cannot differ from its digest here.
  func covers(_ sources: [String: SourceFile]) -> Bool {
    sources.keys.allSatisfy { files[$0] != nil && files[$0] != "unreadable" }
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

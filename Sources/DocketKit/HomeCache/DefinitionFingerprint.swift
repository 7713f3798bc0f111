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
/// the result for the other. Contents, not modification times: a file counts as unchanged
/// without being hashed only when a ``ValidatedHomeRecord`` vouches for its exact stat (see
/// ``ValidatedHomeRecord/vouches(for:as:)``); any other file is read and hashed.
struct DefinitionFingerprint: Sendable, Equatable {
  /// One file's digest and the stat it was taken under.
  struct Entry: Sendable, Equatable {
    /// `sha256:…` of the file's bytes, or `unreadable` for a file that cannot be read.
    var digest: String
    /// The descriptor's stat after the bytes were read (or the path's, for a file a record
    /// vouched for); nil when unknown, and then no later command may skip hashing the file.
    var stat: FileStat?
  }

  /// Home-relative path (`workflows/complaint.yaml`) -> its digest and stat.
  var files: [String: Entry]
  /// One digest over the executable's identity and every path with its digest; empty when
  /// the executable cannot be identified (then nothing may be cached).
  var key: String
  /// The files read and hashed to make this fingerprint (the others were vouched for by a
  /// record), in path order: tests use it to see the fast path taken.
  var hashed: [String] = []
  /// The running executable's identity (part of ``key``).
  var executable = ""

  /// Fingerprints the definition files of `home`: a file `record` vouches for by its stat
  /// takes the record's digest (and stays unread unless the caller read it); every other one
  /// is read (if the caller did not) and hashed. Updates `home` with the digests, so the
  /// loader takes a workflow's pinned digest from there and hashes nothing again.
  static func make(_ home: inout HomeFiles, record: ValidatedHomeRecord?) -> DefinitionFingerprint {
    // Without the executable's identity a record could outlive an upgrade that checks more:
    // then no key at all, and nothing is cached.
    guard let executable = executableIdentity() else { return DefinitionFingerprint(files: [:], key: "") }
    var files: [String: Entry] = [:]
    files.reserveCapacity(home.files.count)
    var hashed: [String] = []
    var sameAsRecord = true
    let paths = home.files.keys.sorted()
    for path in paths {
      guard var file = home.files[path] else { continue }
      if file.digest == nil {
        if !file.isRead { file.stat = FileStat.of(path: home.rootPath + "/" + path) }
        if let record, let stat = file.stat, let kept = record.files[path],
          record.vouches(for: stat, as: kept.stat)
        {
          file.digest = kept.digest
          home.record(path, stat: stat, digest: kept.digest)
        } else {
          home.read(path)
          file = home.files[path] ?? file
          file.digest = file.bytes.map { SHA256.digest($0) }
          home.record(path, stat: file.stat, digest: file.digest)
          hashed.append(path)
        }
      }
      let digest = file.digest ?? "unreadable"
      if digest != record?.files[path]?.digest { sameAsRecord = false }
      files[path] = Entry(digest: digest, stat: file.stat)
    }
    // The same paths with the same digests under the same executable: the text below would
    // be the record's, and so would its key.
    if sameAsRecord, let record, !record.key.isEmpty, record.executable == executable,
      record.files.count == files.count
    {
      return DefinitionFingerprint(files: files, key: record.key, hashed: hashed, executable: executable)
    }
    var text = "docket definitions 2\nexecutable \(executable)\n"
    for path in paths { text += path + "\t" + (files[path]?.digest ?? "unreadable") + "\n" }
    return DefinitionFingerprint(
      files: files, key: SHA256.digest(Array(text.utf8)), hashed: hashed, executable: executable)
  }

  /// Whether every source the loader read is one of these files: false when the loader read
  /// a file the fingerprint does not know (then no record may be trusted or written). The
  /// loader decodes the very bytes that were fingerprinted (``make(_:record:)``), so a file's
  /// contents cannot differ from its digest here.
  func covers(_ sources: [String: SourceFile]) -> Bool {
    sources.keys.allSatisfy { files[$0] != nil && files[$0]?.digest != "unreadable" }
  }

  /// Device, inode, size, modification and change time of the running executable: a rebuilt
  /// or upgraded `docket` may check more than the one that wrote a record, so it starts
  /// afresh. The change time catches a same-size rewrite in place whose modification time
  /// was set back.
  private static func executableIdentity() -> String? {
    #if os(Linux)
      // The running image itself, even when its path has since been replaced.
      let path = "/proc/self/exe"
    #else
      // Only a path names the file (a bare name was found on PATH, which may have changed).
      guard let path = CommandLine.arguments.first, path.contains("/") else { return nil }
    #endif
    guard let st = FileStat.of(path: path) else { return nil }
    return String(st.device) + ":" + String(st.inode) + ":" + String(st.size) + ":"
      + st.modified.description + ":" + st.changed.description
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's current folder, read with `getcwd`.
///
/// What `FileManager.default.currentDirectoryPath` answers, without its first use: creating
/// the default `FileManager` cost every command 0.02 M instructions of run-time set-up in the
/// static binary (docs/performance.md §13). Like Foundation, an unreadable current folder
/// (deleted, or a path too long) gives the empty string.
enum WorkingDirectory {
  static var path: String { path(capacity: 4096) }

  /// The path, read into a buffer of `capacity` bytes that grows while it is too short.
  static func path(capacity: Int) -> String {
    var capacity = max(capacity, 1)
    while true {
      var tooShort = false
      let path = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
        guard let base = buffer.baseAddress, getcwd(base, capacity) != nil else {
          tooShort = errno == ERANGE
          return ""
        }
        return String(cString: base)
      }
      guard tooShort, capacity < 1 << 20 else { return path }
      capacity *= 4
    }
  }
}

/// Paths that are already what Foundation's `standardizedFileURL` makes of them.
///
/// Standardizing a URL costs its first use 0.03–0.4 M instructions of run-time set-up in the
/// static binary (docs/performance.md §13), and the folders a command works in are nearly
/// always standard already; this says when that call can be skipped.
package enum StandardPath {
  /// Whether `path` is absolute and standard: no `.` or `..` component, no doubled or
  /// trailing slash, and none of the prefixes Foundation strips (`/private/`,
  /// `/var/automount/`). Such a path is its own `standardizedFileURL.path`; anything else is
  /// left to Foundation, so its rules stay the only ones.
  package static func isStandardAbsolute(_ path: String) -> Bool {
    guard path.hasPrefix("/"), path.count > 1, !path.hasSuffix("/"), !path.hasPrefix("/private/"),
      !path.hasPrefix("/var/automount/")
    else { return false }
    return !path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
      .contains { $0.isEmpty || $0.elementsEqual([0x2E]) || $0.elementsEqual([0x2E, 0x2E]) }
  }
}

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
    // Each component after the leading `/`, read in place (splitting into an array of
    // slices cost 14 K instructions a path).
    var path = path
    return path.withUTF8 { bytes in
      let slash = UInt8(ascii: "/")
      let dot = UInt8(ascii: ".")
      var start = 1
      for end in 1...bytes.count where end == bytes.count || bytes[end] == slash {
        switch end - start {
        case 0: return false
        case 1: if bytes[start] == dot { return false }
        case 2: if bytes[start] == dot, bytes[start + 1] == dot { return false }
        default: break
        }
        start = end + 1
      }
      return true
    }
  }
}

import DocketFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says about one file, as git's index keeps it: enough to tell, without reading
/// the file, that it is the very file (same inode, same size) left untouched since (same
/// modification and change times; the change time cannot be set by users, so `touch -d`
/// restoring the modification time is still seen).
package struct FileStat: Sendable, Hashable {
  /// A file time stamp, seconds and nanoseconds since 1970 (ordered).
  package struct Time: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var seconds: Int64
    package var nanoseconds: Int64

    package init(seconds: Int64, nanoseconds: Int64) {
      self.seconds = seconds
      self.nanoseconds = nanoseconds
    }

    package static func < (a: Time, b: Time) -> Bool {
      (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    /// `SECONDS.NANOSECONDS` (nine digits), as kept in records.
    package var description: String {
      let n = String(nanoseconds)
      return String(seconds) + "." + String(repeating: "0", count: max(0, 9 - n.count)) + n
    }

    /// The kernel's coarse wall clock, the one local file systems stamp files with: a file
    /// changed after this call gets a modification and change time at least this.
    package static func now() -> Time {
      var ts = timespec()
      #if os(Linux)
        clock_gettime(CLOCK_REALTIME_COARSE, &ts)
      #else
        clock_gettime(CLOCK_REALTIME, &ts)
      #endif
      return Time(seconds: Int64(ts.tv_sec), nanoseconds: Int64(ts.tv_nsec))
    }
  }

  package var device: UInt64
  package var inode: UInt64
  package var size: Int64
  package var modified: Time
  package var changed: Time

  package init(device: UInt64, inode: UInt64, size: Int64, modified: Time, changed: Time) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modified = modified
    self.changed = changed
  }

  init(_ st: stat) {
    #if canImport(Darwin)
      let (m, c) = (st.st_mtimespec, st.st_ctimespec)
    #else
      let (m, c) = (st.st_mtim, st.st_ctim)
    #endif
    self.init(
      device: UInt64(truncatingIfNeeded: st.st_dev), inode: UInt64(truncatingIfNeeded: st.st_ino),
      size: Int64(st.st_size),
      modified: Time(seconds: Int64(m.tv_sec), nanoseconds: Int64(m.tv_nsec)),
      changed: Time(seconds: Int64(c.tv_sec), nanoseconds: Int64(c.tv_nsec)))
  }

  /// The file at `path` (following symbolic links, as reading it does), or nil.
  package static func of(path: String) -> FileStat? {
    var st = stat()
    return stat(path, &st) == 0 ? FileStat(st) : nil
  }

  /// The bytes of the file at `path` and the stat of the descriptor they were read from,
  /// taken after the last read (so a change during the read shows in the stat); nil when it
  /// cannot be read (a folder included).
  package static func read(path: String) -> (bytes: [UInt8], stat: FileStat)? {
    guard let (bytes, st) = try? FileSystem.readWithStat(path) else { return nil }
    return (bytes, FileStat(st))
  }
}

import DocketFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock on a file (`flock`), held for a whole command so concurrent `docket`
/// processes take turns: none loses another's update, and new ids never repeat.
///
/// A class because it owns a file descriptor. Each instance opens the file itself, so two
/// locks in one process (two threads, two sessions) exclude each other as two processes do.
/// The lock is released by ``unlock()`` or, at the latest, when the process exits.
package final class FileLock {
  package enum Mode: Sendable { case shared, exclusive }

  private let fd: Int32
  package let path: String
  package private(set) var mode: Mode?

  /// Opens (creating if needed) the lock file; takes no lock yet. A reader that may not
  /// write the store (a read-only copy, another user's home) opens it read-only: `flock`
  /// works on either.
  package init(path: String, readOnly: Bool = false) throws(FileSystem.Failure) {
    var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0, readOnly, errno == EACCES || errno == EROFS || errno == EPERM {
      fd = open(path, O_RDONLY | O_CLOEXEC)
    }
    guard fd >= 0 else { throw FileSystem.Failure(errno: errno) }
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// Waits until the lock is held in `mode` (converting a lock already held).
  package func lock(_ mode: Mode) throws(FileSystem.Failure) {
    let operation = mode == .shared ? LOCK_SH : LOCK_EX
    while flock(fd, operation) != 0 {
      if errno != EINTR { throw FileSystem.Failure(errno: errno) }
    }
    self.mode = mode
  }

  package func unlock() {
    guard mode != nil else { return }
    _ = flock(fd, LOCK_UN)
    mode = nil
  }
}

/// The current process id, for naming temporary files.
package func processID() -> Int32 { getpid() }

import DocketFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file, for the journal's log and marker: they are written at known offsets,
/// synced with `fdatasync` and cut back with `ftruncate`, which whole-file calls cannot do.
///
/// A class because it owns the descriptor (closed on deinit).
package final class FileDescriptor {
  package let fd: Int32

  /// Opens `path` for reading and writing; `create` makes it when missing (mode 0644).
  package init(path: String, create: Bool) throws(FileSystem.Failure) {
    let fd = open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o644)
    guard fd >= 0 else { throw FileSystem.Failure(errno: errno) }
    self.fd = fd
  }

  deinit { close(fd) }

  package func size() throws(FileSystem.Failure) -> Int64 {
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileSystem.Failure(errno: errno) }
    return Int64(st.st_size)
  }

  /// Writes all of `bytes` starting at `offset` (the file grows as needed).
  package func write(_ bytes: some Collection<UInt8>, at offset: Int64) throws(FileSystem.Failure) {
    let done: Int32? = bytes.withContiguousStorageIfAvailable { buffer -> Int32 in
      var written = 0
      while written < buffer.count {
        let n = pwrite(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written, off_t(offset) + off_t(written))
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += n
      }
      return 0
    }
    if let done {
      if done != 0 { throw FileSystem.Failure(errno: done) }
    } else {
      try write(Array(bytes), at: offset)
    }
  }

  /// The bytes from `offset` to the end of the file.
  package func read(from offset: Int64) throws(FileSystem.Failure) -> [UInt8] {
    let end = try size()
    guard end > offset else { return [] }
    var out = [UInt8](repeating: 0, count: Int(end - offset))
    var got = 0
    while got < out.count {
      let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + got }, $0.count - got, off_t(offset) + off_t(got)) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileSystem.Failure(errno: errno)
      }
      if n == 0 { break }
      got += n
    }
    return Array(out[0..<got])
  }

  /// Cuts the file to `length` bytes.
  package func truncate(to length: Int64) throws(FileSystem.Failure) {
    if ftruncate(fd, off_t(length)) != 0 { throw FileSystem.Failure(errno: errno) }
  }

  /// Makes the file's contents (and the size needed to read them) durable: `fdatasync`,
  /// which skips the modification time a full `fsync` would also write.
  package func syncData() throws(FileSystem.Failure) {
    #if os(Linux)
      if fdatasync(fd) != 0 { throw FileSystem.Failure(errno: errno) }
    #else
      if fsync(fd) != 0 { throw FileSystem.Failure(errno: errno) }
    #endif
  }

  /// Makes the file's contents and metadata durable.
  package func sync() throws(FileSystem.Failure) {
    if fsync(fd) != 0 { throw FileSystem.Failure(errno: errno) }
  }
}

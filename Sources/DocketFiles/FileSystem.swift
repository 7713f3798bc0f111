#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the store and the definition loader need, with errors as values.
///
/// Plain system calls rather than `FileManager`/`Data`: every command reads its definition
/// files and reads and writes a ticket file, and these do it without bridging or extra
/// copies. Paths are absolute.
package enum FileSystem {
  /// Why a call failed: the system's message (`No such file or directory`) and errno.
  package struct Failure: Error, Sendable {
    package var errno: Int32
    package init(errno: Int32) { self.errno = errno }
    package var message: String { String(cString: strerror(errno)) }
    package var isNotFound: Bool { errno == ENOENT || errno == ENOTDIR }
  }

  private static func failure() -> Failure { Failure(errno: errno) }

  /// The whole file, or a failure (`isNotFound` when it does not exist).
  package static func read(_ path: String) throws(Failure) -> [UInt8] {
    try readWithStat(path).bytes
  }

  /// The whole file and the `stat` of the descriptor it was read from, taken after the last
  /// read (so a change during the read shows in it); a folder is `EISDIR`.
  package static func readWithStat(_ path: String) throws(Failure) -> (bytes: [UInt8], stat: stat) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw failure() }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(errno: EISDIR) }
    // Sized by the stat, one byte over so a file read whole meets its end on the next call;
    // a file that grew meanwhile doubles the buffer. No zeroed scratch chunk: zeroing 64 KB
    // per read was 2.5 % of a whole `docket advance` (docs/performance.md §13).
    var out = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
    var used = 0
    while true {
      if used == out.count { out.append(contentsOf: repeatElement(0, count: out.count)) }
      let n = out.withUnsafeMutableBytes { raw in Glibc_read(fd, raw.baseAddress.map { $0 + used }, raw.count - used) }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      if n == 0 { break }
      used += n
    }
    out.removeLast(out.count - used)
    guard fstat(fd, &st) == 0 else { throw failure() }
    return (out, st)
  }

  /// Whether `path` is a folder (following symbolic links).
  package static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Writes all of `bytes` to an open descriptor.
  package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buf in
        Glibc_write(fd, buf.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      offset += n
    }
  }

  /// Creates the file (truncating any old one), writes `bytes` and, if asked, syncs it.
  package static func write(_ path: String, _ bytes: [UInt8], sync: Bool) throws(Failure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    try writeAll(fd, bytes)
    if sync, fsync(fd) != 0 { throw failure() }
  }

  /// Syncs a file written earlier without syncing (writing many files first and syncing
  /// them afterwards lets the file system flush them together).
  package static func sync(_ path: String) throws(Failure) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    if fsync(fd) != 0 { throw failure() }
  }

  /// Flushes everything written to the file system holding `path` (Linux `syncfs`): one
  /// call instead of one `fsync` per file when a commit writes many files (`tick` breaching
  /// a thousand deadlines: 0.2 s instead of 6 s on a busy disk). Elsewhere, `fallback` is
  /// synced file by file.
  package static func syncFileSystem(containing path: String, fallback: @autoclosure () -> [String]) throws(Failure) {
    #if canImport(Glibc)
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw failure() }
      defer { close(fd) }
      if linuxSyncfs(fd) != 0 { throw failure() }
    #else
      for file in fallback() { try sync(file) }
    #endif
  }

  /// Appends `bytes` at the end of the file (created if missing) and, if asked, syncs it.
  package static func append(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(Failure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    try writeAll(fd, bytes)
    if sync, fsync(fd) != 0 { throw failure() }
  }

  /// The file's size in bytes, or nil when it does not exist.
  package static func size(_ path: String) throws(Failure) -> Int64? {
    var st = stat()
    if stat(path, &st) != 0 {
      if errno == ENOENT { return nil }
      throw failure()
    }
    return Int64(st.st_size)
  }

  package static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Cuts the file back to `length` bytes (undoing an append that a crash interrupted).
  package static func truncate(_ path: String, to length: Int64) throws(Failure) {
    if Glibc_truncate(path, off_t(length)) != 0 { throw failure() }
  }

  package static func rename(_ from: String, _ to: String) throws(Failure) {
    if Glibc_rename(from, to) != 0 { throw failure() }
  }

  /// Removes a file; a missing file is not an error.
  package static func remove(_ path: String) throws(Failure) {
    if unlink(path) != 0, errno != ENOENT { throw failure() }
  }

  /// Removes an empty folder; a missing one is not an error.
  package static func removeDirectory(_ path: String) throws(Failure) {
    if rmdir(path) != 0, errno != ENOENT { throw failure() }
  }

  /// Makes a folder and its missing parents.
  package static func makeDirectories(_ path: String) throws(Failure) {
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
    guard errno == ENOENT else { throw failure() }
    let parent = directoryName(path)
    guard parent != path, !parent.isEmpty else { throw failure() }
    try makeDirectories(parent)
    if mkdir(path, 0o755) != 0, errno != EEXIST { throw failure() }
  }

  /// Syncs a folder so the renames and creations in it survive a power cut.
  package static func syncDirectory(_ path: String) throws(Failure) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    if fsync(fd) != 0 { throw failure() }
  }

  /// The names in a folder (no `.`/`..`), or [] when it does not exist.
  package static func list(_ path: String) throws(Failure) -> [String] {
    guard let dir = opendir(path) else {
      if errno == ENOENT { return [] }
      throw failure()
    }
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

  /// The device, inode, size and modification time: enough to tell that a file was replaced.
  package struct Identity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanos: Int64
  }

  package static func identity(_ path: String) throws(Failure) -> Identity? {
    var st = stat()
    if stat(path, &st) != 0 {
      if errno == ENOENT { return nil }
      throw failure()
    }
    #if canImport(Darwin)
      let (s, n) = (Int64(st.st_mtimespec.tv_sec), Int64(st.st_mtimespec.tv_nsec))
    #else
      let (s, n) = (Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec))
    #endif
    return Identity(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modifiedSeconds: s, modifiedNanos: n)
  }

  package static func directoryName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}

// Unambiguous names for libc calls that `FileSystem` shadows with its own methods.
private func Glibc_read(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ n: Int) -> Int { read(fd, buf, n) }
private func Glibc_write(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int { write(fd, buf, n) }
private func Glibc_rename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
private func Glibc_truncate(_ p: String, _ n: off_t) -> Int32 { truncate(p, n) }

#if canImport(Glibc)
  /// `syncfs(2)` (glibc 2.14+): not in Swift's Glibc module, which leaves out what needs
  /// `_GNU_SOURCE`. Linked by name rather than looked up with `dlsym`, which finds nothing in
  /// a fully static binary (the install line's), where the fallback was a `sync()` of every
  /// file system on the machine.
  @_silgen_name("syncfs")
  private func linuxSyncfs(_ fd: Int32) -> Int32
#endif

import DocketFiles

/// The store's write-ahead log: a commit of several files is all or nothing, and durable,
/// after a single `fdatasync`.
///
/// A commit appends one ``JournalRecord`` (every file it replaces and every append, with all
/// their bytes) to `wal/log` and syncs it: that is the commit point. It then applies the
/// record without syncing (each file replaced by a temporary file renamed over it, each
/// append written at the size recorded before it) and notes how far the log is applied, and
/// in which boot, in the unsynced marker `wal/applied` (``JournalMarker``).
///
/// Whoever next takes the store's lock checks the marker against the log (``needsRecovery``)
/// and replays what may be missing (``recover()``): from the marker when a process died
/// while applying, the whole log after a reboot (the page cache, and so any unsynced apply,
/// may have been lost). Replaying is idempotent: a file is rewritten whole, an append first
/// cuts its file back to the recorded size. A record cut short never committed and is cut
/// off. A checkpoint (``checkpoint()``) makes every applied write durable (`syncfs`) and
/// empties the log; it runs when the log passes ``defaultCheckpointBytes``, after a replay,
/// and before anything writes outside the log a file the log may name, or a later replay
/// would undo that write. docs/storage.md describes the protocol.
package struct Journal {
  /// One step of a commit, so a test can simulate a crash before it.
  package enum Step: String, Sendable, CaseIterable {
    /// Nothing of the record is written yet.
    case writeRecord
    /// Half the record is written: a torn record.
    case finishRecord
    /// The whole record is written but not yet synced.
    case syncLog
    /// The record is synced (committed); nothing is applied.
    case applyPuts
    /// The replaced files are in place; the appends are not done.
    case applyAppends
    /// Everything is applied; the marker still names the log's previous end.
    case writeMarker
    /// A checkpoint is due and has not started.
    case checkpoint
    /// The file system is synced; the marker still names the log's end.
    case resetMarker
    /// The marker says 0; the log is not emptied yet.
    case emptyLog
  }

  /// A file to replace, and its new contents.
  package struct Put: Sendable {
    /// Relative to the store root.
    package var target: String
    package var bytes: [UInt8]
  }

  /// Bytes to add at the end of a file.
  package struct Append: Sendable {
    package var target: String
    package var bytes: [UInt8]
  }

  /// Up to this many freshly written files are synced one by one; more, and the whole file
  /// system is synced at once (far cheaper for many files).
  static let syncEachLimit = 8

  /// The log is checkpointed once it passes this size. A checkpoint costs one `syncfs`
  /// (which mostly flushes what the kernel would write back within seconds anyway) plus two
  /// small syncs; 1 MiB is some 300 `advance` commits of a 2 KB ticket, so that cost is spread
  /// thin, while a replay after a reboot reads and rewrites at most about 1 MiB (a few
  /// milliseconds) and the log never takes noticeable space. A bigger commit (a `tick`
  /// breaching 1,000 tickets, ~2 MB) passes it at once and is checkpointed right away.
  package static let defaultCheckpointBytes: Int64 = 1 << 20

  /// The errno a simulated crash uses, so it is never mistaken for a real failure.
  package static let simulatedCrash: Int32 = -424_242
  /// EBADMSG: a record in the middle of the log is damaged (not merely cut short at its end).
  static let damagedLog: Int32 = 74
  /// EINVAL: a target outside the store.
  static let unsafeTarget: Int32 = 22

  /// The store root (absolute).
  package let root: String
  /// This boot of the machine; nil where the system has no boot id, and then every commit
  /// is checkpointed (the log is empty between commands, so recovery needs no marker).
  let boot: String?
  let checkpointBytes: Int64

  static let folderName = "wal"
  private var folder: String { root + "/" + Self.folderName }
  var logPath: String { folder + "/log" }
  var markerPath: String { folder + "/applied" }

  package init(root: String, boot: String? = JournalMarker.currentBoot, checkpointBytes: Int64 = defaultCheckpointBytes) {
    self.root = root
    self.boot = boot
    self.checkpointBytes = checkpointBytes
  }

  // MARK: - Checking

  /// Whether the log may hold commits not (or no longer) applied to the files, or a
  /// previous version left its journal folder. Cheap: an `access`, a `stat` and, when the
  /// log is not empty, a read of the small marker.
  package var needsRecovery: Bool {
    if LegacyJournal(root: root).isPresent { return true }
    let size: Int64
    do {
      guard let known = try FileSystem.size(logPath) else { return false }
      size = known
    } catch {
      return true
    }
    guard size > 0 else { return false }
    guard let boot, let marker = readMarker(), marker.boot == boot, marker.offset == size else { return true }
    return false
  }

  private func readMarker() -> JournalMarker? {
    (try? FileSystem.read(markerPath)).flatMap(JournalMarker.decode)
  }

  /// Notes how far the log is applied. Never synced: in this boot the page cache is
  /// exact, and after a reboot a marker is not trusted anyway.
  private func writeMarker(offset: Int64) throws(FileSystem.Failure) {
    guard let boot, let bytes = JournalMarker(boot: boot, offset: offset).encoded() else { return }
    try FileDescriptor(path: markerPath, create: true).write(bytes, at: 0)
  }

  // MARK: - Committing

  /// Commits `puts` and `appends` as one unit: durable once this returns. `failBefore` lets
  /// tests stop at any step as if the process had been killed there (nothing is cleaned up).
  package func commit(
    puts: [Put], appends: [Append], failBefore: ((Step) throws(FileSystem.Failure) -> Void)? = nil
  ) throws(FileSystem.Failure) {
    let step = { (s: Step) throws(FileSystem.Failure) -> Void in if let f = failBefore { try f(s) } }
    let record = try self.record(puts: puts, appends: appends)
    let bytes = record.encoded()
    try step(.writeRecord)
    let log = try openLog()
    let start = try log.size()
    do {
      if failBefore != nil {
        let half = bytes.count / 2
        try log.write(bytes[..<half], at: start)
        try step(.finishRecord)
        try log.write(bytes[half...], at: start + Int64(half))
      } else {
        try log.write(bytes, at: start)
      }
      try step(.syncLog)
      try log.syncData()
    } catch let failure where failure.errno != Self.simulatedCrash {
      // Before the commit point nothing is visible yet: take the record back out.
      try? log.truncate(to: start)
      try? log.syncData()
      throw failure
    }
    // From here on the commit has happened; an error leaves the log for recovery to finish.
    let end = start + Int64(bytes.count)
    try step(.applyPuts)
    try apply(record, step: step)
    try step(.writeMarker)
    do {
      try writeMarker(offset: end)
      if boot == nil || end > checkpointBytes { try checkpoint(log, step: step) }
    } catch let failure where failure.errno == Self.simulatedCrash {
      throw failure
    } catch {
      // The commit stands (it is in the synced log and applied); a marker left behind only
      // makes the next command replay, and a log left long is checkpointed later.
    }
  }

  /// The record for a commit: the puts, then the appends with each target's size before
  /// them (as it will be after the puts and earlier appends of the same commit).
  private func record(puts: [Put], appends: [Append]) throws(FileSystem.Failure) -> JournalRecord {
    var sizes: [String: Int64] = [:]
    var changes: [JournalRecord.Change] = []
    changes.reserveCapacity(puts.count + appends.count)
    for put in puts {
      guard JournalRecord.isSafe(put.target) else { throw FileSystem.Failure(errno: Self.unsafeTarget) }
      changes.append(.put(target: put.target, bytes: put.bytes))
      sizes[put.target] = Int64(put.bytes.count)
    }
    for append in appends {
      guard JournalRecord.isSafe(append.target) else { throw FileSystem.Failure(errno: Self.unsafeTarget) }
      let before: Int64
      if let known = sizes[append.target] {
        before = known
      } else {
        before = try FileSystem.size(root + "/" + append.target) ?? 0
      }
      sizes[append.target] = before + Int64(append.bytes.count)
      changes.append(.append(target: append.target, sizeBefore: before, bytes: append.bytes))
    }
    return JournalRecord(changes: changes)
  }

  /// The log, created (and its creation made durable) the first time.
  private func openLog() throws(FileSystem.Failure) -> FileDescriptor {
    do {
      return try FileDescriptor(path: logPath, create: false)
    } catch let failure where failure.isNotFound {
      try FileSystem.makeDirectories(folder)
      let log = try FileDescriptor(path: logPath, create: true)
      try log.sync()
      try FileSystem.syncDirectory(folder)
      try FileSystem.syncDirectory(root)
      return log
    }
  }

  // MARK: - Applying

  /// Writes a record's changes to their files, unsynced: replaced files by rename (a reader
  /// sees the old file or the new, never a mix), appends after cutting the file back to the
  /// size recorded before them (so applying twice writes them once).
  private func apply(_ record: JournalRecord, step: ((Step) throws(FileSystem.Failure) -> Void)?) throws(FileSystem.Failure) {
    for case .put(let target, let bytes) in record.changes { try replace(target, with: bytes) }
    try step?(.applyAppends)
    for case .append(let target, let size, let bytes) in record.changes { try append(bytes, to: target, at: size) }
  }

  private func replace(_ target: String, with bytes: [UInt8]) throws(FileSystem.Failure) {
    let path = root + "/" + target
    let directory = FileSystem.directoryName(path)
    let temporary = "\(directory)/.\(path.dropFirst(directory.count + 1)).wal.tmp"
    do {
      try FileSystem.write(temporary, bytes, sync: false)
    } catch let failure where failure.isNotFound {
      try FileSystem.makeDirectories(directory)
      try FileSystem.write(temporary, bytes, sync: false)
    }
    try FileSystem.rename(temporary, path)
  }

  private func append(_ bytes: [UInt8], to target: String, at sizeBefore: Int64) throws(FileSystem.Failure) {
    let path = root + "/" + target
    let file: FileDescriptor
    do {
      file = try FileDescriptor(path: path, create: true)
    } catch let failure where failure.isNotFound {
      try FileSystem.makeDirectories(FileSystem.directoryName(path))
      file = try FileDescriptor(path: path, create: true)
    }
    let size = try file.size()
    if size > sizeBefore { try file.truncate(to: sizeBefore) }
    try file.write(bytes, at: min(size, sizeBefore))
  }

  // MARK: - Recovering

  /// Finishes what the log holds and a crash or a reboot may have left unapplied, then
  /// checkpoints; recovers a previous version's journal folder first. Call only while
  /// holding the lock exclusively.
  package func recover() throws(FileSystem.Failure) {
    try LegacyJournal(root: root).recover()
    let log: FileDescriptor
    do {
      log = try FileDescriptor(path: logPath, create: false)
    } catch let failure where failure.isNotFound {
      return
    }
    let size = try log.size()
    guard size > 0 else { return }
    var start: Int64 = 0
    if let boot, let marker = readMarker(), marker.boot == boot, marker.offset <= size {
      // Same boot: everything before the marker is applied, in the page cache at least.
      if marker.offset == size { return }
      start = marker.offset
    }
    let bytes = try log.read(from: start)
    var offset = 0
    while offset < bytes.count {
      guard case .record(let record, let end) = JournalRecord.decode(bytes, at: offset) else {
        // A record cut short: its writer died before the sync returned, so it never
        // committed. A bad record followed by a good one is damage, not a torn end: refuse
        // rather than drop commits.
        if let next = JournalRecord.declaredEnd(bytes, at: offset), next < bytes.count,
          case .record = JournalRecord.decode(bytes, at: next)
        {
          throw FileSystem.Failure(errno: Self.damagedLog)
        }
        try log.truncate(to: start + Int64(offset))
        try log.syncData()
        break
      }
      try apply(record, step: nil)
      offset = end
    }
    try checkpoint(log, step: nil)
  }

  // MARK: - Checkpointing

  /// Makes everything applied durable and empties the log, if it holds anything. Every
  /// writer that replaces or removes, outside the log, a file the log may name calls this
  /// first (with the lock held exclusively): a later replay would otherwise undo its write.
  package func checkpoint() throws(FileSystem.Failure) {
    guard let size = try FileSystem.size(logPath), size > 0 else { return }
    try checkpoint(try FileDescriptor(path: logPath, create: false), step: nil)
  }

  private func checkpoint(_ log: FileDescriptor, step: ((Step) throws(FileSystem.Failure) -> Void)?) throws(FileSystem.Failure) {
    try step?(.checkpoint)
    try FileSystem.syncFileSystem(containing: root, fallback: loggedPaths(log))
    try step?(.resetMarker)
    // The marker goes to 0 before the log is emptied: dying in between replays the whole
    // log (harmless), whereas an emptied log under an old marker could make the next
    // commit's record look already applied.
    try writeMarker(offset: 0)
    try step?(.emptyLog)
    try log.truncate(to: 0)
    try log.syncData()
  }

  /// Every file the log names and its folder: what a checkpoint syncs where the whole file
  /// system cannot be synced at once.
  private func loggedPaths(_ log: FileDescriptor) -> [String] {
    guard let bytes = try? log.read(from: 0) else { return [] }
    var paths = Set<String>()
    var offset = 0
    while case .record(let record, let end) = JournalRecord.decode(bytes, at: offset) {
      for change in record.changes {
        let path = root + "/" + change.target
        paths.insert(path)
        paths.insert(FileSystem.directoryName(path))
      }
      offset = end
    }
    return paths.sorted()
  }
}

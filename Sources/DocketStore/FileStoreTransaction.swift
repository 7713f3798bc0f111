import DocketFiles
import DocketModel
import Foundation

/// One transaction on a ``FileInstanceStore``: holds the lock until ``end()``.
final class FileStoreTransaction: StoreTransaction {
  let store: FileInstanceStore
  private let lock: FileLock?
  private(set) var mode: FileLock.Mode
  private var journal: Journal {
    Journal(root: store.root, boot: store.bootID, checkpointBytes: store.checkpointLogBytes)
  }
  lazy var index = StoreIndex(transaction: self)
  lazy var lookupIndex = LookupIndex(transaction: self)

  /// What this transaction read of each ticket, to check at commit that nothing changed it.
  private struct Read {
    var relativePath: String
    var identity: FileSystem.Identity?
    var revision: Int
    var status: InstanceStatus
  }
  private var reads: [InstanceID: Read] = [:]
  /// Tickets already decoded in this transaction (nobody else can change them while the lock
  /// is held), so the engine reading a ticket the session just read costs nothing.
  private var loaded: [InstanceID: Instance] = [:]

  init(store: FileInstanceStore, mode: FileLock.Mode) throws(StoreError) {
    self.store = store
    self.mode = mode
    // A home that never stored anything has no `data/`; reading it needs no lock, and it
    // is only created by the first write (contract §1).
    if mode == .shared, !FileSystem.exists(store.root) {
      lock = nil
      return
    }
    do {
      if mode == .exclusive { try FileSystem.makeDirectories(store.root) }
      let lock = try FileLock(path: store.lockPath, readOnly: mode == .shared)
      try lock.lock(mode)
      self.lock = lock
    } catch {
      throw StoreError(.writeFailed, path: store.display(".lock"), reason: "cannot lock: \(error.message)")
    }
    try recoverIfNeeded()
  }

  deinit { lock?.unlock() }

  func end() { lock?.unlock() }

  /// Finishes a commit a crash or a reboot left unapplied (taking the lock exclusively).
  private func recoverIfNeeded() throws(StoreError) {
    guard journal.needsRecovery else { return }
    try upgrade()
    do {
      try journal.recover()
    } catch {
      throw StoreError(
        .writeFailed, path: store.display("wal/log"),
        reason: "cannot finish an interrupted commit: \(error.message)")
    }
    AtomicFile.removeStaleTemporaries(in: store.root + "/index")
  }

  /// Makes the journal's log empty (everything in it durable) before a write outside the
  /// log to a file the log may name: index rewrites and rebuilds, lookup rebuilds and
  /// removals. A replay after a reboot would otherwise undo that write.
  func checkpointBeforeRewrite(_ relative: String) throws(StoreError) {
    try upgrade()
    do {
      try journal.checkpoint()
    } catch {
      throw StoreError(.writeFailed, path: store.display(relative), reason: "cannot checkpoint the journal: \(error.message)")
    }
  }

  /// Turns a shared lock into an exclusive one (for recovery or an index rebuild).
  func upgrade() throws(StoreError) {
    guard mode == .shared, let lock else { return }
    do {
      lock.unlock()
      try lock.lock(.exclusive)
      mode = .exclusive
    } catch {
      throw StoreError(.writeFailed, path: store.display(".lock"), reason: "cannot lock: \(error.message)")
    }
  }

  // MARK: - Reading

  func load(_ id: InstanceID) throws(StoreError) -> Instance? {
    if let instance = loaded[id] { return instance }
    guard id.isWellFormed, let prefix = id.prefix else { return nil }
    let hint = store.workflowsByPrefix[prefix]
    if let hint, let instance = try load(id, in: hint) { return instance }
    for workflow in workflowFolders() where workflow != hint {
      if let instance = try load(id, in: workflow) { return instance }
    }
    return nil
  }

  /// The workflow folders under `instances/` (only searched when the prefix hint misses).
  private func workflowFolders() -> [WorkflowID] {
    ((try? FileSystem.list(store.instancesFolder)) ?? []).filter(FileInstanceStore.isSafeName)
      .sorted().map { WorkflowID($0) }
  }

  private func load(_ id: InstanceID, in workflow: WorkflowID) throws(StoreError) -> Instance? {
    guard FileInstanceStore.isSafeName(workflow.rawValue) else { return nil }
    let relative = store.relativePath(of: id, in: workflow)
    let path = store.root + "/" + relative
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.read(path)
    } catch {
      if error.isNotFound { return nil }
      throw StoreError(.unreadable, path: store.display(relative), reason: "cannot read: \(error.message)")
    }
    let instance: Instance
    do {
      instance = try InstanceRecord.decode(bytes)
    } catch {
      throw StoreError(.corrupt, path: store.display(relative), reason: error.reason)
    }
    guard instance.id == id, instance.workflow == workflow else {
      throw StoreError(
        .corrupt, path: store.display(relative),
        reason: "the file holds ticket \(instance.id) of workflow '\(instance.workflow)'")
    }
    reads[id] = Read(
      relativePath: relative, identity: try? FileSystem.identity(path),
      revision: instance.revision, status: instance.status)
    loaded[id] = instance
    return instance
  }

  func highestNumber(forPrefix prefix: String) throws(StoreError) -> Int {
    try index.counters()[prefix] ?? 0
  }

  func summaries(_ scope: SummaryScope) throws(StoreError) -> [InstanceSummary] {
    guard lock != nil else { return [] }
    return try index.summaries(scope)
  }

  func due(at now: Date) throws(StoreError) -> [(id: InstanceID, dueAt: Date)] {
    guard lock != nil else { return [] }
    return try index.due(at: now)
  }

  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws(StoreError) -> [LookupEntry] {
    guard lock != nil else { return [] }
    return try lookupIndex.answer(lookup, key: key)
  }

  func pinnedDefinition(workflow: WorkflowID, digest: String) throws(StoreError) -> String? {
    guard let relative = store.relativePinPath(workflow: workflow, digest: digest) else { return nil }
    do {
      return String(decoding: try FileSystem.read(store.root + "/" + relative), as: UTF8.self)
    } catch {
      if error.isNotFound { return nil }
      throw StoreError(.unreadable, path: store.display(relative), reason: "cannot read: \(error.message)")
    }
  }

  // MARK: - Committing

  func commit(_ changeset: Changeset, pins: [DefinitionPin]) throws(StoreError) {
    guard mode == .exclusive, lock != nil else {
      throw StoreError(.writeFailed, path: store.display(".lock"), reason: "a read transaction cannot commit")
    }
    guard !changeset.isEmpty || !pins.isEmpty else { return }
    // Later copies of one ticket in a changeset supersede earlier ones.
    var latest: [InstanceID: Instance] = [:]
    var order: [InstanceID] = []
    for instance in changeset.instances {
      if latest.updateValue(instance, forKey: instance.id) == nil { order.append(instance.id) }
    }
    let instances = order.compactMap { latest[$0] }

    var puts: [Journal.Put] = []
    var openLines = "", closedLines = ""
    var newNumbers: [String: Int] = [:]
    for instance in instances {
      let relative = try checkedTarget(instance)
      puts.append(.init(target: relative, bytes: InstanceRecord.encode(instance, zone: store.zone)))
      let summary = InstanceSummary(instance, title: store.title(instance))
      let previous = reads[instance.id]?.status
      let line = IndexLine.encode(summary)
      if instance.isOpen { openLines += line } else { closedLines += line }
      if instance.revision > 1, previous != instance.status {
        if instance.isOpen {
          closedLines += IndexLine.encodeRemoval(instance.id)
        } else {
          openLines += IndexLine.encodeRemoval(instance.id)
        }
      }
      if instance.revision == 1, let prefix = instance.id.prefix, let number = instance.id.number {
        newNumbers[prefix] = max(newNumbers[prefix] ?? 0, number)
      }
    }
    for pin in pins {
      guard let relative = store.relativePinPath(workflow: pin.workflow, digest: pin.digest) else { continue }
      if !FileSystem.exists(store.root + "/" + relative) {
        puts.append(.init(target: relative, bytes: Array(pin.text.utf8)))
      }
    }
    var appends: [Journal.Append] = []
    try index.ensureValid()
    if !newNumbers.isEmpty {
      var counters = try index.counters()
      var changed = false
      for (prefix, number) in newNumbers where number > counters[prefix] ?? 0 {
        counters[prefix] = number
        changed = true
      }
      if changed { puts.append(.init(target: StoreIndex.countersFile, bytes: StoreIndex.encode(counters: counters))) }
      index.cachedCounters = counters
    }
    if !openLines.isEmpty { appends.append(.init(target: StoreIndex.openFile, bytes: Array(openLines.utf8))) }
    if !closedLines.isEmpty { appends.append(.init(target: StoreIndex.closedFile, bytes: Array(closedLines.utf8))) }
    if !store.lookups.isEmpty || FileSystem.exists(store.root + "/" + LookupIndex.folder) {
      let lookupWrites = try lookupIndex.changes(for: instances) { self.loaded[$0] }
      puts += lookupWrites.puts
      appends += lookupWrites.appends
    }
    if !changeset.outbox.isEmpty {
      var bytes: [UInt8] = []
      for message in changeset.outbox { bytes += OutboxLine.encode(message, zone: store.zone) }
      appends.append(.init(target: "outbox.jsonl", bytes: bytes))
    }
    do {
      try journal.commit(puts: puts, appends: appends, failBefore: store.failBefore)
    } catch {
      throw StoreError(.writeFailed, path: store.display("wal/log"), reason: "cannot commit: \(error.message)")
    }
    index.invalidateSummaries()
    lookupIndex.invalidate()
    for instance in instances {
      let relative = store.relativePath(of: instance.id, in: instance.workflow)
      loaded[instance.id] = instance
      reads[instance.id] = Read(
        relativePath: relative, identity: try? FileSystem.identity(store.root + "/" + relative),
        revision: instance.revision, status: instance.status)
    }
  }

  /// The file an instance goes to, after checking that writing it loses nobody's update.
  private func checkedTarget(_ instance: Instance) throws(StoreError) -> String {
    guard instance.id.isWellFormed, FileInstanceStore.isSafeName(instance.workflow.rawValue) else {
      throw StoreError(
        .writeFailed, path: store.display("instances"),
        reason: "'\(instance.id)' of '\(instance.workflow)' cannot name a ticket file")
    }
    let relative = store.relativePath(of: instance.id, in: instance.workflow)
    let path = store.root + "/" + relative
    if instance.revision <= 1 {
      if FileSystem.exists(path) {
        throw StoreError(.conflict, path: store.display(relative), reason: "ticket \(instance.id) already exists")
      }
      return relative
    }
    let read: Read
    if let known = reads[instance.id], known.relativePath == relative {
      read = known
      let now = try? FileSystem.identity(path)
      guard now == known.identity else {
        throw StoreError(.conflict, path: store.display(relative), reason: "the file changed since it was read")
      }
    } else {
      guard try load(instance.id, in: instance.workflow) != nil, let fresh = reads[instance.id] else {
        throw StoreError(.conflict, path: store.display(relative), reason: "ticket \(instance.id) does not exist")
      }
      read = fresh
    }
    guard read.revision == instance.revision - 1 else {
      throw StoreError(
        .conflict, path: store.display(relative),
        reason: "ticket \(instance.id) is at revision \(read.revision), not \(instance.revision - 1) as expected")
    }
    return relative
  }
}

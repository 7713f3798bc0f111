import DocketFiles
import DocketModel
import Foundation

/// The derived files of a ``FileInstanceStore``: the index logs and the id counters.
///
/// - `index/open.log`: one line per change to an open ticket (``IndexLine``); later lines win.
/// - `index/closed.log`: the same for closed tickets, so `list --open` and `tick` never read
///   closed ones.
/// - `index/counters`: the highest id number per prefix (`CMP\t12`).
/// - `index/format`: written last by a rebuild; without it the index is rebuilt.
///
/// Commits append to the logs through the journal, so the index moves in step with the
/// ticket files even across crashes. Rewriting a log or rebuilding checkpoints the journal
/// first (a replay of older appends would otherwise damage the rewritten file). A write transaction that reads a log with more stale
/// lines than live ones rewrites it (compaction), so `advance` never rewrites a large file.
final class StoreIndex {
  static let folder = "index"
  static let openFile = "index/open.log"
  static let closedFile = "index/closed.log"
  static let countersFile = "index/counters"
  static let formatFile = "index/format"
  static let formatText = IndexLine.header + "\n"

  private unowned let transaction: FileStoreTransaction
  private var store: FileInstanceStore { transaction.store }
  var cachedCounters: [String: Int]?
  private var cachedSummaries: [SummaryScope: [InstanceSummary]] = [:]
  private var checkedValid = false

  init(transaction: FileStoreTransaction) { self.transaction = transaction }

  private func path(_ relative: String) -> String { store.root + "/" + relative }

  func invalidateSummaries() { cachedSummaries = [:] }

  /// Rebuilds the index when it is missing or was left half-built.
  func ensureValid() throws(StoreError) {
    guard !checkedValid else { return }
    let marker = try? FileSystem.read(path(Self.formatFile))
    if marker != Array(Self.formatText.utf8) {
      try transaction.upgrade()
      _ = try rebuild()
    }
    checkedValid = true
  }

  // MARK: - Counters

  func counters() throws(StoreError) -> [String: Int] {
    if let cachedCounters { return cachedCounters }
    guard FileSystem.exists(store.root) else { return [:] }
    try ensureValid()
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.read(path(Self.countersFile))
    } catch {
      if error.isNotFound { return [:] }
      throw StoreError(.unreadable, path: store.display(Self.countersFile), reason: "cannot read: \(error.message)")
    }
    var result: [String: Int] = [:]
    for line in bytes.split(separator: 0x0A) {
      let parts = line.split(separator: 0x09)
      guard parts.count == 2, let n = Int(String(decoding: parts[1], as: UTF8.self)) else {
        // A damaged counters file would risk reusing ids: rebuild from the ticket files.
        _ = try rebuild()
        return try counters()
      }
      result[String(decoding: parts[0], as: UTF8.self)] = n
    }
    cachedCounters = result
    return result
  }

  static func encode(counters: [String: Int]) -> [UInt8] {
    Array(counters.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined().utf8)
  }

  // MARK: - Summaries

  func summaries(_ scope: SummaryScope) throws(StoreError) -> [InstanceSummary] {
    if let cached = cachedSummaries[scope] { return cached }
    try ensureValid()
    let result: [InstanceSummary]
    switch scope {
    case .open: result = try read(Self.openFile)
    case .closed: result = try read(Self.closedFile)
    case .all: result = (try read(Self.openFile) + read(Self.closedFile)).sorted { $0.id < $1.id }
    }
    cachedSummaries[scope] = result
    return result
  }

  /// The open tickets due at `now`, reading only the id and next-due columns of each line.
  func due(at now: Date) throws(StoreError) -> [(id: InstanceID, dueAt: Date)] {
    if let cached = cachedSummaries[.open] {
      return Self.sortedDue(cached.compactMap { s in s.nextDueAt.flatMap { $0 <= now ? (s.id, $0) : nil } })
    }
    try ensureValid()
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.read(path(Self.openFile))
    } catch {
      if error.isNotFound { return [] }
      throw StoreError(.unreadable, path: store.display(Self.openFile), reason: "cannot read: \(error.message)")
    }
    var latest = LatestByID<Date>(capacity: bytes.count / 200)
    var lines = 0
    let damaged = bytes.withUnsafeBufferPointer { buffer -> Bool in
      var decoder = IndexLineDecoder()
      var start = 0
      var first = true
      for i in buffer.indices where buffer[i] == 0x0A {
        let line = buffer[start..<i]
        start = i + 1
        if first {
          first = false
          if String(decoding: line, as: UTF8.self) == IndexLine.header { continue }
        }
        guard let (id, due) = decoder.decodeDue(line) else { return true }
        lines += 1
        latest.set(id, due)
      }
      return false
    }
    if damaged {
      // The full read rebuilds the index; answer from it.
      let open = try summaries(.open)
      return Self.sortedDue(open.compactMap { s in s.nextDueAt.flatMap { $0 <= now ? (s.id, $0) : nil } })
    }
    // `tick` is what cron runs; it keeps the log compact (a full read rewrites it) when most
    // of its lines are stale, so `advance` never has to.
    if transaction.mode == .exclusive, lines > 2 * latest.ids.count + store.compactionSlack {
      _ = try summaries(.open)
    }
    return Self.sortedDue(latest.live().compactMap { $0.value <= now ? ($0.id, $0.value) : nil })
  }

  private static func sortedDue(_ items: [(InstanceID, Date)]) -> [(id: InstanceID, dueAt: Date)] {
    items.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { (id: $0.0, dueAt: $0.1) }
  }

  /// Reads one log: the live entries in id order. Rebuilds the index if a line is damaged.
  private func read(_ relative: String, mayRebuild: Bool = true) throws(StoreError) -> [InstanceSummary] {
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.read(path(relative))
    } catch {
      if error.isNotFound { return [] }
      throw StoreError(.unreadable, path: store.display(relative), reason: "cannot read: \(error.message)")
    }
    var entries = LatestByID<InstanceSummary>(capacity: bytes.count / 200)
    var lines = 0
    var damaged = false
    var first = true
    bytes.withUnsafeBufferPointer { buffer in
      var decoder = IndexLineDecoder()
      var start = 0
      for i in buffer.indices where buffer[i] == 0x0A {
        let line = buffer[start..<i]
        start = i + 1
        if first {
          first = false
          if String(decoding: line, as: UTF8.self) != IndexLine.header {
            damaged = true
            return
          }
          continue
        }
        lines += 1
        switch decoder.decode(line) {
        case .entry(let summary)?: entries.set(summary.id, summary)
        case .removal(let id)?: entries.set(id, nil)
        case nil:
          damaged = true
          return
        }
      }
    }
    if damaged || (first && !bytes.isEmpty) {
      guard mayRebuild else {
        throw StoreError(.corrupt, path: store.display(relative), reason: "the index cannot be read even after a rebuild")
      }
      try transaction.upgrade()
      _ = try rebuild()
      return try read(relative, mayRebuild: false)
    }
    let result = entries.live().map(\.value)
    if transaction.mode == .exclusive, lines > 2 * result.count + store.compactionSlack {
      try? write(result, to: relative)
    }
    return result
  }

  private func write(_ summaries: [InstanceSummary], to relative: String) throws(StoreError) {
    var text = IndexLine.header + "\n"
    for s in summaries { text += IndexLine.encode(s) }
    try transaction.checkpointBeforeRewrite(relative)
    do {
      try AtomicFile.write(Array(text.utf8), to: path(relative))
    } catch {
      throw StoreError(.writeFailed, path: store.display(relative), reason: "cannot write: \(error.message)")
    }
  }

  // MARK: - Rebuilding

  /// Reads every ticket file and writes the index afresh. Returns the files it could not
  /// read; their ids still count for the id counters, so they are never reused. `visit` sees
  /// every ticket read (`docket reindex` builds the lookup indexes in the same pass).
  func rebuild(visit: (Instance) -> Void = { _ in }) throws(StoreError) -> [StoreError] {
    try transaction.upgrade()
    var problems: [StoreError] = []
    var open: [InstanceSummary] = []
    var closed: [InstanceSummary] = []
    var counters: [String: Int] = [:]
    let workflows = ((try? FileSystem.list(store.instancesFolder)) ?? []).sorted()
    for workflow in workflows where FileInstanceStore.isSafeName(workflow) {
      let folder = store.instancesFolder + "/" + workflow
      for name in ((try? FileSystem.list(folder)) ?? []).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
        let id = InstanceID(String(name.dropLast(5)))
        guard let prefix = id.prefix, let number = id.number else { continue }
        counters[prefix] = max(counters[prefix] ?? 0, number)
        let relative = "instances/\(workflow)/\(name)"
        do {
          let bytes = try FileSystem.read(folder + "/" + name)
          let instance = try InstanceRecord.decode(bytes)
          let summary = InstanceSummary(instance, title: store.title(instance))
          if instance.workflow.rawValue == workflow { visit(instance) }
          if instance.isOpen { open.append(summary) } else { closed.append(summary) }
        } catch let error as FileSystem.Failure {
          problems.append(StoreError(.unreadable, path: store.display(relative), reason: "cannot read: \(error.message)"))
        } catch let error as InstanceRecord.DecodingError {
          problems.append(StoreError(.corrupt, path: store.display(relative), reason: error.reason))
        } catch {
          problems.append(StoreError(.corrupt, path: store.display(relative), reason: "\(error)"))
        }
      }
    }
    // The old counters may know numbers whose files are gone; never go below them.
    if let old = try? FileSystem.read(path(Self.countersFile)) {
      for line in old.split(separator: 0x0A) {
        let parts = line.split(separator: 0x09)
        if parts.count == 2, let n = Int(String(decoding: parts[1], as: UTF8.self)) {
          let prefix = String(decoding: parts[0], as: UTF8.self)
          counters[prefix] = max(counters[prefix] ?? 0, n)
        }
      }
    }
    try transaction.checkpointBeforeRewrite(Self.folder)
    do {
      try FileSystem.makeDirectories(path(Self.folder))
      try FileSystem.remove(path(Self.formatFile))
      try AtomicFile.write(Self.encode(counters: counters), to: path(Self.countersFile))
    } catch {
      throw StoreError(.writeFailed, path: store.display(Self.folder), reason: "cannot rebuild the index: \(error.message)")
    }
    try write(open.sorted { $0.id < $1.id }, to: Self.openFile)
    try write(closed.sorted { $0.id < $1.id }, to: Self.closedFile)
    do {
      try AtomicFile.write(Array(Self.formatText.utf8), to: path(Self.formatFile))
    } catch {
      throw StoreError(.writeFailed, path: store.display(Self.formatFile), reason: "cannot write: \(error.message)")
    }
    cachedCounters = counters
    cachedSummaries = [:]
    checkedValid = true
    return problems
  }
}

import DocketFiles
import DocketModel
import Foundation

/// The lookup indexes of a ``FileInstanceStore`` as one transaction sees them: per declared
/// lookup, `index/lookups/<workflow>/<name>/` holds up to 1,024 bucket files (``LookupBucket``) and a
/// `signature` written last by a build.
///
/// A query hashes the key to one bucket and reads that file only (a few kilobytes at 100,000
/// tickets), never a ticket file. A commit appends one line per changed ticket per lookup of
/// its workflow, through the journal like the other index logs, so the buckets move in step
/// with the ticket files. A lookup whose signature is missing or differs (another workflow or
/// key list, or a build a crash interrupted), or whose bucket cannot be read, is rebuilt from
/// the ticket files of its workflow. docs/storage.md describes the layout.
final class LookupIndex {
  static let folder = "index/lookups"
  /// A checked bucket is rewritten when it holds more than twice its live lines plus this.
  static let compactionSlack = 32

  private unowned let transaction: FileStoreTransaction
  private var store: FileInstanceStore { transaction.store }
  /// Lookups whose signature this transaction has checked (nobody else can change it while
  /// the lock is held).
  private var checked: Set<String> = []
  /// Answers given in this transaction, by lookup name and key text; cleared by a commit.
  private var answers: [String: [LookupEntry]] = [:]
  /// Workflows whose folder this transaction has cleared of undeclared lookups.
  private var swept: Set<WorkflowID> = []

  init(transaction: FileStoreTransaction) { self.transaction = transaction }

  private func path(_ relative: String) -> String { store.root + "/" + relative }

  static func relativeFolder(_ workflow: WorkflowID) -> String { "\(folder)/\(workflow.rawValue)" }

  static func relativeFolder(_ lookup: LookupDefinition) -> String {
    "\(relativeFolder(lookup.workflow))/\(lookup.name)"
  }

  static func relativeBucket(_ lookup: LookupDefinition, _ bucket: Int) -> String {
    relativeFolder(lookup) + "/" + bucketName(bucket) + ".log"
  }

  /// A bucket's number as at least three lower-case hex digits (`00a`, `3ff`), written out
  /// by hand: `String(_:radix:)` cost a commit 15 K instructions of first-use set-up.
  static func bucketName(_ bucket: Int) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var magnitude = bucket.magnitude
    var text: [UInt8] = []
    repeat {
      text.insert(digits[Int(magnitude % 16)], at: 0)
      magnitude /= 16
    } while magnitude > 0
    if bucket < 0 { text.insert(UInt8(ascii: "-"), at: 0) }
    while text.count < 3 { text.insert(UInt8(ascii: "0"), at: 0) }
    // From an array: decoding a reversed view cast it at run time (a conformance scan).
    return String(decoding: text, as: UTF8.self)
  }

  /// Buckets are fixed in number (``FileInstanceStore/lookupBucketCount``), so a commit
  /// almost never creates a file (no folder sync) and a rebuild writes at most that many
  /// files, however many distinct keys there are.
  private var bucketCount: Int { store.lookupBucketCount }

  private func signatureText(_ lookup: LookupDefinition) -> [UInt8] {
    Array("docket-lookup\t1\t\(bucketCount)\n\(lookup.indexSignature)\n".utf8)
  }

  /// The declared lookup this definition is, when the store keeps an index for it.
  private func indexed(_ lookup: LookupDefinition) -> LookupDefinition? {
    guard let declared = store.lookups[lookup.name], FileInstanceStore.isSafeName(lookup.name),
      FileInstanceStore.isSafeName(lookup.workflow.rawValue), declared.indexSignature == lookup.indexSignature
    else { return nil }
    return declared
  }

  // MARK: - Answering

  /// The tickets of `lookup.workflow` whose key equals `key`, in id order. A lookup the store
  /// was not told about is answered by reading every ticket (correct, slow).
  func answer(_ lookup: LookupDefinition, key: [JSONValue]) throws(StoreError) -> [LookupEntry] {
    guard let lookup = indexed(lookup) else { return try transaction.scanLookup(lookup, key: key) }
    guard key.count == lookup.keys.count else { return [] }
    let canonical = LookupEntry.canonicalKey(key)
    let text = LookupKey.text(canonical)
    let cacheKey = lookup.name + "\n" + String(decoding: text, as: UTF8.self)
    if let cached = answers[cacheKey] { return cached }
    try ensureValid(lookup)
    let relative = Self.relativeBucket(lookup, LookupKey.bucket(of: text, count: bucketCount))
    var result: [LookupEntry]? = nil
    for attempt in 0..<2 {
      if attempt > 0 { try rebuild([lookup]) }
      let bytes: [UInt8]
      do {
        bytes = try FileSystem.read(path(relative))
      } catch {
        if error.isNotFound {
          result = []
          break
        }
        if attempt > 0 {
          throw StoreError(.unreadable, path: store.display(relative), reason: "cannot read: \(error.message)")
        }
        continue
      }
      result = LookupBucket.entries(in: bytes, keyText: text, workflow: lookup.workflow, key: canonical)
      if result != nil { break }
    }
    guard let result else {
      throw StoreError(.corrupt, path: store.display(relative), reason: "the lookup index cannot be read even after a rebuild")
    }
    answers[cacheKey] = result
    return result
  }

  /// Rebuilds the lookup unless its signature says its index is whole and current.
  private func ensureValid(_ lookup: LookupDefinition) throws(StoreError) {
    guard !checked.contains(lookup.name) else { return }
    let signature = try? FileSystem.read(path(Self.relativeFolder(lookup) + "/signature"))
    if signature != signatureText(lookup) { try rebuild([lookup]) }
    checked.insert(lookup.name)
  }

  // MARK: - Committing

  /// The index writes for a commit of `instances`: an entry line in each one's bucket per
  /// lookup of its workflow (when the entry changed), a removal line in the old bucket when
  /// its key moved it, and a rewrite instead of an append for a bucket mostly stale.
  /// `previous` gives the ticket as stored before this commit.
  func changes(
    for instances: [Instance], previous: (InstanceID) -> Instance?
  ) throws(StoreError) -> (puts: [Journal.Put], appends: [Journal.Append]) {
    for workflow in Set(instances.map(\.workflow)) { try sweepUndeclared(in: workflow) }
    var lines: [String: [UInt8]] = [:]
    var order: [String] = []
    func add(_ relative: String, _ line: [UInt8]) {
      if lines[relative] == nil { order.append(relative) }
      lines[relative, default: []] += line
    }
    for instance in instances {
      guard let lookups = store.lookupsByWorkflow[instance.workflow] else { continue }
      let before = previous(instance.id)
      for lookup in lookups where indexed(lookup) != nil {
        guard let entry = lookup.canonicalEntry(instance) else { continue }
        let old = before.flatMap(lookup.canonicalEntry)
        if old == entry { continue }
        try ensureValid(lookup)
        let text = LookupKey.text(entry.key)
        let bucket = LookupKey.bucket(of: text, count: bucketCount)
        add(Self.relativeBucket(lookup, bucket), LookupBucket.encode(entry, keyText: text))
        if let old {
          let oldBucket = LookupKey.bucket(of: LookupKey.text(old.key), count: bucketCount)
          if oldBucket != bucket { add(Self.relativeBucket(lookup, oldBucket), LookupBucket.encodeRemoval(instance.id)) }
        }
      }
    }
    var puts: [Journal.Put] = []
    var appends: [Journal.Append] = []
    for relative in order {
      guard let added = lines[relative] else { continue }
      if let live = compacted(relative) {
        puts.append(.init(target: relative, bytes: live + added))
      } else {
        appends.append(.init(target: relative, bytes: added))
      }
    }
    return (puts, appends)
  }

  /// The live lines of a bucket that has grown mostly stale, or nil to keep appending.
  private func compacted(_ relative: String) -> [UInt8]? {
    guard let size = try? FileSystem.size(path(relative)), size > store.lookupCompactionBytes,
      let bytes = try? FileSystem.read(path(relative)),
      let (lines, live) = LookupBucket.liveLines(in: bytes),
      lines > 2 * live.count + Self.compactionSlack
    else { return nil }
    return Array(live.joined())
  }

  /// Forgets the answers after a commit changed the buckets.
  func invalidate() { answers = [:] }

  /// Before a commit changes tickets of `workflow`, removes the index of every lookup on it
  /// that the store was not told about: the commit will not maintain it, so it must not be
  /// trusted if the lookup is declared again. (Indexes live under their workflow's folder,
  /// so a session that loaded only some workflows leaves the others' lookups alone.)
  private func sweepUndeclared(in workflow: WorkflowID) throws(StoreError) {
    guard swept.insert(workflow).inserted, FileInstanceStore.isSafeName(workflow.rawValue) else { return }
    let relative = Self.relativeFolder(workflow)
    let declared = Set((store.lookupsByWorkflow[workflow] ?? []).map(\.name))
    if declared.isEmpty {
      if FileSystem.exists(path(relative)) { try removeTree(relative) }
      return
    }
    for name in (try? FileSystem.list(path(relative))) ?? [] where !declared.contains(name) {
      try removeTree(relative + "/" + name)
    }
  }

  // MARK: - Building

  /// Rebuilds these lookups from the ticket files of their workflows.
  func rebuild(_ lookups: [LookupDefinition]) throws(StoreError) {
    try transaction.upgrade()
    var builder = LookupBuilder(lookups: lookups, bucketCount: bucketCount)
    for workflow in Set(lookups.map(\.workflow)).sorted() where FileInstanceStore.isSafeName(workflow.rawValue) {
      let folder = store.instancesFolder + "/" + workflow.rawValue
      for name in ((try? FileSystem.list(folder)) ?? []).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
        // A file that cannot be read is left out, as the main index leaves it out; `docket
        // reindex` reports it.
        guard let bytes = try? FileSystem.read(folder + "/" + name),
          let instance = try? InstanceRecord.decode(bytes), instance.workflow == workflow
        else { continue }
        builder.add(instance)
      }
    }
    try write(builder)
  }

  /// Writes what a builder collected, replacing each of its lookups' folders: buckets first
  /// (synced), the signature last, so a build a crash interrupts is rebuilt, never trusted.
  func write(_ builder: LookupBuilder) throws(StoreError) {
    try transaction.upgrade()
    for (n, lookup) in builder.lookups.enumerated() where indexed(lookup) != nil {
      let relative = Self.relativeFolder(lookup)
      // Its buckets are replaced outside the journal: a later replay must not touch them.
      try transaction.checkpointBeforeRewrite(relative)
      try removeTree(relative)
      do {
        try FileSystem.makeDirectories(path(relative))
        var written: [String] = []
        for (bucket, bytes) in builder.buckets[n].sorted(by: { $0.key < $1.key }) {
          let file = path(Self.relativeBucket(lookup, bucket))
          try FileSystem.write(file, bytes, sync: false)
          written.append(file)
        }
        if written.count > Journal.syncEachLimit {
          try FileSystem.syncFileSystem(containing: path(relative), fallback: written)
        } else {
          for file in written { try FileSystem.sync(file) }
        }
        try FileSystem.syncDirectory(path(relative))
        try AtomicFile.write(signatureText(lookup), to: path(relative + "/signature"))
      } catch {
        throw StoreError(.writeFailed, path: store.display(relative), reason: "cannot rebuild the lookup index: \(error.message)")
      }
      checked.insert(lookup.name)
    }
    answers = [:]
  }

  /// `docket reindex`: every declared lookup from `builder`, and no undeclared one.
  func replaceAll(with builder: LookupBuilder) throws(StoreError) {
    for name in (try? FileSystem.list(path(Self.folder))) ?? [] {
      swept.remove(WorkflowID(name))
      if FileInstanceStore.isSafeName(name) {
        try sweepUndeclared(in: WorkflowID(name))
      } else {
        try removeTree(Self.folder + "/" + name)
      }
    }
    try write(builder)
  }

  /// Removes a lookup's (or a workflow's) index folder, after checkpointing the journal (a
  /// replay would otherwise bring back buckets without their signature) and durably (a power
  /// cut must not bring back an index with its signature that nothing kept current).
  private func removeTree(_ relative: String) throws(StoreError) {
    let full = path(relative)
    guard FileSystem.exists(full) else { return }
    try transaction.checkpointBeforeRewrite(relative)
    do {
      try FileManager.default.removeItem(atPath: full)
    } catch {
      throw StoreError(.writeFailed, path: store.display(relative), reason: "cannot remove: \(error.localizedDescription)")
    }
    do {
      try FileSystem.syncDirectory(FileSystem.directoryName(full))
    } catch {
      throw StoreError(.writeFailed, path: store.display(relative), reason: "cannot sync: \(error.message)")
    }
  }
}

/// Collects bucket contents for lookups while ticket files are read (by a lookup's own
/// rebuild, or by `docket reindex` while it rebuilds the main index).
struct LookupBuilder {
  let lookups: [LookupDefinition]
  let bucketCount: Int
  /// Per lookup (same order): bucket number -> lines.
  private(set) var buckets: [[Int: [UInt8]]]
  private let byWorkflow: [WorkflowID: [Int]]

  init(lookups: [LookupDefinition], bucketCount: Int) {
    self.lookups = lookups
    self.bucketCount = bucketCount
    buckets = Array(repeating: [:], count: lookups.count)
    var byWorkflow: [WorkflowID: [Int]] = [:]
    for (n, lookup) in lookups.enumerated() { byWorkflow[lookup.workflow, default: []].append(n) }
    self.byWorkflow = byWorkflow
  }

  mutating func add(_ instance: Instance) {
    for n in byWorkflow[instance.workflow] ?? [] {
      guard let entry = lookups[n].canonicalEntry(instance) else { continue }
      let text = LookupKey.text(entry.key)
      let bucket = LookupKey.bucket(of: text, count: bucketCount)
      buckets[n][bucket, default: []] += LookupBucket.encode(entry, keyText: text)
    }
  }
}

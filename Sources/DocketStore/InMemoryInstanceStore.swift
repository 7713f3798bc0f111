import DocketModel
import Foundation

/// A store in memory with the same promises as ``FileInstanceStore``: revisions are checked,
/// a commit lands whole or not at all, ids never repeat. Fixtures run on it (contract §7: a
/// fixture never touches the home's `data/`), and so do tests.
///
/// Transactions take turns on one lock, as the file store's do.
public final class InMemoryInstanceStore: InstanceStore, @unchecked Sendable {
  /// Guards everything below; held from `begin…` to `end()` of a transaction.
  private let lock = NSLock()
  fileprivate var instances: [InstanceID: Instance] = [:]
  /// The revision of each ticket a write transaction has lent (moved out of `instances`, see
  /// ``InstanceReader/lend(_:)``) until it comes back by a commit or `giveBack`.
  fileprivate var lent: [InstanceID: Int] = [:]
  fileprivate var counters: [String: Int] = [:]
  fileprivate var pins: [String: String] = [:]
  /// Lookup indexes, built on a lookup's first use and kept by every commit after.
  private var lookupIndexes: [String: MemoryLookupIndex] = [:]
  /// Everything committed to the outbox, in order.
  public private(set) var outbox: [OutboxMessage] = []
  package let title: @Sendable (Instance) -> String?

  public init(title: @escaping @Sendable (Instance) -> String? = { _ in nil }) {
    self.title = title
  }

  public func beginRead() throws(StoreError) -> any StoreTransaction { MemoryTransaction(self, writing: false) }
  public func beginWrite() throws(StoreError) -> any StoreTransaction { MemoryTransaction(self, writing: true) }
  public func rebuildIndex() throws(StoreError) -> [StoreError] { [] }

  /// The outbox messages committed so far (under the lock).
  public func outboxMessages() -> [OutboxMessage] {
    lock.lock()
    defer { lock.unlock() }
    return outbox
  }

  fileprivate func acquire() { lock.lock() }
  fileprivate func release() { lock.unlock() }

  fileprivate func apply(_ changeset: Changeset, pins newPins: [DefinitionPin]) throws(StoreError) {
    var latest: [InstanceID: Instance] = [:]
    for instance in changeset.instances { latest[instance.id] = instance }
    // Check everything first, so a refused commit changes nothing.
    for instance in latest.values {
      let path = "instances/\(instance.workflow)/\(instance.id).json"
      guard instance.id.isWellFormed, FileInstanceStore.isSafeName(instance.workflow.rawValue) else {
        throw StoreError(.writeFailed, path: path, reason: "'\(instance.id)' cannot name a ticket")
      }
      let current = instances[instance.id]?.revision ?? lent[instance.id] ?? 0
      if instance.revision <= 1, current != 0 {
        throw StoreError(.conflict, path: path, reason: "ticket \(instance.id) already exists")
      }
      if instance.revision > 1, current != instance.revision - 1 {
        throw StoreError(
          .conflict, path: path,
          reason: "ticket \(instance.id) is at revision \(current), not \(instance.revision - 1) as expected")
      }
    }
    for instance in latest.values {
      for signature in lookupIndexes.keys where lookupIndexes[signature]?.lookup.workflow == instance.workflow {
        lookupIndexes[signature]?.update(instance)
      }
      instances[instance.id] = instance
      lent[instance.id] = nil
      if instance.revision == 1, let prefix = instance.id.prefix, let number = instance.id.number {
        counters[prefix] = max(counters[prefix] ?? 0, number)
      }
    }
    for pin in newPins where pins[pin.digest] == nil { pins[pin.digest] = pin.text }
    outbox += changeset.outbox
  }

  /// Moves a ticket out to a write transaction's command (nil if there is none).
  fileprivate func lend(_ id: InstanceID) -> Instance? {
    guard let instance = instances.removeValue(forKey: id) else { return nil }
    lent[id] = instance.revision
    return instance
  }

  /// Takes back a lent ticket its command did not change.
  fileprivate func giveBack(_ instance: consuming Instance) {
    let id = instance.id
    guard lent.removeValue(forKey: id) != nil else { return }
    instances[id] = instance
  }

  /// The tickets whose key text is `text` under `lookup` (building its index if new).
  fileprivate func lookupIDs(_ lookup: LookupDefinition, text: [UInt8]) -> Set<InstanceID> {
    let signature = lookup.indexSignature
    if lookupIndexes[signature] == nil {
      var index = MemoryLookupIndex(lookup: lookup)
      for instance in instances.values where instance.workflow == lookup.workflow { index.update(instance) }
      lookupIndexes[signature] = index
    }
    return lookupIndexes[signature]?.ids[text] ?? []
  }
}

/// One lookup's index in memory: key text -> tickets, and each ticket's current key text.
private struct MemoryLookupIndex {
  let lookup: LookupDefinition
  var ids: [[UInt8]: Set<InstanceID>] = [:]
  var keyOf: [InstanceID: [UInt8]] = [:]

  init(lookup: LookupDefinition) { self.lookup = lookup }

  mutating func update(_ instance: Instance) {
    guard let entry = lookup.canonicalEntry(instance) else { return }
    let text = LookupKey.text(entry.key)
    if let old = keyOf[instance.id] {
      if old == text { return }
      ids[old]?.remove(instance.id)
    }
    keyOf[instance.id] = text
    ids[text, default: []].insert(instance.id)
  }
}

/// A transaction on an ``InMemoryInstanceStore``: holds its lock until ``end()``.
private final class MemoryTransaction: StoreTransaction {
  private let store: InMemoryInstanceStore
  /// Only a write transaction lends tickets: what it lends comes back by its commit.
  private let writing: Bool
  private var ended = false

  init(_ store: InMemoryInstanceStore, writing: Bool) {
    self.store = store
    self.writing = writing
    store.acquire()
  }

  deinit { end() }

  func end() {
    guard !ended else { return }
    ended = true
    store.release()
  }

  func load(_ id: InstanceID) throws(StoreError) -> Instance? {
    id.isWellFormed ? store.instances[id] : nil
  }

  func lend(_ id: InstanceID) throws -> Instance? {
    guard writing else { return try load(id) }
    return id.isWellFormed ? store.lend(id) : nil
  }

  func giveBack(_ instance: consuming Instance) {
    if writing { store.giveBack(instance) }
  }

  func highestNumber(forPrefix prefix: String) throws(StoreError) -> Int {
    store.counters[prefix] ?? 0
  }

  func summaries(_ scope: SummaryScope) throws(StoreError) -> [InstanceSummary] {
    store.instances.values.filter { instance in
      switch scope {
      case .open: instance.isOpen
      case .closed: !instance.isOpen
      case .all: true
      }
    }.map { InstanceSummary($0, title: store.title($0)) }.sorted { $0.id < $1.id }
  }

  func due(at now: Date) throws(StoreError) -> [(id: InstanceID, dueAt: Date)] {
    store.instances.values.compactMap { i -> (id: InstanceID, dueAt: Date)? in
      guard i.isOpen, let due = i.nextDueAt, due <= now else { return nil }
      return (i.id, due)
    }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
  }

  func commit(_ changeset: Changeset, pins: [DefinitionPin]) throws(StoreError) {
    try store.apply(changeset, pins: pins)
  }

  func pinnedDefinition(workflow: WorkflowID, digest: String) throws(StoreError) -> String? {
    store.pins[digest]
  }

  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws(StoreError) -> [LookupEntry] {
    guard key.count == lookup.keys.count else { return [] }
    let text = LookupKey.text(LookupEntry.canonicalKey(key))
    return store.lookupIDs(lookup, text: text).sorted().compactMap {
      store.instances[$0].flatMap(lookup.canonicalEntry)
    }
  }
}

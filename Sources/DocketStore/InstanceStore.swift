import DocketModel
import Foundation

/// Where tickets live: a folder of JSON files (``FileInstanceStore``) or memory
/// (``InMemoryInstanceStore``, for fixtures and tests). Both keep the same promises.
///
/// Work happens in transactions: a read transaction sees a consistent store; a write
/// transaction holds the store's lock from its first read to its commit, so nobody else
/// changes what it read, and ids it hands out never repeat.
public protocol InstanceStore: AnyObject {
  /// Begins reading (other readers may read at the same time; writers wait).
  func beginRead() throws(StoreError) -> any StoreTransaction
  /// Begins a command that will change tickets (everyone else waits until it ends).
  func beginWrite() throws(StoreError) -> any StoreTransaction
  /// Rebuilds everything derived (index, id counters) from the ticket files. Returns the
  /// ticket files that could not be read; every other ticket is indexed.
  func rebuildIndex() throws(StoreError) -> [StoreError]
}

/// Which tickets a listing covers.
public enum SummaryScope: Sendable, Hashable {
  case open, closed, all
}

/// One transaction on a store: reads, at most a few commits, then ``end()``.
public protocol StoreTransaction: AnyObject, InstanceReader {
  /// The ticket, or nil if there is none (an id that is not well formed is never found).
  /// Throws when its file cannot be read or is not a valid instance file.
  func load(_ id: InstanceID) throws(StoreError) -> Instance?
  /// The highest id number ever used with this prefix (0 if none).
  func highestNumber(forPrefix prefix: String) throws(StoreError) -> Int
  /// Summaries from the index, in id order.
  func summaries(_ scope: SummaryScope) throws(StoreError) -> [InstanceSummary]
  /// The open tickets with a warning or breach due at or before `now`, soonest first (then
  /// by id), read from the index without decoding whole summaries: what `tick` works on.
  func due(at now: Date) throws(StoreError) -> [(id: InstanceID, dueAt: Date)]
  /// Writes everything in the changeset, and the definition copies, as one unit: all or
  /// nothing. Each instance must have `revision` one more than the stored one (new ones 1).
  func commit(_ changeset: Changeset, pins: [DefinitionPin]) throws(StoreError)
  /// The kept copy of a workflow definition version, if the store has one.
  func pinnedDefinition(workflow: WorkflowID, digest: String) throws(StoreError) -> String?
  /// Releases the lock. Also happens when the transaction is dropped.
  func end()
}

extension StoreTransaction {
  public func instance(_ id: InstanceID) throws -> Instance? { try load(id) }
  public func lastNumber(forPrefix prefix: String) throws -> Int {
    try highestNumber(forPrefix: prefix)
  }

  /// The reference answer: reads every ticket of the lookup's workflow. Correct but slow;
  /// stores answer from an index instead, and tests compare the two.
  public func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry] {
    try scanLookup(lookup, key: key)
  }

  /// ``lookup(_:key:)`` by reading every ticket of the lookup's workflow. Keys compare in
  /// their canonical form (``LookupKey``: `3` equals `3.0`, text in NFC), and the entries
  /// carry that form, exactly as the index answers.
  public func scanLookup(_ lookup: LookupDefinition, key: [JSONValue]) throws(StoreError) -> [LookupEntry] {
    let key = LookupEntry.canonicalKey(key)
    var found: [LookupEntry] = []
    for summary in try summaries(.all) where summary.workflow == lookup.workflow {
      guard let instance = try load(summary.id), let entry = lookup.canonicalEntry(instance),
        entry.key == key
      else { continue }
      found.append(entry)
    }
    return found
  }
}

/// A copy of a workflow definition version that tickets run on, kept by the store so a
/// running ticket keeps its definition when the workflow file changes.
public struct DefinitionPin: Sendable, Hashable {
  public var workflow: WorkflowID
  /// `sha256:<hex>` of the file's bytes.
  public var digest: String
  /// The workflow file's text.
  public var text: String

  public init(workflow: WorkflowID, digest: String, text: String) {
    self.workflow = workflow
    self.digest = digest
    self.text = text
  }
}

/// The text of `data/outbox.jsonl` lines: one compact JSON object a line, sorted keys.
package enum OutboxLine {
  package static func encode(_ message: OutboxMessage, zone: Zone) -> [UInt8] {
    var w = JSONWriter(pretty: false, capacity: 256)
    w.write(
      .object([
        "at": .string(RFC3339.format(message.at, in: zone)),
        "to": .array(message.to.map { .string($0.rawValue) }),
        "instance": .string(message.instance.rawValue),
        "message": .string(message.message),
      ]))
    w.append("\n")
    return w.bytes
  }
}

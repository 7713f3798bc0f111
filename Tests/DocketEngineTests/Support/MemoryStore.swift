import DocketModel
import Foundation
import Testing

/// A store in memory for engine tests: reads tickets and commits changesets the way the
/// session does (each ticket's revision must follow the stored one). It lends the ticket a
/// command changes as a store does (moved out until committed or given back), so every
/// refusal test checks that the ticket comes back unchanged.
final class MemoryStore: InstanceReader {
  struct Unreadable: Error, CustomStringConvertible {
    var description: String { "the file is corrupt" }
  }

  var instances: [InstanceID: Instance] = [:]
  var outbox: [OutboxMessage] = []
  var lastNumbers: [String: Int] = [:]
  /// Ids whose "file" cannot be read.
  var corrupt: Set<InstanceID> = []
  /// The revision of each ticket lent and not yet committed or given back.
  var lent: [InstanceID: Int] = [:]

  func instance(_ id: InstanceID) throws -> Instance? {
    if corrupt.contains(id) { throw Unreadable() }
    return instances[id]
  }

  func lend(_ id: InstanceID) throws -> Instance? {
    if corrupt.contains(id) { throw Unreadable() }
    guard let instance = instances.removeValue(forKey: id) else { return nil }
    lent[id] = instance.revision
    return instance
  }

  func giveBack(_ instance: consuming Instance) {
    let id = instance.id
    guard lent.removeValue(forKey: id) != nil else {
      Issue.record("\(id) was given back but never lent")
      return
    }
    instances[id] = instance
  }

  func lastNumber(forPrefix prefix: String) throws -> Int { lastNumbers[prefix] ?? 0 }

  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry] {
    let wanted = LookupEntry.canonicalKey(key)
    return instances.values.compactMap { LookupEntry($0, for: lookup) }
      .filter { LookupEntry.canonicalKey($0.key) == wanted }
      .sorted { $0.id < $1.id }
  }

  /// Writes a changeset; returns false (writing nothing) on a revision conflict.
  @discardableResult
  func commit(_ changes: Changeset) -> Bool {
    for i in changes.instances {
      let stored = instances[i.id]?.revision ?? lent[i.id] ?? 0
      guard i.revision == stored + 1 else { return false }
    }
    for i in changes.instances {
      instances[i.id] = i
      lent[i.id] = nil
      if let p = i.id.prefix, let n = i.id.number { lastNumbers[p] = max(lastNumbers[p] ?? 0, n) }
    }
    outbox += changes.outbox
    return true
  }
}

import DocketKit
import Foundation

/// Tickets held in memory, as the peers' W1 keeps its 100,000 objects: the engine reads
/// through it and every changeset is put back, so each step pays for a lookup and a store.
final class TicketShelf: InstanceReader {
  private(set) var tickets: [InstanceID: Instance] = [:]
  private var last: [String: Int] = [:]

  init(capacity: Int) { tickets.reserveCapacity(capacity) }

  func instance(_ id: InstanceID) throws -> Instance? { tickets[id] }
  func lastNumber(forPrefix prefix: String) throws -> Int { last[prefix] ?? 0 }
  /// The benchmarked homes declare no lookups; a scan keeps it correct if one ever does.
  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry] {
    tickets.values.compactMap { LookupEntry($0, for: lookup) }.filter { $0.key == key }
      .sorted { $0.id < $1.id }
  }

  /// Keeps every ticket of `changeset` and moves the id counters on, as a store commit would.
  /// Returns the first ticket changed (the one the command was about).
  @discardableResult
  func apply(_ changeset: Changeset) -> Instance? {
    for instance in changeset.instances {
      tickets[instance.id] = instance
      // Only a new ticket can raise a counter; parsing every id would time the harness.
      if instance.revision == 1, let prefix = instance.id.prefix, let number = instance.id.number {
        last[prefix] = max(last[prefix] ?? 0, number)
      }
    }
    return changeset.instances.first
  }
}

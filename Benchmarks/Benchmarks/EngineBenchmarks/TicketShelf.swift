import DocketKit
import Foundation

/// Tickets held in memory, as the peers' W1 keeps its 100,000 objects: the engine reads
/// through it and every changeset is put back, so each step pays for a lookup and a store.
///
/// It lends the ticket a command changes (``InstanceReader/lend(_:)``): the ticket is moved
/// out of its slot, so the engine changes it in place, and the slot stays (empty) until the
/// changeset puts the new version back or a refusal gives the ticket back, so lending and
/// putting back each cost one hashed lookup and no removal. Like the shelf before lending,
/// it does not check revisions.
final class TicketShelf: InstanceReader {
  /// Every ticket by id; nil while it is lent to a command.
  private(set) var tickets: [InstanceID: Instance?] = [:]
  private var last: [String: Int] = [:]

  init(capacity: Int) { tickets.reserveCapacity(capacity) }

  func instance(_ id: InstanceID) throws -> Instance? { tickets[id] ?? nil }

  func lend(_ id: InstanceID) throws -> Instance? {
    guard let slot = tickets.index(forKey: id) else { return nil }
    return tickets.values[slot].take()
  }

  func giveBack(_ instance: consuming Instance) {
    let id = instance.id
    tickets[id] = .some(instance)
  }

  func lastNumber(forPrefix prefix: String) throws -> Int { last[prefix] ?? 0 }

  /// Lookups asked so far, each with its index (kept up to date by ``apply(_:)``), as the
  /// store's lookup index answers without reading every ticket. Like ``InMemoryInstanceStore``'s
  /// index it holds ids by key and each ticket's key, so a new version whose key did not
  /// change (most steps) leaves it as it is; entries are built from the tickets when asked.
  /// (Definitions apart from their indexes: updating an index while iterating over a
  /// collection that holds it would copy the whole index on every update.)
  private var lookups: [LookupDefinition] = []
  private var indexes: [ShelfIndex] = []

  /// Every ticket matching the lookup's key, in id order.
  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry] {
    let position: Int
    if let known = lookups.firstIndex(where: { $0.name == lookup.name }) {
      position = known
    } else {
      var index = ShelfIndex()
      for case let ticket? in tickets.values { index.update(ticket, for: lookup) }
      lookups.append(lookup)
      indexes.append(index)
      position = indexes.count - 1
    }
    return (indexes[position].ids[key] ?? []).sorted().compactMap { id in
      (tickets[id] ?? nil).flatMap { LookupEntry($0, for: lookup) }
    }
  }

  /// Keeps every ticket of `changeset` and moves the id counters on, as a store commit would.
  /// Returns the id of the first ticket changed (the one the command was about).
  ///
  /// The tickets are moved out of the changeset into the shelf, each read before it is
  /// stored: iterating the changeset, storing and returning a ticket copied each one three
  /// or four times (a retain and release of each of its ~11 strings and collections), which
  /// no store does (the file store encodes each ticket once).
  @discardableResult
  func apply(_ changeset: consuming Changeset) -> InstanceID? {
    let first = changeset.instances.first?.id
    // Stored in order, so that a later copy of a ticket wins (rules may change one twice,
    // and a store keeps the last copy).
    changeset.instances.reverse()
    while let instance = changeset.instances.popLast() {
      let id = instance.id
      for i in lookups.indices { indexes[i].update(instance, for: lookups[i]) }

      // Only a new ticket can raise a counter; parsing every id would time the harness.
      if instance.revision == 1, let prefix = id.prefix, let number = id.number {
        last[prefix] = max(last[prefix] ?? 0, number)
      }
      tickets[id] = .some(instance)
    }
    return first
  }
}

/// One lookup's index on the shelf: tickets by key, and each ticket's current key.
private struct ShelfIndex {
  var ids: [[JSONValue]: Set<InstanceID>] = [:]
  var keyOf: [InstanceID: [JSONValue]] = [:]

  mutating func update(_ instance: Instance, for lookup: LookupDefinition) {
    guard instance.workflow == lookup.workflow else { return }
    let key = lookup.keys.map { instance.field($0.name) }
    if let old = keyOf[instance.id] {
      if old == key { return }
      ids[old]?.remove(instance.id)
    }
    keyOf[instance.id] = key
    ids[key, default: []].insert(instance.id)
  }
}

import DocketModel

/// The tickets one command has read and changed so far, and the messages it will send.
///
/// Every step works on copies held here; nothing reaches the store until the session commits
/// the ``changeset`` whole. A refusal simply drops the transaction. Rules (a later issue)
/// extend the same transaction, which is why one command can change several tickets.
struct Transaction {
  private let reader: any InstanceReader
  /// Changed or created tickets, in the order they were first changed.
  private var order: [InstanceID] = []
  private var changed: [InstanceID: Instance] = [:]
  /// Tickets read but not (yet) changed, so a second read sees the same value.
  private var read: [InstanceID: Instance] = [:]
  private var lastNumbers: [String: Int] = [:]
  private(set) var outbox: [OutboxMessage] = []

  init(reader: some InstanceReader) {
    self.reader = reader
  }

  /// The ticket as this command currently sees it.
  mutating func instance(_ id: InstanceID) -> Result<Instance, Refusal> {
    if let i = changed[id] ?? read[id] { return .success(i) }
    guard id.isWellFormed else { return .failure(.unknownID(id)) }
    do {
      guard let i = try reader.instance(id) else { return .failure(.unknownID(id)) }
      read[id] = i
      return .success(i)
    } catch {
      return .failure(.storage(id, underlying: error))
    }
  }

  /// Records a changed ticket. Its revision is one more than the one read from the store
  /// (or 1 for a new ticket), however many steps changed it within this command.
  mutating func save(_ instance: Instance) {
    var instance = instance
    if let base = read[instance.id] {
      instance.revision = base.revision + 1
    } else if changed[instance.id] == nil {
      instance.revision = 1
    }
    if changed[instance.id] == nil { order.append(instance.id) }
    changed[instance.id] = instance
  }

  /// A new id for this prefix: the store's last number + 1, + 2, … within one command.
  mutating func newID(prefix: String) -> Result<InstanceID, Refusal> {
    let last: Int
    if let n = lastNumbers[prefix] {
      last = n
    } else {
      do {
        last = try reader.lastNumber(forPrefix: prefix)
      } catch {
        return .failure(.storage(InstanceID.make(prefix: prefix, number: 0), underlying: error))
      }
    }
    lastNumbers[prefix] = last + 1
    return .success(InstanceID.make(prefix: prefix, number: last + 1))
  }

  mutating func send(_ message: OutboxMessage) { outbox.append(message) }

  /// Everything changed, in first-changed order.
  var changeset: Changeset {
    Changeset(instances: order.compactMap { changed[$0] }, outbox: outbox)
  }
}

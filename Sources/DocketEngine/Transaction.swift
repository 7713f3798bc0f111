import DocketModel

/// The tickets one command has read and changed so far, and the messages it will send.
///
/// Every step works on copies held here; nothing reaches the store until the session commits
/// the ``changeset`` whole. A refusal simply drops the transaction. Rules extend the same
/// transaction, which is why one command can change several tickets; a value, so a copy
/// taken before a rule runs is the snapshot that `on_error: skip` rolls back to.
///
/// Most commands touch one ticket, so tickets are kept in arrays searched linearly (no
/// hashing on the hot path); an index takes over when a command touches many (a tick).
struct Transaction {
  private let reader: any InstanceReader
  /// Changed or created tickets, in the order they were first changed.
  private var changed: [Instance] = []
  /// The revision each ticket had in the store when this command first read it (the first
  /// ticket kept apart: most commands read one, and need no array for it).
  private var firstBase: (id: InstanceID, revision: Int)?
  private var baseRevisions: [(id: InstanceID, revision: Int)] = []
  private var index: [InstanceID: Int] = [:]
  private var lastNumbers: [String: Int] = [:]
  private(set) var outbox: [OutboxMessage] = []
  /// Every rule that fired so far, in firing order.
  private(set) var firedRules: [RuleFiring] = []

  private static let indexThreshold = 16

  init(reader: some InstanceReader) {
    self.reader = reader
  }

  private func position(of id: InstanceID) -> Int? {
    if changed.count > Self.indexThreshold { return index[id] }
    return changed.firstIndex { $0.id == id }
  }

  private func baseRevision(of id: InstanceID) -> Int? {
    if let firstBase, firstBase.id == id { return firstBase.revision }
    return baseRevisions.last { $0.id == id }?.revision
  }

  /// The ticket as this command currently sees it.
  ///
  /// Throws (typed) rather than returning a `Result`: the ticket is then returned directly,
  /// where unwrapping a `Result` copied it (a retain of each of its strings, dictionaries
  /// and arrays) on every step.
  mutating func instance(_ id: InstanceID) throws(Refusal) -> Instance {
    try read(id, lending: false)
  }

  /// The ticket this command is about to change, handed over by the reader
  /// (``InstanceReader/lend(_:)``): held only here, so changing it copies none of its fields
  /// or history. The command then owes it back: saved and committed, or ``giveBack(_:)``
  /// unchanged on a refusal.
  mutating func lend(_ id: InstanceID) throws(Refusal) -> Instance {
    try read(id, lending: true)
  }

  /// Hands a lent ticket back to the reader, unchanged (the command was refused).
  func giveBack(_ instance: consuming Instance) { reader.giveBack(instance) }

  private mutating func read(_ id: InstanceID, lending: Bool) throws(Refusal) -> Instance {
    if let p = position(of: id) { return changed[p] }
    guard id.isWellFormed else { throw .unknownID(id) }
    let read: Instance?
    do {
      read = lending ? try reader.lend(id) : try reader.instance(id)
    } catch {
      throw .storage(id, underlying: error)
    }
    guard let i = read else { throw .unknownID(id) }
    if firstBase == nil {
      firstBase = (id, i.revision)
    } else if baseRevision(of: id) == nil {
      baseRevisions.append((id, i.revision))
    }
    return i
  }

  /// Records a changed ticket. Its revision is one more than the one read from the store
  /// (or 1 for a new ticket), however many steps changed it within this command.
  mutating func save(_ instance: consuming Instance) {
    // Everything read from `instance` is read before it moves into `changed`: a use after
    // the move would make it a copy.
    let id = instance.id
    let existing = position(of: id)
    if let base = baseRevision(of: id) {
      instance.revision = base + 1
    } else if existing == nil {
      instance.revision = 1
    }
    if let p = existing {
      changed[p] = instance
      return
    }
    changed.append(instance)
    if changed.count > Self.indexThreshold {
      if index.isEmpty {
        for (i, c) in changed.enumerated() { index[c.id] = i }
      } else {
        index[id] = changed.count - 1
      }
    }
  }

  /// Changes a ticket this command has already changed, in place (no copy of its fields or
  /// history while nothing else holds them). Nil when the ticket is not among the changed.
  mutating func modify<R>(_ id: InstanceID, _ body: (inout Instance) -> R) -> R? {
    guard let p = position(of: id) else { return nil }
    return body(&changed[p])
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

  mutating func fired(_ firing: RuleFiring) { firedRules.append(firing) }

  /// What lookups see of this command: the store through `reader`, and every ticket
  /// changed so far (see ``LookupScope``).
  func lookupScope(_ lookups: LookupTable) -> LookupScope {
    LookupScope(reader: reader, changed: changed, lookups: lookups)
  }

  /// Everything changed, in first-changed order.
  var changeset: Changeset { Changeset(instances: changed, outbox: outbox, firedRules: firedRules) }
}

import DocketEngine
import DocketFiles
import DocketModel
import DocketStore
import Foundation

extension DocketSession {
  /// Whether `path` is a folder (symbolic links followed), as a home must be.
  ///
  /// A `stat`, as `FileManager.fileExists(atPath:isDirectory:)` does, without the default
  /// file manager's first use (0.02 M instructions in the static binary).
  package static func isFolder(_ path: String) -> Bool { FileSystem.isDirectory(path) }

  /// Runs `body` in a write transaction (exclusive lock), ending it whatever happens.
  func write<T>(_ body: (any StoreTransaction) throws(DocketError) -> T) throws(DocketError) -> T {
    let transaction = try storeCall { () throws(StoreError) in try store.beginWrite() }
    defer { transaction.end() }
    return try body(transaction)
  }

  /// Runs `body` in a read transaction (shared lock).
  func read<T>(_ body: (any StoreTransaction) throws(DocketError) -> T) throws(DocketError) -> T {
    let transaction = try storeCall { () throws(StoreError) in try store.beginRead() }
    defer { transaction.end() }
    return try body(transaction)
  }

  func storeCall<T>(_ body: () throws(StoreError) -> T) throws(DocketError) -> T {
    do {
      return try body()
    } catch {
      throw DocketError.store(error)
    }
  }

  /// The ticket, or `unknown_id`.
  func existing(_ id: InstanceID, in transaction: any StoreTransaction) throws(DocketError) -> Instance {
    guard let instance = try storeCall({ () throws(StoreError) in try transaction.load(id) }) else {
      throw .refused(.unknownID(id))
    }
    return instance
  }

  /// Commits what the engine decided (with copies of any definition version a new ticket
  /// starts on), or throws its refusal. Returns the changeset as committed.
  func commit(
    _ outcome: Result<Changeset, Refusal>, in transaction: any StoreTransaction
  ) throws(DocketError) -> Changeset {
    let changeset: Changeset
    switch outcome {
    case .failure(let refusal): throw DocketError.refusal(refusal)
    case .success(let c): changeset = c
    }
    var pins: [DefinitionPin] = []
    var seen = Set<String>()
    for instance in changeset.instances where instance.revision == 1 && seen.insert(instance.digest).inserted {
      if let definition = home.workflows[instance.workflow], definition.digest == instance.digest {
        pins.append(DefinitionPin(workflow: instance.workflow, digest: instance.digest, text: definition.sourceText))
      }
    }
    try storeCall { () throws(StoreError) in try transaction.commit(changeset, pins: pins) }
    committed()
    return changeset
  }

  /// The ticket `id` as the changeset wrote it.
  func changed(_ id: InstanceID, in changeset: Changeset) throws(DocketError) -> Instance {
    guard let instance = changeset.instances.last(where: { $0.id == id }) else {
      throw .usage("the command changed nothing on \(id)")
    }
    return instance
  }

  /// The home with the kept definitions of every older version these tickets run on, so a
  /// running ticket keeps the definition it started on when its workflow file changes.
  /// The engine for these tickets: the session's own, unless one runs on an older version
  /// of its workflow (``homePinned(for:in:)`` then adds that version, and the engine is new).
  func engine(for tickets: [Instance], in transaction: any StoreTransaction) throws(DocketError)
    -> Engine
  {
    let pinnedHome = try homePinned(for: tickets, in: transaction)
    // Pinning only adds versions (with their calendars): the same count is the same home.
    return pinnedHome.pinned.count == home.pinned.count ? engine : Engine(home: pinnedHome)
  }

  func homePinned(for tickets: [Instance], in transaction: any StoreTransaction) throws(DocketError) -> Home {
    var result = home
    for ticket in tickets {
      guard let current = home.workflows[ticket.workflow], current.digest != ticket.digest,
        result.pinned[ticket.digest] == nil
      else { continue }
      guard
        let text = try storeCall({ () throws(StoreError) in
          try transaction.pinnedDefinition(workflow: ticket.workflow, digest: ticket.digest)
        })
      else { continue }  // No copy kept: the ticket runs on the current definition.
      if let definition = HomeLoading.pinnedDefinition(text: text, workflow: ticket.workflow),
        definition.digest == ticket.digest
      {
        result.pinned[ticket.digest] = definition
        // A partly loaded home holds the calendars of the current definitions only.
        if let root = partialRoot {
          for id in definition.allDeadlines.compactMap(\.calendar) where result.calendars[id] == nil {
            result.calendars[id] = HomeLoading.calendar(id, home: root)
          }
        }
      }
    }
    return result
  }

  /// The warnings and breaches a tick ran, read off what changed: a deadline whose
  /// `warned_at` or `breached_at` was set by this tick.
  static func firings(before: [InstanceID: Instance], after: [Instance]) -> [TickReport.Firing] {
    var firings: [TickReport.Firing] = []
    for instance in after {
      let old = before[instance.id]
      for (name, clock) in instance.deadlines.sorted(by: { $0.key < $1.key }) {
        let previous = old?.deadlines[name]
        if clock.warnedAt != nil, previous?.warnedAt == nil {
          firings.append(.init(instance: instance.id, deadline: name, kind: .warning, dueAt: previous?.warnAt ?? clock.warnedAt ?? clock.dueAt))
        }
        if clock.breachedAt != nil, previous?.breachedAt == nil {
          firings.append(.init(instance: instance.id, deadline: name, kind: .breach, dueAt: clock.dueAt))
        }
      }
    }
    return firings.sorted { ($0.dueAt, $0.instance, $0.deadline.rawValue) < ($1.dueAt, $1.instance, $1.deadline.rawValue) }
  }

  /// Id prefix -> workflow, so the store finds a ticket's file directly.
  static func prefixes(of home: Home) -> [String: WorkflowID] {
    var result: [String: WorkflowID] = [:]
    for (id, definition) in home.workflows { result[definition.prefix] = id }
    return result
  }

  /// The short description `list` shows: the first string field (in workflow order) that
  /// is set, e.g. the customer's name.
  static func titler(for home: Home) -> @Sendable (Instance) -> String? {
    var order: [WorkflowID: [String]] = [:]
    for (id, definition) in home.workflows {
      order[id] = definition.fields.compactMap { name, field in
        field.type == .string ? name.rawValue : nil
      }
    }
    let fields = order
    return { instance in
      for name in fields[instance.workflow] ?? [] {
        if case .string(let s)? = instance.fields[name], !s.isEmpty { return s }
      }
      return nil
    }
  }
}

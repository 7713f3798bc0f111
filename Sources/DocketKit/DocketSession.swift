import DocketDiagnostics
import DocketEngine
import DocketModel
import DocketStore
import Foundation

/// One opened home: its checked definitions, its store and a clock. The command line and
/// fixtures do everything through this.
///
/// Each mutating call takes the store's lock, reads what it needs, runs the engine, commits
/// the engine's changeset as one unit and releases the lock. A refusal never reaches the
/// store, so a refused command leaves every file as it was. Reads see a consistent store.
public final class DocketSession {
  /// The definitions, loaded and checked when the session opened.
  public let home: Home
  public let clock: any DocketClock
  package let store: any InstanceStore
  /// Warnings from loading (errors would have stopped `open`), and the files they point at.
  package let warnings: DiagnosticBag
  package let sources: [String: SourceFile]
  /// Where the home is and what its full load established, to keep after the first commit
  /// (see `HomeLoading`).
  private var pendingRecord: (root: String, record: ValidatedHomeRecord, compiles: Bool)?
  /// The home folder when only part of it was loaded (older workflow versions may need a
  /// calendar the loaded part does not).
  private(set) var partialRoot: String?
  /// The definition files opening read and hashed for the validated-home record's key; the
  /// others were known unchanged by their stat (tests watch the fast path through this).
  package private(set) var hashedDefinitionFiles: [String] = []
  /// The engine over ``home``, built on first use and kept for the session's other calls
  /// (fixtures run many; building and freeing one is most of a small command's engine work).
  private(set) lazy var engine = Engine(home: home)

  /// Loads and checks the home's definitions (contract §1) and opens its store.
  ///
  /// - Parameter scope: what the caller will touch. Narrower than everything, the session
  ///   may hold only the workflows that scope reaches, when an earlier command found these
  ///   exact definition files valid (see `HomeLoading`); `home.workflows` then lacks the rest.
  /// - Throws: ``DocketError/invalidDefinitions(_:_:)`` with every diagnostic when a
  ///   definition has errors (contract §6: every command validates first).
  ///   - path: `url.path` when the caller has it as an absolute, standardized path (the
  ///     command line does): asking a URL for its path first costs more than an `advance`'s
  ///     whole store transaction (docs/performance.md §14).
  public static func open(
    home url: URL, path: String? = nil, clock: any DocketClock,
    scope: DefinitionScope = .everything
  ) throws(DocketError) -> DocketSession {
    let root = path ?? url.path
    let loaded = try HomeLoading.load(url, root: root, scope: scope)
    let home = loaded.home
    let storePath = home.settings.storePath
    // The store folder as a standardized path: a plain relative one (`data`) joined as text
    // to a standardized home path, anything else standardized by URL.
    let storeRoot =
      path.flatMap { home in
        Self.plainRelative(storePath).map { (home.hasSuffix("/") ? home : home + "/") + $0 }
      }
      ?? (storePath.hasPrefix("/")
        ? URL(fileURLWithPath: storePath) : url.appendingPathComponent(storePath)
      ).standardizedFileURL.path
    let store = FileInstanceStore(
      path: storeRoot, displayRoot: storePath, zone: home.settings.zone,
      workflowsByPrefix: Self.prefixes(of: home), title: Self.titler(for: home),
      lookups: Array(home.lookups.values))
    let session = DocketSession(
      home: home, store: store, clock: clock, warnings: loaded.warnings, sources: loaded.sources)
    session.pendingRecord = loaded.record.map { (root, $0, loaded.compiles) }
    if loaded.isPartial { session.partialRoot = root }
    session.hashedDefinitionFiles = loaded.hashed
    return session
  }

  /// `storePath` when it is relative and needs no standardizing (`data`, `store/tickets`:
  /// no empty, `.` or `..` component), so it can be joined to the home's path as text.
  private static func plainRelative(_ storePath: String) -> String? {
    guard !storePath.hasPrefix("/"), !storePath.isEmpty else { return nil }
    let parts = storePath.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
    return storePath
  }

  /// Keeps the validated-home record once the store has been written to.
  func committed() {
    guard let (root, record, compiles) = pendingRecord else { return }
    pendingRecord = nil
    // The compiled home before the record that leads to it: a command that finds the new
    // record finds its compiled home too (or, if this write failed, loads the YAML).
    if compiles { CompiledHomeFile.write(home, key: record.key, home: root) }
    record.write(home: root)
  }

  /// A session over definitions already loaded and any store: fixtures use an
  /// ``InMemoryInstanceStore`` so they never touch the home's `data/`.
  public convenience init(home: Home, store: any InstanceStore, clock: any DocketClock) {
    self.init(home: home, store: store, clock: clock, warnings: DiagnosticBag(), sources: [:])
  }

  package init(
    home: Home, store: any InstanceStore, clock: any DocketClock, warnings: DiagnosticBag,
    sources: [String: SourceFile]
  ) {
    self.home = home
    self.store = store
    self.clock = clock
    self.warnings = warnings
    self.sources = sources
  }

  /// A store for `home` in memory, with the same index titles a file store would keep.
  public static func memoryStore(for home: Home) -> InMemoryInstanceStore {
    InMemoryInstanceStore(title: titler(for: home))
  }

  // MARK: - Changing tickets

  /// Creates a ticket of `workflow`; returns it as written.
  public func create(_ workflow: WorkflowID, input: FieldInput, actor: UserID) throws(DocketError) -> Instance {
    try createReporting(workflow, input: input, actor: actor).instance
  }

  /// Creates a ticket of `workflow`, runs the rules reacting to it, and commits everything
  /// as one unit; returns the ticket, the tickets rules started and the rules that fired.
  public func createReporting(_ workflow: WorkflowID, input: FieldInput, actor: UserID)
    throws(DocketError) -> CommandEffects
  {
    let now = clock.now()
    let changeset = try write { transaction throws(DocketError) in
      try commit(
        engine.create(workflow, input: input, actor: actor, at: now, reader: transaction),
        in: transaction)
    }
    // The engine puts the ticket the person created first; rules' tickets follow.
    guard let created = changeset.instances.first(where: { $0.workflow == workflow && $0.revision == 1 })
    else { throw .usage("creating a '\(workflow)' ticket produced no ticket") }
    return CommandEffects(instance: created, changeset: changeset)
  }

  /// Fires `event` on a ticket; returns the ticket as written.
  public func advance(
    _ id: InstanceID, event: EventName, input: FieldInput, note: String?, actor: UserID
  ) throws(DocketError) -> Instance {
    try advanceReporting(id, event: event, input: input, note: note, actor: actor).instance
  }

  /// Fires `event` on a ticket, runs the rules reacting to the move (which may change,
  /// start and advance other tickets), and commits everything as one unit.
  public func advanceReporting(
    _ id: InstanceID, event: EventName, input: FieldInput, note: String?, actor: UserID
  ) throws(DocketError) -> CommandEffects {
    let now = clock.now()
    var before: Instance?
    let changeset = try write { transaction throws(DocketError) in
      let ticket = try existing(id, in: transaction)
      before = ticket
      let engine = try engine(for: [ticket], in: transaction)
      return try commit(
        engine.advance(id, event: event, input: input, note: note, actor: actor, at: now, reader: transaction),
        in: transaction)
    }
    return CommandEffects(instance: try changed(id, in: changeset), changeset: changeset, before: before)
  }

  /// Gives a ticket to a person; returns it as written.
  public func assign(_ id: InstanceID, to user: UserID, actor: UserID) throws(DocketError) -> Instance {
    let now = clock.now()
    let changeset = try write { transaction throws(DocketError) in
      let engine = try engine(for: [try existing(id, in: transaction)], in: transaction)
      return try commit(
        engine.assign(id, to: user, actor: actor, at: now, reader: transaction), in: transaction)
    }
    return try changed(id, in: changeset)
  }

  /// Runs every warning and breach due now, on every open ticket (as `system`).
  ///
  /// Finds the due tickets in the index (never reading the others), in due-time then id
  /// order; the engine runs them in its documented order and everything lands as one commit.
  public func tick() throws(DocketError) -> TickReport {
    let now = clock.now()
    var before: [InstanceID: Instance] = [:]
    let changeset = try write { transaction throws(DocketError) in
      let due = try storeCall { () throws(StoreError) in try transaction.due(at: now) }
      guard !due.isEmpty else { return Changeset() }
      var tickets: [Instance] = []
      for item in due {
        if let instance = try storeCall({ () throws(StoreError) in try transaction.load(item.id) }) {
          tickets.append(instance)
          before[instance.id] = instance
        }
      }
      let engine = try engine(for: tickets, in: transaction)
      return try commit(engine.tick(tickets.map(\.id), at: now, reader: transaction), in: transaction)
    }
    return TickReport(
      at: now, firings: Self.firings(before: before, after: changeset.instances),
      changed: changeset.instances, outbox: changeset.outbox, firedRules: changeset.firedRules)
  }

  // MARK: - Reading

  /// The ticket with this id (`unknown_id` if there is none, or the id is not well formed).
  public func instance(_ id: InstanceID) throws(DocketError) -> Instance {
    try read { transaction throws(DocketError) in try existing(id, in: transaction) }
  }

  /// Every event of the ticket's state, whether this actor may fire it now, and why not.
  public func options(for id: InstanceID, actor: UserID) throws(DocketError) -> [EventOption] {
    try read { transaction throws(DocketError) in
      let instance = try existing(id, in: transaction)
      return try engine(for: [instance], in: transaction)
        .options(for: instance, actor: actor, at: clock.now())
    }
  }

  /// What an expression on this ticket sees, exactly as a guard fired by `actor` now would:
  /// for `docket eval --id`. Uses the definition the ticket is pinned to.
  public func expressionScope(for id: InstanceID, actor: UserID) throws(DocketError)
    -> ExpressionScope
  {
    let result = try read { transaction throws(DocketError) in
      let instance = try existing(id, in: transaction)
      return try engine(for: [instance], in: transaction)
        .expressionScope(for: instance, actor: actor, at: clock.now())
    }
    switch result {
    case .success(let scope): return scope
    case .failure(let refusal): throw .refused(refusal)
    }
  }

  /// Tickets matching the query, from the index (ticket files are not opened), in id order.
  public func list(_ query: InstanceQuery) throws(DocketError) -> [InstanceSummary] {
    let now = clock.now()
    let scope: SummaryScope =
      switch query.status {
      case .open: .open
      case .closed: .closed
      case .any: .all
      }
    let queueRoles = query.queueOf.flatMap { home.staff[$0] }.map { Set($0.roles) }
    return try read { transaction throws(DocketError) in
      try storeCall { () throws(StoreError) in try transaction.summaries(scope) }.filter { s in
        if let w = query.workflow, s.workflow != w { return false }
        if let st = query.state, s.state != st { return false }
        if let a = query.assignee, s.user != a { return false }
        if query.overdue, !s.isOverdue(at: now) { return false }
        if let user = query.queueOf {
          let waiting = s.user == nil && s.role.map { queueRoles?.contains($0) ?? false } ?? false
          if s.user != user, !waiting { return false }
        }
        return true
      }
    }
  }

  /// Warnings about the home, and the open tickets that run on an older version of their
  /// workflow (the session opened, so the definitions have no errors).
  public func validate() -> ValidationReport {
    var report = ValidationReport(diagnostics: warnings, sources: sources)
    do {
      let transaction = try store.beginRead()
      defer { transaction.end() }
      for s in try transaction.summaries(.open) {
        guard let current = home.workflows[s.workflow], current.digest != s.digest else { continue }
        let kept = (try? transaction.pinnedDefinition(workflow: s.workflow, digest: s.digest)) != nil
        report.pinned.append(
          .init(
            id: s.id, workflow: s.workflow, version: s.version, digest: s.digest,
            currentVersion: current.version, definitionKept: kept))
      }
    } catch {
      report.problems.append(error)
    }
    return report
  }

  /// Rebuilds the index and id counters from the ticket files.
  ///
  /// - Throws: ``DocketError/storage(_:)`` naming the first ticket file that could not be
  ///   read, after indexing every other one.
  @discardableResult
  public func reindex() throws(DocketError) -> ReindexReport {
    let problems = try storeCall { () throws(StoreError) in try store.rebuildIndex() }
    let count = try read { transaction throws(DocketError) in
      try storeCall { () throws(StoreError) in try transaction.summaries(.all) }.count
    }
    if var first = problems.first {
      if problems.count > 1 { first.reason += " (and \(problems.count - 1) more unreadable ticket files)" }
      throw .storage(first)
    }
    return ReindexReport(indexed: count, problems: problems)
  }
}

import CEL
import DocketKit
import DocketReports
import Foundation

/// The command line's adaptor over ``DocketSession``: opens the home with the right clock,
/// and turns the session's values into rows and choices and its errors into
/// ``CommandFailure``s (through ``ErrorMapping``).
struct DocketKitGateway: SessionGateway {
  let session: DocketSession
  let now: Date

  var home: Home { session.home }

  /// Opens the home at `options.home` with `--now` as a fixed clock, else the system clock.
  static func open(_ options: ResolvedOptions) throws(CommandFailure) -> any SessionGateway {
    try opened(options)
  }

  /// ``open(_:)``, as this type.
  static func opened(_ options: ResolvedOptions) throws(CommandFailure) -> DocketKitGateway {
    let clock: any DocketClock = options.now.map { FixedClock($0) } ?? SystemClock()
    guard DocketSession.isFolder(options.homePath) else {
      throw .usage("the home folder \(options.homePath) does not exist (--home or DOCKET_HOME)")
    }
    do {
      let session = try DocketSession.open(
        home: options.home, path: options.homePath, clock: clock, scope: options.definitions)
      return DocketKitGateway(session: session, now: clock.now())
    } catch {
      throw ErrorMapping.failure(error)
    }
  }

  /// Keeps the session (and the home it loaded) allocated until the process exits.
  ///
  /// The `docket` process exits as soon as its command has printed, and the system takes
  /// back its memory whole; freeing the loaded definitions piece by piece first cost an
  /// `advance` 0.09 M instructions (docs/performance.md §13). The session holds no lock or
  /// open file between calls (each transaction ends inside the call), so nothing else waits.
  func keepUntilExit() {
    _ = Unmanaged.passRetained(session)
  }

  private func call<T>(_ body: () throws(DocketError) -> T) throws(CommandFailure) -> T {
    do { return try body() } catch { throw ErrorMapping.failure(error) }
  }

  private func input(_ fields: [FieldAssignment]) -> FieldInput {
    FieldInput(text: fields.map { ($0.name, $0.text) })
  }

  func createReporting(_ workflow: WorkflowID, fields: [FieldAssignment], actor: UserID)
    throws(CommandFailure) -> TicketChange
  {
    Self.change(
      try call { () throws(DocketError) in
        try session.createReporting(workflow, input: input(fields), actor: actor)
      })
  }

  func advanceReporting(
    _ id: InstanceID, event: EventName, fields: [FieldAssignment], note: String?, actor: UserID
  ) throws(CommandFailure) -> TicketChange {
    Self.change(
      try call { () throws(DocketError) in
        try session.advanceReporting(id, event: event, input: input(fields), note: note, actor: actor)
      })
  }

  private static func change(_ effects: CommandEffects) -> TicketChange {
    let started = Set(effects.started.map(\.id))
    return TicketChange(
      instance: effects.instance, started: effects.started, firedRules: effects.firedRules,
      alsoChanged: effects.changed.filter { $0.id != effects.instance.id && !started.contains($0.id) },
      before: effects.before)
  }

  func assign(_ id: InstanceID, to user: UserID, actor: UserID) throws(CommandFailure) -> Instance {
    try call { () throws(DocketError) in try session.assign(id, to: user, actor: actor) }
  }

  func tick() throws(CommandFailure) -> [TickFiring] {
    let report = try call { () throws(DocketError) in try session.tick() }
    let changed = Dictionary(report.changed.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
    return report.firings.map { f in
      let label = changed[f.instance].flatMap { home.definition(for: $0) }?
        .deadline(named: f.deadline)?.displayName
      return TickFiring(
        id: f.instance, deadline: f.deadline.rawValue, label: label ?? f.deadline.rawValue,
        kind: f.kind.rawValue, at: f.dueAt)
    }
  }

  func instance(_ id: InstanceID) throws(CommandFailure) -> Instance {
    try call { () throws(DocketError) in try session.instance(id) }
  }

  func choices(for id: InstanceID, actor: UserID) throws(CommandFailure) -> [EventChoice] {
    try call { () throws(DocketError) in try session.options(for: id, actor: actor) }
      .map(EventChoice.init)
  }

  func tickets(_ filter: TicketFilter) throws(CommandFailure) -> [TicketRow] {
    let query = InstanceQuery(
      workflow: filter.workflow, state: filter.state, assignee: filter.assignee,
      status: filter.status == .open ? .open : filter.status == .closed ? .closed : .any,
      overdue: filter.overdueOnly, queueOf: filter.queueOf)
    return try call { () throws(DocketError) in try session.list(query) }.map(row)
  }

  private func row(_ s: InstanceSummary) -> TicketRow {
    let definition = home.workflows[s.workflow]
    let roleLabel = s.role.map { definition?.roles[$0] ?? $0.rawValue }
    let owner: String =
      switch (s.user, roleLabel) {
      case (let user?, _): home.staff[user]?.name ?? user.rawValue
      case (nil, let role?): "queue: \(role)"
      case (nil, nil): "—"
      }
    return TicketRow(
      id: s.id, workflow: s.workflow, workflowTitle: definition?.displayName ?? s.workflow.rawValue,
      state: s.state, stateLabel: definition?.states[s.state]?.displayName ?? s.state.rawValue,
      status: s.status, assignee: Assignee(role: s.role, user: s.user), ownerText: owner,
      summary: s.title ?? "", nextDue: s.nextDeadline?.dueAt,
      isBreached: s.deadlines.contains { $0.state == .breached }, createdAt: s.createdAt)
  }

  func validationNotes() -> ValidationNotes {
    let report = session.validate()
    let pinned = report.pinned.map { p in
      "\(p.id) runs on \(p.workflow) version \(p.version) (the file is now version \(p.currentVersion))"
        + (p.definitionKept ? "" : "; its definition copy is missing from the store")
    }
    let problems = report.problems.map { "\($0.path): \($0.reason)" }
    return ValidationNotes(
      warnings: report.diagnostics.warnings, sources: report.sources, pinned: pinned + problems)
  }

  func reindex() throws(CommandFailure) -> Int {
    try call { () throws(DocketError) in try session.reindex() }.indexed
  }

  func evaluationScope(for id: InstanceID, actor: UserID?) throws(CommandFailure)
    -> EvaluationScope
  {
    let scope = try call { () throws(DocketError) in
      try session.expressionScope(for: id, actor: actor ?? .system)
    }
    return EvaluationScope(types: scope.declarations, base: scope.activation)
  }
}

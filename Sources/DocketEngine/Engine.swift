import DocketModel
import Foundation

/// The workflow interpreter: commands in, a ``Changeset`` or a ``Refusal`` out.
///
/// Pure: it performs no I/O, never reads a clock (`now` is a parameter) and never prints. It
/// reads tickets through an `InstanceReader` and returns every ticket it changed, with its
/// next revision, plus outbox messages; the session commits them whole. A refusal returns
/// nothing else, so the store stays byte-for-byte unchanged. The order of the steps of each
/// command is documented in `docs/engine.md`.
public struct Engine: Sendable {
  public let home: Home
  /// Current workflows, prepared for interpreting.
  let workflows: NameTable<WorkflowID, WorkflowRuntime>
  /// Older versions that running tickets are pinned to, by digest.
  let pinned: [String: WorkflowRuntime]
  /// Each staff member's roles, looked up on every step.
  let staffRoles: NameTable<UserID, [RoleID]>
  /// Which rules can react to which changes (empty: rules cost nothing).
  let ruleIndex: RuleIndex
  /// The lookup functions rule expressions may call.
  let lookupTable: LookupTable

  public init(home: Home) {
    self.home = home
    workflows = NameTable(
      home.workflows, key: { $0.key }, value: { WorkflowRuntime($0.value, calendars: home.calendars) })
    pinned = home.pinned.isEmpty ? [:] : home.pinned.mapValues { WorkflowRuntime($0, calendars: home.calendars) }
    staffRoles = NameTable(home.staff.members.values, key: { $0.id }, value: { $0.roles })
    ruleIndex = RuleIndex(home.rules)
    lookupTable = LookupTable(home.lookups.values, zone: home.settings.zone)
  }

  /// Creates a ticket of `workflow` from `input`, owned by `actor` if they hold the initial
  /// state's role. Its id is the store's last number for the prefix + 1. Then the rules
  /// reacting to its creation run; the new ticket is the changeset's first.
  public func create(
    _ workflow: WorkflowID, input: FieldInput, actor: UserID, at now: Date,
    reader: some InstanceReader
  ) -> Result<Changeset, Refusal> {
    var tx = Transaction(reader: reader)
    let created: Instance
    switch start(workflow, input: input, actor: actor, at: now, in: &tx) {
    case .failure(let r): return .failure(r)
    case .success(let i): created = i
    }
    return react(to: .created(created, at: now), in: &tx).map { tx.changeset }
  }

  /// Fires `event` on a ticket: input first, then guard, `require`, `set`, target, note,
  /// assignment, clocks and history (in that order; see `docs/engine.md`); then the rules
  /// reacting to the move.
  public func advance(
    _ id: InstanceID, event: EventName, input: FieldInput, note: String?, actor: UserID,
    at now: Date, reader: some InstanceReader
  ) -> Result<Changeset, Refusal> {
    var tx = Transaction(reader: reader)
    let who: Actor
    var instance: Instance
    do {
      who = try resolveActor(actor).get()
      // Lent by the reader: held only here, so the step changes its fields and history in
      // place. From here on a refusal hands it back unchanged (`fire` undoes its changes).
      instance = try tx.lend(id)
    } catch {
      return .failure(error)
    }
    // Rules may still refuse after the move: when some rule may react to it, the ticket as
    // it was is kept, so the step pays for copying what it changes.
    let original: Instance? = ruleIndex.reactsToTransitions(of: instance.workflow) ? instance : nil
    let from = instance.state
    do {
      let definition = try self.definition(for: instance).get()
      try fire(event, on: &instance, definition: definition, input: input, note: note, by: who, at: now)
    } catch {
      tx.giveBack(instance)
      return .failure(error)
    }
    guard let original else {
      tx.save(consume instance)
      return .success(tx.changeset)
    }
    let changed = instance
    tx.save(instance)
    switch react(to: .transition(changed, event: event, from: from, at: now), in: &tx) {
    case .success: return .success(tx.changeset)
    case .failure(let refusal):
      tx.giveBack(original)
      return .failure(refusal)
    }
  }

  /// Gives a ticket to `user` (or lets `user` claim it). The user must hold the role the
  /// ticket waits for; staff may claim for themselves, and anyone holding a role of the
  /// workflow may give a ticket to someone else (`docs/engine.md`, Assignment).
  public func assign(
    _ id: InstanceID, to user: UserID, actor: UserID, at now: Date, reader: some InstanceReader
  ) -> Result<Changeset, Refusal> {
    var tx = Transaction(reader: reader)
    return handOver(id, to: user, actor: actor, at: now, in: &tx).map { _ in tx.changeset }
  }

  /// Runs every warning and breach due at `now` on these tickets, each exactly once, as
  /// `system`, in order of due time, then instance id, then deadline name, then warning
  /// before breach. Tickets that do not exist, are closed or cannot be read are skipped.
  public func tick(_ ids: [InstanceID], at now: Date, reader: some InstanceReader)
    -> Result<Changeset, Refusal>
  {
    var tx = Transaction(reader: reader)
    runDeadlines(ids, at: now, in: &tx)
    return .success(tx.changeset)
  }

  /// For `show`: every event of the ticket's state, with whether `actor` may fire it now and
  /// why not. A dry run: nothing is changed, and no input is assumed (so `require` is listed,
  /// not checked).
  public func options(for instance: Instance, actor: UserID, at now: Date) -> [EventOption] {
    eventOptions(for: instance, actor: actor, at: now)
  }

  /// The definition a ticket runs on (its pinned version).
  func definition(for instance: Instance) -> Result<WorkflowRuntime, Refusal> {
    if let current = workflows[instance.workflow], current.definition.digest == instance.digest {
      return .success(current)
    }
    guard let d = pinned[instance.digest] ?? workflows[instance.workflow] else {
      return .failure(.unknownWorkflow(instance.workflow, suggestion: nil))
    }
    return .success(d)
  }
}

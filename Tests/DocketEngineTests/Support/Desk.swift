import DocketEngine
import DocketModel
import Foundation
import OrderedCollections
import Testing

/// An engine over a memory store with a clock the test moves: what the session does, in
/// miniature. Every successful command is committed; a refusal must leave the store as it was.
final class Desk {
  let engine: Engine
  let store = MemoryStore()
  var now = morning

  init(
    _ workflows: [WorkflowDefinition], staff: Staff = Complaint.staff,
    calendars: [CalendarID: BusinessCalendar] = [:], rules: [RuleDefinition] = [],
    lookups: [LookupDefinition] = [], ruleDepthLimit: Int = 8
  ) {
    engine = Engine(
      home: Home(
        settings: Settings(
          timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current, ruleDepthLimit: ruleDepthLimit),
        staff: staff,
        workflows: OrderedDictionary(uniqueKeysWithValues: workflows.map { ($0.id, $0) }),
        calendars: calendars, rules: rules,
        lookups: OrderedDictionary(uniqueKeysWithValues: lookups.map { ($0.name, $0) })))
  }

  /// The last successful command's changeset (fired rules, every changed ticket).
  var last = Changeset()

  convenience init() throws { self.init([try Complaint.workflow()]) }

  @discardableResult
  func new(
    _ workflow: WorkflowID = "complaint", as user: UserID = "li.wei",
    _ input: FieldInput = Complaint.newComplaint
  ) -> Result<Instance, Refusal> {
    commit { engine.create(workflow, input: input, actor: user, at: now, reader: store) }
  }

  @discardableResult
  func advance(
    _ id: InstanceID, _ event: EventName, as user: UserID = "li.wei", _ input: FieldInput = .none,
    note: String? = nil
  ) -> Result<Instance, Refusal> {
    commit { engine.advance(id, event: event, input: input, note: note, actor: user, at: now, reader: store) }
  }

  @discardableResult
  func assign(_ id: InstanceID, to user: UserID, as actor: UserID) -> Result<Instance, Refusal> {
    commit { engine.assign(id, to: user, actor: actor, at: now, reader: store) }
  }

  /// Ticks every open ticket, as the session does with those due.
  @discardableResult
  func tick() -> Changeset {
    let ids = store.instances.values.filter(\.isOpen).map(\.id)
    switch engine.tick(ids, at: now, reader: store) {
    case .success(let c):
      store.commit(c)
      last = c
      return c
    case .failure(let r):
      Issue.record("tick refused: \(r.message)")
      return Changeset()
    }
  }

  func wait(hours h: Double) {
    now = now.addingTimeInterval(h * 3600)
    tick()
  }

  subscript(id: InstanceID) -> Instance? { store.instances[id] }

  /// Runs a command and commits what it decided. The store is read before the command runs:
  /// the engine borrows the ticket it changes (``MemoryStore/lend(_:)``), so a refusal must
  /// give it back exactly as it was.
  private func commit(_ command: () -> Result<Changeset, Refusal>) -> Result<Instance, Refusal> {
    let before = store.instances
    let outboxBefore = store.outbox
    let result = command()
    defer { if case .failure = result { #expect(store.outbox == outboxBefore) } }
    switch result {
    case .success(let c):
      #expect(store.commit(c), "revisions in the changeset must follow the stored ones")
      last = c
      guard let first = c.instances.first else { return .failure(.unknownID("NONE-0")) }
      return .success(first)
    case .failure(let r):
      #expect(store.instances == before)
      #expect(store.lent.isEmpty, "a refused command gives back every ticket it borrowed")
      return .failure(r)
    }
  }
}

extension Result {
  /// The refusal's contract code, or nil on success.
  var code: String? {
    if case .failure(let e) = self, let r = e as? Refusal { return r.code }
    return nil
  }

  var value: Success? { try? get() }
}

import DocketKit
import Foundation

/// Runs one fixture on a scratch in-memory store with a virtual clock that only its steps
/// move; the home's `data/` is never opened, and the system clock is never read.
struct FixtureRunner {
  let fixture: Fixture
  let home: Home
  private let clock: FixedClock
  private let store: InMemoryInstanceStore
  private let session: DocketSession
  /// Tickets named by `ref:`.
  private var tickets: [String: InstanceID] = [:]
  /// The ticket a step without `ref` acts on or checks: the last one a step touched.
  private var current: InstanceID?
  /// Rules that fired in any step (notify-only rules leave no history to read them from).
  private var firedRules: Set<RuleID> = []

  /// Runs a `wait:` as at most this many ticks (each at the next due time); a workflow whose
  /// deadlines keep re-arming at the same instant cannot hang the run.
  static let tickLimit = 10_000

  init(fixture: Fixture, home: Home) {
    self.fixture = fixture
    self.home = home
    clock = FixedClock(fixture.start)
    store = DocketSession.memoryStore(for: home)
    session = DocketSession(home: home, store: store, clock: clock)
  }

  /// Runs every step until one fails.
  mutating func run() -> FixtureResult {
    var failures: [FixtureFailure] = []
    var stepsRun = 0
    for (index, step) in fixture.steps.enumerated() {
      stepsRun = index + 1
      failures = self.step(step, number: index + 1)
      if !failures.isEmpty { break }
    }
    var exercised = Exercised()
    exercised.record(allTickets())
    exercised.rules.formUnion(firedRules)
    return FixtureResult(
      name: fixture.name, path: fixture.path, span: fixture.span, failures: failures,
      stepsRun: stepsRun, exercised: exercised)
  }

  private mutating func step(_ step: FixtureStep, number: Int) -> [FixtureFailure] {
    let outboxBefore = store.outboxMessages().count
    var refusal: DocketError?
    do throws(DocketError) {
      try perform(step.action)
    } catch {
      refusal = error
    }
    if let refusal, case .refused = refusal {
      // A refusal is an outcome the fixture may expect; anything else is trouble.
    } else if let refusal {
      return [unexpected(refusal, step: step, number: number)]
    }
    let appended = Array(store.outboxMessages().dropFirst(outboxBefore))
    guard let expect = step.expect else {
      return refusal.map { [unexpected($0, step: step, number: number)] } ?? []
    }
    let targetID = expect.ref.flatMap { tickets[$0] } ?? current
    let ticket = targetID.flatMap { try? session.instance($0) }
    let check = ExpectationCheck(
      expect: expect, ticket: ticket, refusal: refusal, appended: appended,
      children: (ticket?.links.children ?? []).compactMap { try? session.instance($0) },
      zone: home.settings.timeZone)
    return check.mismatches().map { mismatch in
      FixtureFailure(
        step: number, summary: step.summary, span: mismatch.span,
        message: (ticket.map { "\($0.id): " } ?? "") + mismatch.message, expected: mismatch.expected,
        actual: mismatch.actual)
    }
  }

  private mutating func perform(_ action: FixtureAction) throws(DocketError) {
    switch action {
    case .new(let workflow, let ref, let actor, let fields):
      let effects = try session.createReporting(workflow, input: Self.input(fields), actor: actor)
      firedRules.formUnion(effects.firedRules.map(\.rule))
      if let ref { tickets[ref] = effects.instance.id }
      current = effects.instance.id
    case .advance(let ref, let event, let actor, let fields, let note):
      let id = try ticket(ref)
      current = id
      let effects = try session.advanceReporting(
        id, event: event, input: Self.input(fields), note: note, actor: actor)
      firedRules.formUnion(effects.firedRules.map(\.rule))
    case .assign(let ref, let user, let actor):
      let id = try ticket(ref)
      current = id
      _ = try session.assign(id, to: user, actor: actor)
    case .wait(let seconds):
      try runDue(until: clock.now() + TimeInterval(seconds))
    case .at(let date):
      try runDue(until: date)
    }
  }

  /// Moves the clock to `target`, stopping at each due time on the way to tick there, so
  /// every warning and breach runs at its own instant and a breach that starts a new clock
  /// sees that clock fall due too when it falls inside the wait.
  private mutating func runDue(until target: Date) throws(DocketError) {
    for _ in 0..<Self.tickLimit {
      guard let next = nextDue(), next <= target else { break }
      clock.set(next)
      let report = try session.tick()
      firedRules.formUnion(report.firedRules.map(\.rule))
      // Nothing fired although something looked due: ticking again would change nothing.
      if report.firings.isEmpty && report.changed.isEmpty { break }
    }
    clock.set(target)
  }

  /// The earliest warning or breach time of any open ticket, not before the clock.
  private func nextDue() -> Date? {
    let now = clock.now()
    return allTickets().filter(\.isOpen).compactMap(\.nextDueAt).map { max($0, now) }.min()
  }

  private func allTickets() -> [Instance] {
    guard let summaries = try? session.list(InstanceQuery(status: .any)) else { return [] }
    return summaries.compactMap { try? session.instance($0.id) }
  }

  private func ticket(_ ref: String) throws(DocketError) -> InstanceID {
    guard let id = tickets[ref] else {
      // The decoder checked every ref; a ref whose `new` was refused lands here.
      throw .usage("ticket '\(ref)' was never created (its 'new' step was refused)")
    }
    return id
  }

  private static func input(_ fields: [FieldName: FieldValueText]) -> FieldInput {
    FieldInput(
      fields.mapValues { value in
        switch value {
        case .text(let text): .text(text)
        case .list(let items): .value(.array(items.map { .string($0) }))
        case .null: .value(.null)
        }
      })
  }

  private func unexpected(_ error: DocketError, step: FixtureStep, number: Int) -> FixtureFailure {
    FixtureFailure(
      step: number, summary: step.summary, span: step.span,
      message: "the step was refused (\(error.code)): \(error.message)",
      expected: ["no error"], actual: ["error: \(error.code)", "message: \(error.message)"])
  }
}

import DocketModel
import Foundation

/// One warning or breach that has fallen due on one ticket.
struct DueAction: Comparable {
  enum Kind: Int, Comparable {
    case warning = 0, breach = 1
    static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
  }

  var time: Date
  var instance: InstanceID
  var deadline: DeadlineName
  var kind: Kind

  /// The documented tick order: due time, then instance id, then deadline name, then a
  /// warning before a breach.
  static func < (a: DueAction, b: DueAction) -> Bool {
    (a.time, a.instance, a.deadline, a.kind) < (b.time, b.instance, b.deadline, b.kind)
  }

  /// Every warning and breach of this ticket due at or before `now`.
  static func pending(on instance: Instance, at now: Date) -> [DueAction] {
    guard instance.isOpen else { return [] }
    var out: [DueAction] = []
    for (name, clock) in instance.deadlines where clock.state == .running {
      if clock.warnedAt == nil, let warnAt = clock.warnAt, warnAt < clock.dueAt, warnAt <= now {
        out.append(DueAction(time: warnAt, instance: instance.id, deadline: name, kind: .warning))
      }
      if clock.dueAt <= now {
        out.append(DueAction(time: clock.dueAt, instance: instance.id, deadline: name, kind: .breach))
      }
    }
    return out
  }
}

extension Engine {
  /// At most this many warnings and breaches run on one ticket in one tick, so a deadline
  /// whose action re-enters its own zero-length clock cannot loop; the rest run next tick.
  static let actionsPerTicketPerTick = 100

  /// Runs everything due at `now` on these tickets, in ``DueAction`` order.
  ///
  /// Each action takes effect when it fell due (or when the ticket last changed, if that is
  /// later), so clocks started by a breach's event are timed from then, and a long gap
  /// between ticks gives the same result as ticking every second: several due points
  /// passed in one gap all run, in order, in one tick.
  func runDeadlines(_ ids: [InstanceID], at now: Date, in tx: inout Transaction) {
    var queue: [DueAction] = []
    for id in Set(ids).sorted() {
      guard let instance = try? tx.instance(id) else { continue }
      queue += DueAction.pending(on: instance, at: now)
    }
    queue.sort(by: >)
    var counts: [InstanceID: Int] = [:]
    while let next = queue.popLast() {
      guard var instance = try? tx.instance(next.instance),
        case .success(let definition) = definition(for: instance)
      else { continue }
      // Rules may have moved this ticket since its actions were queued (advancing a parent
      // or children): run only what is still due on it.
      if !ruleIndex.isEmpty, !DueAction.pending(on: instance, at: now).contains(next) { continue }
      counts[next.instance, default: 0] += 1
      guard counts[next.instance, default: 0] <= Self.actionsPerTicketPerTick else { continue }
      let time = max(next.time, instance.updatedAt)
      run(next, on: &instance, definition: definition, at: time, in: &tx)
      tx.save(instance)
      if !ruleIndex.isEmpty {
        // A failing rule a deadline triggered is skipped (RuleMode.tick), so this cannot
        // refuse; only an unreadable ticket could, and then the tick goes on without it.
        let change = RuleChange.deadline(instance, next.deadline, breach: next.kind == .breach, at: time)
        _ = react(to: change, in: &tx, mode: .tick)
        guard let latest = try? tx.instance(next.instance) else { continue }
        instance = latest
      }
      queue.removeAll { $0.instance == next.instance }
      for action in DueAction.pending(on: instance, at: now) {
        let index = queue.firstIndex { $0 < action } ?? queue.endIndex
        queue.insert(action, at: index)
      }
    }
  }

  /// Marks the clock warned or breached, records it, and runs the deadline's actions.
  private func run(
    _ due: DueAction, on instance: inout Instance, definition: WorkflowRuntime, at time: Date,
    in tx: inout Transaction
  ) {
    guard var clock = instance.deadlines[due.deadline],
      let deadline = definition.deadline(named: due.deadline)
    else {
      instance.deadlines[due.deadline]?.state = .breached
      return
    }
    let actions: [ActionDefinition]
    let trigger: DeadlineTrigger
    switch due.kind {
    case .warning:
      clock.warnedAt = due.time
      clock.warnAt = nil
      actions = deadline.warning?.actions ?? []
      trigger = .warning(deadline)
      instance.deadlines[due.deadline] = clock
      instance.record(at: time, actor: .system, event: "warn:\(due.deadline)")
    case .breach:
      clock.state = .breached
      clock.breachedAt = due.time
      clock.warnAt = nil
      actions = deadline.breach
      trigger = .breach(deadline)
      instance.deadlines[due.deadline] = clock
      instance.record(at: time, actor: .system, event: "breach:\(due.deadline)")
    }
    for action in actions {
      perform(action, trigger: trigger, on: &instance, definition: definition, at: time, in: &tx)
    }
  }
}

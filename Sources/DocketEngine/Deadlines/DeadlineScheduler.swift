import DocketModel
import Foundation

/// Starts, pauses, resumes and stops a ticket's deadline clocks as it moves between states.
///
/// - A state's own deadline starts on entering the state and stops on leaving it (a
///   self-transition leaves and re-enters, so it restarts).
/// - A workflow deadline starts when the ticket is created (`start: created`) or enters one of
///   its `start` states, unless it is already running or paused; it stops on entering a
///   `stop` state, pauses in its `pause` states (remembering the time left) and resumes on
///   entering any other state, due after the time that was left.
/// - Entering a final state stops every clock.
/// - Stopping or pausing a running clock whose due time has already passed (no tick ran in
///   between) marks it breached at its due time; its breach actions do not run any more.
/// - A breached clock stays breached: it is never restarted, paused or met.
struct DeadlineScheduler {
  let definition: WorkflowDefinition
  var time = DueTime()

  /// Starts the `created` clocks of a new ticket, then enters its initial state.
  func created(_ instance: inout Instance, at t: Date) {
    for d in definition.deadlines {
      if case .workflow(.created, _, _) = d.scope { start(d, on: &instance, at: t) }
    }
    enter(instance.state, on: &instance, at: t)
  }

  /// Leaves `from` and enters `to` (both, even when they are the same state).
  func move(_ instance: inout Instance, from: StateID, to: StateID, at t: Date) {
    if let d = definition.states[from]?.deadline { stop(d.name, on: &instance, at: t) }
    enter(to, on: &instance, at: t)
  }

  func enter(_ state: StateID, on instance: inout Instance, at t: Date) {
    if definition.states[state]?.isFinal == true {
      for name in instance.deadlines.keys.sorted() { stop(name, on: &instance, at: t) }
      return
    }
    for d in definition.deadlines {
      guard case .workflow(let startAt, let stops, let pauses) = d.scope else { continue }
      if case .states(let starts) = startAt, starts.contains(state), !stops.contains(state) {
        switch instance.deadlines[d.name]?.state {
        case nil, .met: start(d, on: &instance, at: t)
        default: break
        }
      }
      if stops.contains(state) {
        stop(d.name, on: &instance, at: t)
      } else if pauses.contains(state) {
        pause(d.name, on: &instance, at: t)
      } else {
        resume(d, on: &instance, at: t)
      }
    }
    if let d = definition.states[state]?.deadline {
      if instance.deadlines[d.name]?.state != .breached { start(d, on: &instance, at: t) }
    }
  }

  func start(_ d: DeadlineDefinition, on instance: inout Instance, at t: Date) {
    if instance.deadlines[d.name]?.state == .breached { return }
    let due = time.due(from: t, within: d.within.seconds, calendar: d.calendar)
    instance.deadlines[d.name] = DeadlineClock(
      state: .running, startedAt: t, dueAt: due, warnAt: warnTime(d, due: due, start: t))
  }

  func stop(_ name: DeadlineName, on instance: inout Instance, at t: Date) {
    guard var clock = instance.deadlines[name] else { return }
    switch clock.state {
    case .running where clock.dueAt <= t:
      clock.state = .breached
      clock.breachedAt = clock.dueAt
    case .running, .paused:
      clock.state = .met
      clock.metAt = t
    case .met, .breached:
      return
    }
    clock.warnAt = nil
    clock.pausedAt = nil
    clock.remainingSeconds = nil
    instance.deadlines[name] = clock
  }

  func pause(_ name: DeadlineName, on instance: inout Instance, at t: Date) {
    guard var clock = instance.deadlines[name], clock.state == .running else { return }
    if clock.dueAt <= t {
      stop(name, on: &instance, at: t)
      return
    }
    let calendar = definition.deadline(named: name)?.calendar
    clock.state = .paused
    clock.pausedAt = t
    clock.remainingSeconds = time.remaining(from: t, until: clock.dueAt, calendar: calendar)
    clock.warnAt = nil
    instance.deadlines[name] = clock
  }

  func resume(_ d: DeadlineDefinition, on instance: inout Instance, at t: Date) {
    guard var clock = instance.deadlines[d.name], clock.state == .paused else { return }
    let left = clock.remainingSeconds ?? 0
    clock.state = .running
    clock.dueAt = time.due(from: t, within: left, calendar: d.calendar)
    clock.warnAt = clock.warnedAt == nil ? warnTime(d, due: clock.dueAt, start: t) : nil
    clock.pausedAt = nil
    clock.remainingSeconds = nil
    instance.deadlines[d.name] = clock
  }

  /// `before` ahead of due, but never before the clock (re)started.
  private func warnTime(_ d: DeadlineDefinition, due: Date, start: Date) -> Date? {
    guard let w = d.warning else { return nil }
    return max(start, due.addingTimeInterval(-TimeInterval(w.before.seconds)))
  }
}

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
  let definition: WorkflowRuntime

  /// Starts the `created` clocks of a new ticket, then enters its initial state.
  func created(_ instance: inout Instance, at t: Date) {
    for plan in definition.workflowClocks where plan.startsOnCreate {
      start(plan, on: &instance, at: t)
    }
    if let state = definition.stateTable[instance.state] { enter(state, on: &instance, at: t) }
  }

  /// Leaves `from` and enters `to` (both, even when they are the same state).
  func move(_ instance: inout Instance, from: StateRuntime, to: StateRuntime, at t: Date) {
    if let plan = from.clock { stop(plan.name, on: &instance, at: t) }
    enter(to, on: &instance, at: t)
  }

  func enter(_ runtime: StateRuntime, on instance: inout Instance, at t: Date) {
    let state = runtime.id
    if runtime.isFinal {
      for name in instance.deadlines.keys.sorted() { stop(name, on: &instance, at: t) }
      return
    }
    for plan in definition.workflowClocks {
      let stops = plan.stops.contains(state)
      if !stops, plan.starts.contains(state) {
        switch instance.deadlines[plan.name]?.state {
        case nil, .met: start(plan, on: &instance, at: t)
        default: break
        }
      }
      if stops {
        stop(plan.name, on: &instance, at: t)
      } else if plan.pauses.contains(state) {
        pause(plan, on: &instance, at: t)
      } else if !plan.pauses.isEmpty {
        resume(plan, on: &instance, at: t)
      }
    }
    if let plan = runtime.clock {
      if instance.deadlines[plan.name]?.state != .breached { start(plan, on: &instance, at: t) }
    }
  }

  func start(_ plan: ClockPlan, on instance: inout Instance, at t: Date) {
    if instance.deadlines[plan.name]?.state == .breached { return }
    let due = plan.time.due(from: t, within: plan.within) ?? .distantFuture
    instance.deadlines[plan.name] = DeadlineClock(
      state: .running, startedAt: t, dueAt: due, warnAt: warnTime(plan, due: due, start: t))
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

  func pause(_ plan: ClockPlan, on instance: inout Instance, at t: Date) {
    guard var clock = instance.deadlines[plan.name], clock.state == .running else { return }
    if clock.dueAt <= t {
      stop(plan.name, on: &instance, at: t)
      return
    }
    clock.state = .paused
    clock.pausedAt = t
    clock.remainingSeconds = plan.time.remaining(from: t, until: clock.dueAt)
    clock.warnAt = nil
    instance.deadlines[plan.name] = clock
  }

  func resume(_ plan: ClockPlan, on instance: inout Instance, at t: Date) {
    guard var clock = instance.deadlines[plan.name], clock.state == .paused else { return }
    let left = clock.remainingSeconds ?? 0
    clock.state = .running
    clock.dueAt = plan.time.due(from: t, remaining: left) ?? .distantFuture
    clock.warnAt = clock.warnedAt == nil ? warnTime(plan, due: clock.dueAt, start: t) : nil
    clock.pausedAt = nil
    clock.remainingSeconds = nil
    instance.deadlines[plan.name] = clock
  }

  /// `before` ahead of due, but never before the clock (re)started.
  private func warnTime(_ plan: ClockPlan, due: Date, start: Date) -> Date? {
    guard let before = plan.warnBefore else { return nil }
    return plan.time.warning(before: before, due: due, start: start)
  }
}

/// What the scheduler needs of a deadline, without its actions. `time` counts wall-clock
/// time, or the working time of the deadline's `calendar:` (a clock that can never fall due
/// under its calendar gets a due time in the far future).
///
/// A class, shared by reference: a step walks every workflow clock, and iterating over
/// structs copied each one (its name and three state lists) every time.
final class ClockPlan: Sendable {
  let name: DeadlineName
  let within: DocketDuration
  let time: DeadlineTimeBase
  let warnBefore: DocketDuration?
  let startsOnCreate: Bool
  let starts: [StateID]
  let stops: [StateID]
  let pauses: [StateID]

  init(_ d: DeadlineDefinition, calendars: [CalendarID: BusinessCalendar]) {
    name = d.name
    within = d.within
    time = DeadlineTimeBase(calendar: d.calendar.flatMap { calendars[$0] })
    warnBefore = d.warning?.before
    var startsOnCreate = false
    var starts: [StateID] = []
    var stops: [StateID] = []
    var pauses: [StateID] = []
    if case .workflow(let start, let stop, let pause) = d.scope {
      switch start {
      case .created: startsOnCreate = true
      case .states(let s): starts = s
      }
      stops = stop
      pauses = pause
    }
    self.startsOnCreate = startsOnCreate
    self.starts = starts
    self.stops = stops
    self.pauses = pauses
  }
}

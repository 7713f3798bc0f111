import Foundation

/// The running state of one deadline on one ticket. Due times are stored, never live
/// timers, so nothing is lost between `docket` runs.
public struct DeadlineClock: Sendable, Hashable {
  public enum State: String, Sendable, Hashable, Codable {
    case running, paused, met, breached
  }

  public var state: State
  public var startedAt: Date
  /// When it falls due; while paused, the due time it had when it paused.
  public var dueAt: Date
  public var breachedAt: Date?
  /// When the warning ran, if it has.
  public var warnedAt: Date?
  /// When the warning falls due, if the deadline has one and it has not yet run.
  public var warnAt: Date?
  /// When the clock was stopped (met), if it was.
  public var metAt: Date?
  /// While paused: when the pause began, and the time that was left then (seconds, in the
  /// clock's own time: working time under a calendar).
  public var pausedAt: Date?
  public var remainingSeconds: Int64?

  public init(
    state: State = .running, startedAt: Date, dueAt: Date, breachedAt: Date? = nil,
    warnedAt: Date? = nil, warnAt: Date? = nil, metAt: Date? = nil, pausedAt: Date? = nil,
    remainingSeconds: Int64? = nil
  ) {
    self.state = state
    self.startedAt = startedAt
    self.dueAt = dueAt
    self.breachedAt = breachedAt
    self.warnedAt = warnedAt
    self.warnAt = warnAt
    self.metAt = metAt
    self.pausedAt = pausedAt
    self.remainingSeconds = remainingSeconds
  }

  /// The next instant `tick` must act on this clock, if any (only running clocks act).
  public var nextActionAt: Date? {
    guard state == .running else { return nil }
    if warnedAt == nil, let warnAt, warnAt < dueAt { return warnAt }
    return dueAt
  }
}

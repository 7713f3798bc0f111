import DocketModel
import Foundation

/// How times read in staff-facing output: short local times and relative phrases.
public enum TimeText {
  /// `2026-03-02 09:00` in the home's time zone (the zone the instance files use).
  public static func local(_ date: Date, in zone: TimeZone) -> String {
    let full = RFC3339.format(date, in: zone)  // 2026-03-02T09:00:00+08:00
    let scalars = Array(full)
    guard scalars.count >= 16 else { return full }
    return String(scalars[0..<10]) + " " + String(scalars[11..<16])
  }

  /// `3h 20m`: the span between two instants, at most two units, never negative.
  public static func span(from start: Date, to end: Date) -> String {
    DocketDuration(seconds: Int64(abs(end.timeIntervalSince(start)).rounded(.down))).humanized
  }
}

/// Where a deadline stands at one instant, as `show`, `list` and the queue describe it.
public enum DeadlineStatus: Sendable, Hashable {
  /// Running and not yet due.
  case due(in: String)
  /// Running and past due, but `tick` has not run its breach yet.
  case overdue(by: String)
  case paused(left: String)
  case met
  case breached

  public init(_ clock: DeadlineClock, now: Date) {
    switch clock.state {
    case .met: self = .met
    case .breached: self = .breached
    case .paused:
      let left = clock.remainingSeconds.map { DocketDuration(seconds: $0).humanized }
      self = .paused(left: left ?? TimeText.span(from: clock.pausedAt ?? now, to: clock.dueAt))
    case .running:
      self =
        clock.dueAt > now
        ? .due(in: TimeText.span(from: now, to: clock.dueAt))
        : .overdue(by: TimeText.span(from: clock.dueAt, to: now))
    }
  }

  /// `due in 3h 20m`, `overdue by 2h`, `paused (5h left)`, `met`, `breached`.
  public var text: String {
    switch self {
    case .due(let left): "due in \(left)"
    case .overdue(let late): "overdue by \(late)"
    case .paused(let left): "paused (\(left) left)"
    case .met: "met"
    case .breached: "breached"
    }
  }

  /// The snake_case word used in `--json` output.
  public var code: String {
    switch self {
    case .due: "running"
    case .overdue: "overdue"
    case .paused: "paused"
    case .met: "met"
    case .breached: "breached"
    }
  }

  /// Whether staff should worry: overdue or breached.
  public var isLate: Bool {
    switch self {
    case .overdue, .breached: true
    default: false
    }
  }

  public func paint(_ palette: Palette) -> Palette.Paint {
    switch self {
    case .due: palette.warning
    case .overdue, .breached: palette.bad
    case .paused: palette.dim
    case .met: palette.good
    }
  }
}

import Foundation

/// The time a deadline counts in: wall-clock time, or the working time of a business calendar.
///
/// The engine's only entry to calendar arithmetic: start a clock (``due(from:within:)``), pause
/// it (``remaining(from:until:)``), resume it (``due(from:remaining:)``) and place its warning
/// (``warning(before:due:start:)``), all counted the same way. Pure; no clock is read.
public struct DeadlineTimeBase: Sendable {
  /// nil counts wall-clock time.
  public let calendar: BusinessCalendar?

  public init(calendar: BusinessCalendar?) { self.calendar = calendar }

  /// When a clock of length `within` started at `start` falls due.
  ///
  /// Under a calendar, `Nwd` is due at the close of the Nth working day after the start day and
  /// any other duration counts working time; without one, `within.seconds` of wall-clock time.
  ///
  /// - Returns: nil only under a calendar with too little working time ahead.
  public func due(from start: Date, within: DocketDuration) -> Date? {
    guard let calendar else { return start.addingTimeInterval(TimeInterval(within.seconds)) }
    if within.workingDays > 0 {
      return calendar.dueAfterWorkingDays(Int(within.workingDays), from: start)
    }
    return calendar.add(within.seconds, to: start)
  }

  /// When a resumed clock with `seconds` of its own time left falls due.
  public func due(from start: Date, remaining seconds: Int64) -> Date? {
    guard let calendar else { return start.addingTimeInterval(TimeInterval(seconds)) }
    return calendar.add(seconds, to: start)
  }

  /// The clock's own time left from `now` until `due` (0 when already due): what a pausing
  /// clock keeps, and what "due in 3h 20m" shows.
  public func remaining(from now: Date, until due: Date) -> Int64 {
    guard let calendar else { return max(0, Int64(due.timeIntervalSince(now).rounded(.up))) }
    return max(0, calendar.workingTime(from: now, to: due))
  }

  /// When a warning `before` ahead of `due` runs, never earlier than `start` (the clock's start).
  ///
  /// Under a calendar, the earliest moment at which only `before` of working time is left
  /// (``BusinessCalendar/subtract(_:from:)``); `Nwd` means the close of the Nth working day
  /// before the due day.
  public func warning(before: DocketDuration, due: Date, start: Date) -> Date {
    guard let calendar else {
      return max(start, due.addingTimeInterval(-TimeInterval(before.seconds)))
    }
    let at =
      before.workingDays > 0
      ? calendar.closeOfWorkingDay(Int(before.workingDays), before: due)
      : calendar.subtract(before.seconds, from: due)
    return max(start, at ?? start)
  }
}

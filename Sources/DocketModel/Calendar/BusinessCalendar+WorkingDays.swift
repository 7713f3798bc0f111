import Foundation

/// "Within N working days" (`within: 3wd`).
///
/// A customer-service promise of "3 working days" means "by close of business on the third
/// working day after we received it", the way China's Civil Code counts periods in days
/// (art. 201: the starting day is not counted; art. 203: where there are business hours, the
/// period ends when business stops that day). So the day the clock starts never counts,
/// whatever the hour, and the deadline falls at the close of the last working interval of the
/// Nth working day after it. Make-up days and half days are working days; holidays are not.
extension BusinessCalendar {
  /// The close of business on the `n`th working day after the local date of `start`.
  ///
  /// Received Monday 10:00 (or Monday 07:00, or Saturday): `1` working day is due at the close
  /// of the next working day, so Tuesday 18:00 (or Tuesday 18:00, or Monday 18:00). Zero gives
  /// `start`.
  ///
  /// - Returns: nil for negative `n`, or when fewer than `n` working days follow within
  ///   ``horizonDays``.
  public func dueAfterWorkingDays(_ n: Int, from start: Date) -> Date? {
    guard n > 0 else { return n == 0 ? start : nil }
    var day = localDate(of: start.timeIntervalSince1970)
    var counted = 0
    for _ in 0..<Self.horizonDays {
      day = day.adding(days: 1)
      guard hasWorkingTime(onOrAfter: day) else { return nil }
      guard let close = periods(on: day).last?.end else { continue }
      counted += 1
      if counted == n { return Date(timeIntervalSince1970: close) }
    }
    return nil
  }
}

extension BusinessCalendar {
  /// The close of business on the `n`th working day before the local date of `instant` (a
  /// warning `before: 1wd` of a deadline due Thursday runs at Wednesday's close).
  ///
  /// - Returns: nil for `n < 1`, or when fewer than `n` working days precede it within
  ///   ``horizonDays``.
  public func closeOfWorkingDay(_ n: Int, before instant: Date) -> Date? {
    guard n > 0 else { return nil }
    var day = localDate(of: instant.timeIntervalSince1970)
    var counted = 0
    for _ in 0..<Self.horizonDays {
      day = day.adding(days: -1)
      guard hasWorkingTime(onOrBefore: day) else { return nil }
      guard let close = periods(on: day).last?.end else { continue }
      counted += 1
      if counted == n { return Date(timeIntervalSince1970: close) }
    }
    return nil
  }
}

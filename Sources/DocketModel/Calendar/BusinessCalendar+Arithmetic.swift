import Foundation

/// Working-time arithmetic: due times, warning times, and working time between two instants.
///
/// All functions walk the calendar one local day at a time, so holidays, make-up days, half
/// days and daylight-saving changes need no special cases. Each walk is bounded by
/// ``BusinessCalendar/horizonDays`` and stops early when no working time can follow, so a
/// calendar with no working time gives nil rather than hanging.
extension BusinessCalendar {
  /// The instant at which `workingSeconds` of working time have passed since `start`: the due
  /// time of a deadline that allows that much working time.
  ///
  /// Counting begins at the first working moment at or after `start`. The result is the
  /// *earliest* such instant, so a duration that ends exactly at the close of a working
  /// interval gives that close (18:00), not the next opening (09:00 the next working day).
  /// Zero gives `start`; a negative duration counts backwards as ``subtract(_:from:)``.
  ///
  /// - Returns: nil when the calendar has too little working time within
  ///   ``horizonDays`` (for instance, none at all).
  public func add(_ workingSeconds: Int64, to start: Date) -> Date? {
    guard workingSeconds != .min else { return nil }  // cannot be negated
    guard workingSeconds > 0 else {
      return workingSeconds == 0 ? start : subtract(-workingSeconds, from: start)
    }
    var remaining = Double(workingSeconds)
    var cursor = start.timeIntervalSince1970
    var day = localDate(of: cursor)
    for _ in 0...Self.horizonDays {
      guard hasWorkingTime(onOrAfter: day) else { return nil }
      for period in periods(on: day) {
        let from = max(period.start, cursor)
        guard period.end > from else { continue }
        if period.end - from >= remaining { return Date(timeIntervalSince1970: from + remaining) }
        remaining -= period.end - from
        cursor = period.end
      }
      day = day.adding(days: 1)
    }
    return nil
  }

  /// The instant at which `workingSeconds` of working time remain until `end`: when to warn
  /// "N before due".
  ///
  /// Of all instants with exactly that much working time left, this is the *earliest*: a
  /// warning "1h before" a deadline due at 10:00 on Tuesday (office opens at 09:00) runs at
  /// Monday's close, the moment from which only one working hour is left. Zero gives `end`; a
  /// negative duration counts forwards as ``add(_:to:)``.
  ///
  /// - Returns: nil when there is too little working time before `end` within ``horizonDays``.
  public func subtract(_ workingSeconds: Int64, from end: Date) -> Date? {
    guard workingSeconds != .min else { return nil }  // cannot be negated
    guard workingSeconds > 0 else {
      return workingSeconds == 0 ? end : add(-workingSeconds, to: end)
    }
    var remaining = Double(workingSeconds)
    var cursor = end.timeIntervalSince1970
    var day = localDate(of: cursor)
    // Set when the count ran out exactly at the opening of a period: the answer is then the
    // close of the working period before it, found on the next step back.
    var exhaustedAt: Double?
    for _ in 0...Self.horizonDays {
      guard hasWorkingTime(onOrBefore: day) else { break }
      for period in periods(on: day).reversed() {
        let to = min(period.end, cursor)
        guard to > period.start else { continue }
        if exhaustedAt != nil { return Date(timeIntervalSince1970: to) }
        if to - period.start > remaining { return Date(timeIntervalSince1970: to - remaining) }
        remaining -= to - period.start
        cursor = period.start
        if remaining == 0 { exhaustedAt = period.start }
      }
      day = day.adding(days: -1)
    }
    return exhaustedAt.map { Date(timeIntervalSince1970: $0) }
  }

  /// Working seconds between two instants, rounded to the nearest second; negative when `end`
  /// is before `start` (so an overdue ticket shows how much working time it is late).
  ///
  /// Used when a clock pauses (the working time left until due) and for "due in 3h 20m"
  /// displays. Counts at most ``horizonDays`` days from the earlier instant.
  public func workingTime(from start: Date, to end: Date) -> Int64 {
    let a = start.timeIntervalSince1970
    let b = end.timeIntervalSince1970
    guard b >= a else { return -workingTime(from: end, to: start) }
    var total = 0.0
    var cursor = a
    var day = localDate(of: a)
    let lastDay = localDate(of: b)
    var steps = 0
    while day <= lastDay, steps <= Self.horizonDays, hasWorkingTime(onOrAfter: day) {
      steps += 1
      for period in periods(on: day) {
        let from = max(period.start, cursor)
        let to = min(period.end, b)
        if to > from {
          total += to - from
          cursor = to
        }
      }
      day = day.adding(days: 1)
    }
    return Int64(total.rounded())
  }

  /// The first instant at or after `instant` that is working time (the instant itself when the
  /// office is open then), or nil if none follows within ``horizonDays``.
  public func nextWorkingMoment(atOrAfter instant: Date) -> Date? {
    let t = instant.timeIntervalSince1970
    var day = localDate(of: t)
    for _ in 0...Self.horizonDays {
      guard hasWorkingTime(onOrAfter: day) else { return nil }
      if let p = periods(on: day).first(where: { $0.end > t }) {
        return Date(timeIntervalSince1970: max(p.start, t))
      }
      day = day.adding(days: 1)
    }
    return nil
  }

  /// Whether the office is open at `instant` (an interval includes its opening, not its close).
  public func isWorking(at instant: Date) -> Bool {
    let t = instant.timeIntervalSince1970
    return periods(on: localDate(of: t)).contains { $0.start <= t && t < $0.end }
  }
}

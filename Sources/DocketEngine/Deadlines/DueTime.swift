import DocketModel
import Foundation

/// Deadline arithmetic: when a clock started at some instant with some length falls due, and
/// how much of it is left at an instant.
///
/// Wall-clock time for now. A deadline's `calendar:` is carried on its definition; once
/// `BusinessCalendar` (Sources/DocketModel/Calendar) is available these two functions are the
/// only place that must count working time instead.
struct DueTime {
  /// `start + within`, in the deadline's time.
  func due(from start: Date, within seconds: Int64, calendar: CalendarID?) -> Date {
    start.addingTimeInterval(TimeInterval(seconds))
  }

  /// The time left from `now` until `due`, in the deadline's time (0 when already due).
  func remaining(from now: Date, until due: Date, calendar: CalendarID?) -> Int64 {
    max(0, Int64(due.timeIntervalSince(now).rounded(.up)))
  }
}

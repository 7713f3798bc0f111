import DocketDiagnostics
import DocketModel

/// The message catalogue of calendar files.
extension Diagnostic {
  static func calendarIDMismatch(_ id: String, stem: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "calendar_id_mismatch", "calendar id '\(id)' differs from its file name '\(stem).yaml'",
      at: span, help: "write `calendar: \(stem)` or rename the file to '\(id).yaml'")
  }

  static func invalidDate(_ text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_date", "'\(text)' is not a date", at: span,
      help: "write an existing date as YYYY-MM-DD, e.g. 2026-02-14")
  }

  static func invalidDateRange(from: LocalDate, to: LocalDate, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_date_range",
      to < from
        ? "holiday range ends (\(to)) before it starts (\(from))"
        : "holiday range \(from) to \(to) is longer than a year", at: span)
  }

  static func invalidInterval(_ text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_interval", "'\(text)' is not a working interval", at: span,
      help: "write HH:MM-HH:MM on a 24-hour clock, start before end, e.g. 09:00-12:00 or 18:00-24:00")
  }

  static func overlappingIntervals(
    _ first: WorkingInterval, _ second: WorkingInterval, at span: SourceSpan, first firstSpan: SourceSpan
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "overlapping_intervals", "working interval \(second) overlaps \(first)", at: span,
      notes: [.init("\(first) is here", at: firstSpan)])
  }

  static func unknownWeekday(_ text: String, closest: String, known: [String], at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "unknown_weekday", "'\(text)' is not a weekday or a range of weekdays", at: span,
      suggestion: Suggestion.closest(to: closest, in: known).map { text.replacingOccurrences(of: closest, with: $0) },
      help: "weekdays are \(known.joined(separator: ", ")); a range is written mon-fri")
  }

  static func duplicateWeekday(_ day: Weekday, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate_weekday", "'\(day.rawValue)' is given working hours twice", at: span,
      notes: [.init("first given here", at: first)])
  }

  static func conflictingDay(
    _ date: LocalDate, is kind: String, alsoAs other: String, at span: SourceSpan, first: SourceSpan
  ) -> Diagnostic {
    Diagnostic(
      .error, id: "conflicting_days", "\(date) is already \(kind); it cannot also be \(other)",
      at: span, notes: [.init("declared \(kind) here", at: first)])
  }

  static func workdayWithoutHours(_ date: LocalDate, like: Weekday, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "workday_without_hours",
      "make-up day \(date) works '\(like.rawValue)' hours, but '\(like.rawValue)' has none", at: span,
      help: "give it `hours:` or `like:` a weekday with working hours")
  }
}

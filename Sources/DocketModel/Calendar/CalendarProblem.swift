/// Why a set of working hours or a calendar cannot be built.
///
/// The calendar decoder reports each one at the position of the YAML node that caused it;
/// ``message`` is the wording it uses.
public enum CalendarProblem: Error, Sendable, Hashable {
  /// Two intervals of the same day overlap.
  case overlappingIntervals(WorkingInterval, WorkingInterval)
  /// A date is declared both a holiday and a make-up working day.
  case holidayAndWorkday(LocalDate)
  /// A date is declared both a holiday and a half day.
  case holidayAndHalfDay(LocalDate)
  /// A date is declared both a make-up working day and a half day.
  case workdayAndHalfDay(LocalDate)

  /// Snake-case id, for tests and `--json`.
  public var code: String {
    switch self {
    case .overlappingIntervals: "overlapping_intervals"
    case .holidayAndWorkday, .holidayAndHalfDay, .workdayAndHalfDay: "conflicting_days"
    }
  }

  /// A sentence in user terms.
  public var message: String {
    switch self {
    case .overlappingIntervals(let a, let b):
      "working intervals \(a) and \(b) overlap"
    case .holidayAndWorkday(let d):
      "\(d) is both a holiday and a make-up working day"
    case .holidayAndHalfDay(let d):
      "\(d) is both a holiday and a half day"
    case .workdayAndHalfDay(let d):
      "\(d) is both a make-up working day and a half day; give the make-up day its `hours:` instead"
    }
  }
}

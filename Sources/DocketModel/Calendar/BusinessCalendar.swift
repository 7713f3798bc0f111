import Foundation

/// When an organisation works: weekly hours in a time zone, minus holidays, plus make-up
/// working days (China's 调休 weekends) and half days.
///
/// Immutable and pure: the arithmetic (``add(_:to:)``, ``subtract(_:from:)``,
/// ``workingTime(from:to:)``, ``dueAfterWorkingDays(_:from:)``) performs no I/O and reads no
/// clock. Working time is real elapsed time while the office is open, so an interval that
/// spans a daylight-saving change is an hour shorter or longer that day.
public struct BusinessCalendar: Sendable {
  /// The calendar's id (its file stem in `calendars/`).
  public let id: CalendarID
  public let title: String?
  /// Working hours and dates are read in this zone.
  public let zone: Zone
  /// Hours per weekday; a weekday missing here is a day off.
  public let week: [Weekday: WorkingHours]
  /// Whole days off.
  public let holidays: Set<LocalDate>
  /// Make-up working days, each with its own hours (usually on a weekend).
  public let workdays: [LocalDate: WorkingHours]
  /// Normal working days with shortened hours (e.g. 09:00-12:00 on New Year's Eve).
  public let halfDays: [LocalDate: WorkingHours]

  /// How far ahead (in days) the arithmetic looks for working time before it gives up and
  /// returns nil: 100 years, far beyond any sensible deadline (a longer one is an error).
  public static let horizonDays = 36_525

  /// ``zone`` as a Foundation zone.
  public var timeZone: TimeZone { zone.timeZone }

  /// Builds a calendar in a Foundation zone (see the ``Zone`` one).
  public init(
    id: CalendarID, title: String? = nil, timeZone: TimeZone, week: [Weekday: WorkingHours],
    holidays: Set<LocalDate> = [], workdays: [LocalDate: WorkingHours] = [:],
    halfDays: [LocalDate: WorkingHours] = [:]
  ) throws(CalendarProblem) {
    try self.init(
      id: id, title: title, zone: Zone(timeZone), week: week, holidays: holidays,
      workdays: workdays, halfDays: halfDays)
  }

  /// Builds a calendar; throws when one date is declared twice with different meanings.
  public init(
    id: CalendarID, title: String? = nil, zone: Zone, week: [Weekday: WorkingHours],
    holidays: Set<LocalDate> = [], workdays: [LocalDate: WorkingHours] = [:],
    halfDays: [LocalDate: WorkingHours] = [:]
  ) throws(CalendarProblem) {
    if let d = holidays.filter({ workdays[$0] != nil }).min() { throw .holidayAndWorkday(d) }
    if let d = holidays.filter({ halfDays[$0] != nil }).min() { throw .holidayAndHalfDay(d) }
    if let d = halfDays.keys.filter({ workdays[$0] != nil }).min() { throw .workdayAndHalfDay(d) }
    self.id = id
    self.title = title
    self.zone = zone
    self.week = week.filter { !$0.value.isDayOff }
    self.holidays = holidays
    self.workdays = workdays
    self.halfDays = halfDays
    let special = Array(workdays.keys) + Array(halfDays.keys)
    firstSpecialWorkingDay = special.min()
    lastSpecialWorkingDay = special.max()
  }

  /// The earliest and latest make-up or half day; outside them only the weekly hours can give
  /// working time.
  private let firstSpecialWorkingDay: LocalDate?
  private let lastSpecialWorkingDay: LocalDate?

  /// The working hours of a date: its half-day or make-up hours, none on a holiday, else the
  /// weekday's hours.
  public func hours(on date: LocalDate) -> WorkingHours {
    if let h = halfDays[date] ?? workdays[date] { return h }
    if holidays.contains(date) { return .dayOff }
    return week[date.weekday] ?? .dayOff
  }

  /// Whether a date has any working time (make-up and half days count; holidays do not).
  public func isWorkingDay(_ date: LocalDate) -> Bool { !hours(on: date).isDayOff }

  /// Whether any working time exists on or after `date`, so a search cannot run forever.
  func hasWorkingTime(onOrAfter date: LocalDate) -> Bool {
    if !week.isEmpty { return true }
    guard let last = lastSpecialWorkingDay, last >= date else { return false }
    return true
  }

  /// Whether any working time exists on or before `date`.
  func hasWorkingTime(onOrBefore date: LocalDate) -> Bool {
    if !week.isEmpty { return true }
    guard let first = firstSpecialWorkingDay, first <= date else { return false }
    return true
  }
}

/// A civil date (year, month, day) with no time zone: the unit holidays and make-up days are
/// declared in.
///
/// Proleptic Gregorian; arithmetic uses Howard Hinnant's days-from-civil algorithms, so it is
/// exact for any year and needs no `Foundation.Calendar`.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  /// 1...12
  public let month: Int
  /// 1...31, valid for the month.
  public let day: Int

  /// A date, or nil when the month or day does not exist (2026-02-29, 2026-13-01).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
      (1...9999).contains(year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; nil for anything else or a date that does not exist.
  public init?(parsing text: String) {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-",
      let y = Self.number(scalars[0..<4]), let m = Self.number(scalars[5..<7]),
      let d = Self.number(scalars[8..<10])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The date `daysSinceEpoch` days after 1970-01-01 (negative before it).
  public init(daysSinceEpoch z: Int) {
    let z = z + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// Days since 1970-01-01.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day of the week of this date.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    let offset = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 0 = Monday
    return Weekday.mondayFirst[offset]
  }

  /// The date `n` days later (earlier when negative).
  public func adding(days n: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + n) }

  public static func < (a: LocalDate, b: LocalDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
    var n = 0
    for s in digits {
      guard ("0"..."9").contains(s) else { return nil }
      n = n * 10 + Int(s.value - 48)
    }
    return n
  }
}

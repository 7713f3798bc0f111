/// A point in time with nanosecond precision, in years 0001 to 9999 UTC (CEL's range).
public struct CELTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let seconds: Int64
  /// 0..<1_000_000_000.
  public let nanos: Int32

  /// 0001-01-01T00:00:00Z.
  public static let minSeconds: Int64 = -62_135_596_800
  /// 9999-12-31T23:59:59Z.
  public static let maxSeconds: Int64 = 253_402_300_799

  /// A timestamp normalised from any seconds/nanoseconds pair; nil outside years 1...9999.
  public init?(seconds: Int64, nanos: Int64 = 0) {
    var s = seconds
    var n = nanos
    let (q, r) = n.quotientAndRemainder(dividingBy: 1_000_000_000)
    let (sum, o) = s.addingReportingOverflow(q)
    if o { return nil }
    s = sum
    n = r
    if n < 0 {
      s -= 1
      n += 1_000_000_000
    }
    guard s >= CELTimestamp.minSeconds, s <= CELTimestamp.maxSeconds else { return nil }
    self.seconds = s
    self.nanos = Int32(n)
  }

  public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool {
    (a.seconds, a.nanos) < (b.seconds, b.nanos)
  }

  public func adding(_ d: CELDuration) -> CELTimestamp? {
    let (s, o) = seconds.addingReportingOverflow(d.seconds)
    if o { return nil }
    return CELTimestamp(seconds: s, nanos: Int64(nanos) + Int64(d.nanos))
  }

  public func subtracting(_ d: CELDuration) -> CELTimestamp? {
    guard let neg = d.negated else { return nil }
    return adding(neg)
  }

  /// The duration from `other` to `self`; nil when it exceeds the duration range.
  public func difference(from other: CELTimestamp) -> CELDuration? {
    CELDuration(seconds: seconds - other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
  }

  /// RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits: `2009-02-13T23:31:30.120Z`.
  public var description: String {
    let c = CivilTime(utcSeconds: seconds)
    return
      "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
      + fractionDigits(UInt64(nanos)) + "Z"
  }

  /// Parses RFC 3339 (`2009-02-13T23:31:30Z`, `1970-01-01T02:00:00.5+02:00`, lower-case `t`
  /// and `z` accepted); nil when malformed or outside years 1...9999.
  public init?(parsing text: String) {
    let s = Array(text.utf8)
    var i = 0
    func number(_ digits: Int) -> Int? {
      guard i + digits <= s.count else { return nil }
      var v = 0
      for k in 0..<digits {
        let c = s[i + k]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      i += digits
      return v
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < s.count, s[i] == c else { return false }
      i += 1
      return true
    }
    guard let year = number(4), expect(45), let month = number(2), expect(45),
      let day = number(2)
    else { return nil }
    guard i < s.count, s[i] == 84 || s[i] == 116 else { return nil }
    i += 1
    guard let hour = number(2), expect(58), let minute = number(2), expect(58),
      let second = number(2)
    else { return nil }
    var nanos = 0
    if i < s.count, s[i] == 46 {
      i += 1
      var digits = 0
      while i < s.count, s[i] >= 48, s[i] <= 57 {
        if digits < 9 { nanos = nanos * 10 + Int(s[i] - 48) }
        digits += 1
        i += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(9, digits) { nanos *= 10 }
    }
    var offset = 0
    guard i < s.count else { return nil }
    if s[i] == 90 || s[i] == 122 {
      i += 1
    } else if s[i] == 43 || s[i] == 45 {
      let sign = s[i] == 45 ? -1 : 1
      i += 1
      guard let oh = number(2), expect(58), let om = number(2), oh < 24, om < 60 else {
        return nil
      }
      offset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard i == s.count, (1...12).contains(month), day >= 1,
      day <= CivilTime.daysInMonth(year: year, month: month), hour < 24, minute < 60,
      second < 60
    else { return nil }
    let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
    let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
    self.init(seconds: secs, nanos: Int64(nanos))
  }
}

private func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), exact for any year.
struct CivilTime {
  var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
  /// 0 = Sunday.
  var weekday: Int
  /// 0-based day of the year.
  var dayOfYear: Int

  init(utcSeconds: Int64) {
    let days = Int(utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400)
    let secOfDay = Int(utcSeconds - Int64(days) * 86_400)
    let (y, m, d) = CivilTime.civilFromDays(days)
    year = y
    month = m
    day = d
    hour = secOfDay / 3600
    minute = secOfDay % 3600 / 60
    second = secOfDay % 60
    weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    dayOfYear = days - CivilTime.daysFromCivil(year: y, month: 1, day: 1)
  }

  static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

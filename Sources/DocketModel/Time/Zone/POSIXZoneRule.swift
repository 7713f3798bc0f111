/// The POSIX TZ rule a TZif footer holds (`CST-8`, `EST5EDT,M3.2.0,M11.1.0`,
/// `<+1030>-10:30<+11>-11,M10.1.0,M4.1.0`): a standard offset, and optionally a daylight
/// offset with the yearly rule that switches between them. Offsets here are east of UTC
/// (POSIX writes them west, so `CST-8` is +8 hours).
struct POSIXZoneRule: Sendable, Hashable {
  var standard: Int
  var daylight: Daylight?

  struct Daylight: Sendable, Hashable {
    var offset: Int
    /// When daylight time starts (in local standard time) and ends (in local daylight time).
    var start: Switch
    var end: Switch
  }

  /// A yearly moment: a day of the year, then a time of that day (may be negative or past
  /// 24 hours, RFC 8536 §3.3.1).
  struct Switch: Sendable, Hashable {
    enum Day: Sendable, Hashable {
      /// `Jn`: 1...365, February 29 never counted.
      case julian(Int)
      /// `n`: 0...365, February 29 counted in leap years.
      case zeroBased(Int)
      /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
      case month(Int, week: Int, weekday: Int)
    }
    var day: Day
    var time: Int = 7200
  }

  /// The offset in seconds east of UTC at `instant`.
  func offset(at instant: Int64) -> Int {
    guard let daylight else { return standard }
    let year = Self.year(atLocal: instant + Int64(standard))
    let start = daylight.start.instant(in: year) - Int64(standard)
    let end = daylight.end.instant(in: year) - Int64(daylight.offset)
    let inDaylight = start < end ? (start <= instant && instant < end) : !(end <= instant && instant < start)
    return inDaylight ? daylight.offset : standard
  }

  /// Parses a footer; nil when it is not a rule this reader understands.
  init?(_ text: String) {
    var p = Parser(Array(text.utf8))
    guard p.name(), let std = p.offset() else { return nil }
    standard = -std
    daylight = nil
    if p.atEnd { return }
    guard p.name() else { return nil }
    var dst = standard + 3600
    if !p.peek(",") {
      guard let o = p.offset() else { return nil }
      dst = -o
    }
    guard p.eat(","), let start = p.switchTime(), p.eat(","), let end = p.switchTime(), p.atEnd
    else { return nil }
    daylight = Daylight(offset: dst, start: start, end: end)
  }

  private struct Parser {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { i == bytes.count }

    func peek(_ c: Character) -> Bool { i < bytes.count && bytes[i] == c.asciiValue }

    mutating func eat(_ c: Character) -> Bool {
      guard peek(c) else { return false }
      i += 1
      return true
    }

    /// A zone abbreviation: three or more letters, or anything between `<` and `>`.
    mutating func name() -> Bool {
      if eat("<") {
        guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return false }
        i = close + 1
        return true
      }
      let start = i
      while i < bytes.count, (bytes[i] | 0x20) >= UInt8(ascii: "a"), (bytes[i] | 0x20) <= UInt8(ascii: "z") {
        i += 1
      }
      return i - start >= 3
    }

    mutating func number(max: Int) -> Int? {
      let start = i
      var n = 0
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), i - start < 4 {
        n = n * 10 + Int(bytes[i] - UInt8(ascii: "0"))
        i += 1
      }
      return i > start && n <= max ? n : nil
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, as written (POSIX offsets are west of UTC).
    mutating func offset(maxHours: Int = 24) -> Int? {
      var sign = 1
      if eat("-") { sign = -1 } else { _ = eat("+") }
      guard let h = number(max: maxHours) else { return nil }
      var seconds = h * 3600
      if eat(":") {
        guard let m = number(max: 59) else { return nil }
        seconds += m * 60
        if eat(":") {
          guard let s = number(max: 59) else { return nil }
          seconds += s
        }
      }
      return sign * seconds
    }

    mutating func switchTime() -> Switch? {
      var day: Switch.Day
      if eat("J") {
        guard let n = number(max: 365), n >= 1 else { return nil }
        day = .julian(n)
      } else if eat("M") {
        guard let m = number(max: 12), m >= 1, eat("."), let w = number(max: 5), w >= 1, eat("."),
          let d = number(max: 6)
        else { return nil }
        day = .month(m, week: w, weekday: d)
      } else {
        guard let n = number(max: 365) else { return nil }
        day = .zeroBased(n)
      }
      var result = Switch(day: day)
      if eat("/") {
        guard let t = offset(maxHours: 167) else { return nil }
        result.time = t
      }
      return result
    }
  }

  /// The year of the local clock `seconds` after 1970 (clamped to the years `LocalDate`
  /// holds; zone rules are only asked about instants far inside them).
  static func year(atLocal seconds: Int64) -> Int {
    let days = seconds / 86_400 - (seconds % 86_400 < 0 ? 1 : 0)
    return LocalDate(daysSinceEpoch: Int(min(max(days, -719_000), 2_900_000))).year
  }

  /// The date in `year` (clamped to 1...9999, the years `LocalDate` holds); nil past the
  /// month's end.
  static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate? {
    LocalDate(year: min(max(year, 1), 9999), month: month, day: day)
  }
}

extension POSIXZoneRule.Switch {
  /// This moment in `year`, as seconds since 1970 of the local clock it is written in.
  func instant(in year: Int) -> Int64 {
    let jan1 = Int64(POSIXZoneRule.date(year, 1, 1)?.daysSinceEpoch ?? 0)
    var dayOfYear: Int64  // 0-based
    switch day {
    case .julian(let n):
      dayOfYear = Int64(n - 1)
      if n >= 60, POSIXZoneRule.date(year, 2, 29) != nil { dayOfYear += 1 }
    case .zeroBased(let n):
      dayOfYear = Int64(n)
    case .month(let m, let week, let weekday):
      // POSIX counts weekdays from Sunday (0); `Weekday.index` from Monday.
      let firstWeekday = ((POSIXZoneRule.date(year, m, 1)?.weekday.index ?? 0) + 1) % 7
      var d = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
      // Week 5 is the last such weekday: step back while the day is past the month's end.
      while d > 28, POSIXZoneRule.date(year, m, d) == nil { d -= 7 }
      dayOfYear = Int64(POSIXZoneRule.date(year, m, d)?.daysSinceEpoch ?? 0) - jan1
    }
    return (jan1 + dayOfYear) * 86_400 + Int64(time)
  }
}

/// A wall-clock time of day, `00:00` ... `24:00`, held as seconds after local midnight.
///
/// `24:00` exists so an interval can run to the end of the day (`18:00-24:00`); the next day's
/// `00:00` is the same instant, so working time flows on without a gap.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds after local midnight, 0...86_400.
  public let secondsAfterMidnight: Int

  public init?(hour: Int, minute: Int) {
    guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
      return nil
    }
    secondsAfterMidnight = hour * 3600 + minute * 60
  }

  /// Parses `H:MM` or `HH:MM` (24-hour clock, `24:00` allowed); nil for anything else.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
      let h = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(hour: h, minute: m)
  }

  public static func < (a: ClockTime, b: ClockTime) -> Bool {
    a.secondsAfterMidnight < b.secondsAfterMidnight
  }

  /// `HH:MM`.
  public var description: String {
    let h = secondsAfterMidnight / 3600
    let m = secondsAfterMidnight % 3600 / 60
    return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
  }
}

/// One stretch of working time within a day, such as `09:00-12:00`; start before end.
public struct WorkingInterval: Sendable, Hashable, CustomStringConvertible {
  public let start: ClockTime
  public let end: ClockTime

  /// An interval, or nil unless `start < end`.
  public init?(start: ClockTime, end: ClockTime) {
    guard start < end else { return nil }
    self.start = start
    self.end = end
  }

  /// Parses `HH:MM-HH:MM`; nil for anything else, including an empty or reversed interval.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2,
      let s = ClockTime(parsing: parts[0].trimmingSpaces()),
      let e = ClockTime(parsing: parts[1].trimmingSpaces())
    else { return nil }
    self.init(start: s, end: e)
  }

  /// Length in nominal seconds (a daylight-saving change inside it is not counted here).
  public var seconds: Int { end.secondsAfterMidnight - start.secondsAfterMidnight }

  /// `HH:MM-HH:MM`.
  public var description: String { "\(start)-\(end)" }
}

/// The working intervals of one day, sorted and not overlapping; empty means a day off.
public struct WorkingHours: Sendable, Hashable, CustomStringConvertible {
  public let intervals: [WorkingInterval]

  /// No working time at all.
  public static let dayOff = WorkingHours(sorted: [])

  /// Sorts the intervals; throws when two overlap (touching, `09:00-12:00` and `12:00-13:00`,
  /// is allowed and simply continuous).
  public init(_ intervals: [WorkingInterval]) throws(CalendarProblem) {
    let sorted = intervals.sorted { $0.start < $1.start }
    for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
      throw .overlappingIntervals(a, b)
    }
    self.intervals = sorted
  }

  private init(sorted: [WorkingInterval]) { intervals = sorted }

  public var isDayOff: Bool { intervals.isEmpty }

  /// Nominal working seconds of the day.
  public var seconds: Int { intervals.reduce(0) { $0 + $1.seconds } }

  /// `09:00-12:00, 13:30-18:00`, or `off`.
  public var description: String {
    isDayOff ? "off" : intervals.map(\.description).joined(separator: ", ")
  }
}


import Foundation

/// A length of time written as in workflow files: `90m`, `2h`, `1h30m`, `3d`, `45s`, `3wd`.
///
/// `d` is 24 hours of wall-clock time (or of working time, under a calendar). Stored as whole
/// seconds; the text form is canonical (`1h30m`, never `90m`) when printed back.
///
/// `Nwd` (N working days, written alone) is for deadlines under a calendar: due at the close of
/// business on the Nth working day after the start day (see docs/calendars.md and
/// `BusinessCalendar.dueAfterWorkingDays`). Its `seconds` hold N × 24 h, what it counts
/// where no calendar applies.
public struct DocketDuration: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  public var seconds: Int64
  /// N of an `Nwd` duration; 0 for every other duration.
  public var workingDays: Int64 = 0

  public init(seconds: Int64) { self.seconds = seconds }

  /// `Nwd`: N working days.
  public static func workingDays(_ n: Int64) -> DocketDuration {
    var d = DocketDuration(seconds: n * 86_400)
    d.workingDays = n
    return d
  }

  public static func hours(_ h: Int64) -> DocketDuration { .init(seconds: h * 3600) }
  public static func minutes(_ m: Int64) -> DocketDuration { .init(seconds: m * 60) }

  private static let units: [(Character, Int64)] = [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]

  /// Parses `1h30m`-style text; nil when it is not of that form or is zero-length text.
  ///
  /// Units must come in order (d, h, m, s), each at most once, with at least one part.
  /// Values are bounded (at most 100 years) so arithmetic can never overflow.
  public init?(parsing text: String) {
    let text = text.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    if text.hasSuffix("wd") {
      let digits = text.dropLast(2)
      guard (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let n = Int64(digits), n <= 36_600
      else { return nil }
      self = .workingDays(n)
      return
    }
    var total: Int64 = 0
    var number: Int64?
    var nextUnit = 0
    for ch in text {
      if let digit = ch.wholeNumberValue, ch.isASCII {
        let n = (number ?? 0) * 10 + Int64(digit)
        if n > 10_000_000 { return nil }
        number = n
        continue
      }
      guard let n = number,
        let index = Self.units.firstIndex(where: { $0.0 == ch }), index >= nextUnit
      else { return nil }
      total += n * Self.units[index].1
      number = nil
      nextUnit = index + 1
    }
    guard number == nil, total <= 100 * 366 * 86_400 else { return nil }
    self.seconds = total
  }

  public static func < (a: Self, b: Self) -> Bool { a.seconds < b.seconds }

  /// Canonical text: `1d2h`, `1h30m`, `0s`.
  public var description: String {
    if workingDays != 0 { return "\(workingDays)wd" }
    guard seconds != 0 else { return "0s" }
    var rest = abs(seconds)
    var out = seconds < 0 ? "-" : ""
    for (unit, size) in Self.units where rest >= size {
      out += "\(rest / size)\(unit)"
      rest %= size
    }
    return out
  }

  /// Human text for remaining or overdue time, at most two units: `3h 20m`, `2d 4h`, `45s`.
  public var humanized: String {
    if workingDays != 0 { return "\(workingDays)wd" }
    var rest = abs(seconds)
    var parts: [String] = []
    for (unit, size) in Self.units where rest >= size && parts.count < 2 {
      parts.append("\(rest / size)\(unit)")
      rest %= size
    }
    return parts.isEmpty ? "0m" : parts.joined(separator: " ")
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let d = DocketDuration(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a duration: \(text)"))
    }
    self = d
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

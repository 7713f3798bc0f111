import Foundation

/// RFC 3339 timestamps with an offset, as instance files and `--now` use them.
///
/// Hand-written rather than `ISO8601DateFormatter`: it is several times faster on the
/// per-command path, is a pure value, and parses exactly the forms the contract allows.
public enum RFC3339 {
  /// `2026-03-02T09:00:00+08:00` in the given zone's offset at that instant; fractional
  /// seconds are written (3, 6 or 9 digits) only when present.
  public static func format(_ date: Date, in zone: TimeZone) -> String {
    format(date, offset: zone.secondsFromGMT(for: date))
  }

  /// The same in a ``Zone``.
  public static func format(_ date: Date, in zone: Zone) -> String {
    format(date, offset: zone.secondsFromGMT(for: date))
  }

  /// The same with a fixed offset in seconds east of UTC.
  public static func format(_ date: Date, offset: Int) -> String {
    let interval = date.timeIntervalSince1970
    var seconds = Int64(interval.rounded(.down))
    var nanos = Int64(((interval - Double(seconds)) * 1e9).rounded())
    if nanos >= 1_000_000_000 {
      seconds += 1
      nanos -= 1_000_000_000
    }
    let local = seconds + Int64(offset)
    let days = floorDiv(local, 86_400)
    let secOfDay = local - days * 86_400
    let (y, m, d) = civil(fromDays: days)
    // Written byte by byte straight into the string's own storage: interpolating a dozen
    // padded pieces cost a dozen small strings per timestamp, and appending to an array a
    // uniqueness check per byte (a ticket write formats a dozen times). 96 bytes hold any
    // Int64 year and offset.
    return String(unsafeUninitializedCapacity: 96) { buffer in
      var out = TextBuffer(buffer)
      out.put(y, width: 4)
      out.put(UInt8(ascii: "-"))
      out.put(m, width: 2)
      out.put(UInt8(ascii: "-"))
      out.put(d, width: 2)
      out.put(UInt8(ascii: "T"))
      out.put(secOfDay / 3600, width: 2)
      out.put(UInt8(ascii: ":"))
      out.put(secOfDay / 60 % 60, width: 2)
      out.put(UInt8(ascii: ":"))
      out.put(secOfDay % 60, width: 2)
      if nanos != 0 {
        out.put(UInt8(ascii: "."))
        if nanos % 1_000_000 == 0 {
          out.put(nanos / 1_000_000, width: 3)
        } else if nanos % 1000 == 0 {
          out.put(nanos / 1000, width: 6)
        } else {
          out.put(nanos, width: 9)
        }
      }
      if offset == 0 {
        out.put(UInt8(ascii: "Z"))
      } else {
        out.put(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let a = offset.magnitude
        out.put(Int64(a / 3600), width: 2)
        out.put(UInt8(ascii: ":"))
        out.put(Int64(a / 60 % 60), width: 2)
      }
      return out.count
    }
  }

  /// Bytes written in order into a buffer the caller sized.
  private struct TextBuffer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func put(_ b: UInt8) {
      buffer[count] = b
      count += 1
    }

    /// `String(v)` left-padded with zeros to `width` characters (a sign counts as one, as
    /// it always has: `-5` at width 4 is `00-5`).
    mutating func put(_ v: Int64, width: Int) {
      let magnitude = v.magnitude
      var digits = 1
      var power: UInt64 = 1
      while magnitude / power >= 10 {
        power *= 10
        digits += 1
      }
      let length = digits + (v < 0 ? 1 : 0)
      for _ in length..<max(width, length) { put(UInt8(ascii: "0")) }
      if v < 0 { put(UInt8(ascii: "-")) }
      while power > 0 {
        put(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
        power /= 10
      }
    }
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z` and a space for `T` are
  /// accepted. Returns the instant and the offset it was written with, or nil.
  public static func parseWithOffset(_ text: String) -> (date: Date, offset: Int)? {
    let s = Array(text.utf8)
    guard s.count >= 20 else { return nil }
    func num(_ from: Int, _ count: Int) -> Int64? {
      guard from + count <= s.count else { return nil }
      var v: Int64 = 0
      for b in s[from..<from + count] {
        guard b >= 48, b <= 57 else { return nil }
        v = v * 10 + Int64(b - 48)
      }
      return v
    }
    guard let y = num(0, 4), s[4] == 45, let mo = num(5, 2), s[7] == 45, let d = num(8, 2),
      s[10] == 84 || s[10] == 116 || s[10] == 32, let h = num(11, 2), s[13] == 58,
      let mi = num(14, 2), s[16] == 58, let se = num(17, 2)
    else { return nil }
    guard (1...12).contains(mo), d >= 1, d <= daysIn(year: y, month: mo), h < 24, mi < 60,
      se < 61
    else { return nil }
    var i = 19
    var nanos: Int64 = 0
    if i < s.count, s[i] == 46 {
      i += 1
      var digits = 0
      while i < s.count, s[i] >= 48, s[i] <= 57 {
        if digits < 9 { nanos = nanos * 10 + Int64(s[i] - 48) }
        digits += 1
        i += 1
      }
      guard digits > 0 else { return nil }
      if digits < 9 { for _ in digits..<9 { nanos *= 10 } }
    }
    guard i < s.count else { return nil }
    var offset = 0
    if s[i] == 90 || s[i] == 122 {
      guard i + 1 == s.count else { return nil }
    } else if s[i] == 43 || s[i] == 45, i + 6 == s.count, s[i + 3] == 58,
      let oh = num(i + 1, 2), let om = num(i + 4, 2), oh < 24, om < 60
    {
      offset = Int(oh * 3600 + om * 60) * (s[i] == 45 ? -1 : 1)
    } else {
      return nil
    }
    let days = days(fromCivil: y, mo, d)
    let secs = days * 86_400 + h * 3600 + mi * 60 + min(se, 59) - Int64(offset)
    let date = Date(timeIntervalSince1970: Double(secs) + Double(nanos) / 1e9)
    return (date, offset)
  }

  /// Parses an RFC 3339 timestamp with offset; nil when it is not one.
  public static func parse(_ text: String) -> Date? { parseWithOffset(text)?.date }

  // MARK: - Civil calendar arithmetic (Howard Hinnant's algorithms)

  static func days(fromCivil y: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y - 1 : y
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
    let z = z + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  static func daysIn(year y: Int64, month m: Int64) -> Int64 {
    switch m {
    case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }
}

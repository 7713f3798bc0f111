/// A signed span of time with nanosecond precision: seconds plus nanoseconds of the same sign.
///
/// The valid range is what cel-go accepts: Int64 nanoseconds, about ±292 years (the
/// conformance cases expect a range error for longer spans). Seconds and nanoseconds are kept
/// apart so arithmetic can detect overflow before it happens.
public struct CELDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let seconds: Int64
  /// In -999_999_999...999_999_999, with the sign of `seconds` (or either sign when 0).
  public let nanos: Int32

  /// The largest magnitude in seconds (Int64.max nanoseconds, about 292 years).
  public static let maxSeconds: Int64 = 9_223_372_036

  /// A duration normalised from any seconds/nanoseconds pair; nil when out of range.
  public init?(seconds: Int64, nanos: Int64 = 0) {
    var n = nanos % 1_000_000_000
    let (sum, o) = seconds.addingReportingOverflow(nanos / 1_000_000_000)
    if o { return nil }
    var s = sum
    if s > 0 && n < 0 {
      s -= 1
      n += 1_000_000_000
    } else if s < 0 && n > 0 {
      s += 1
      n -= 1_000_000_000
    }
    guard s.magnitude <= CELDuration.maxSeconds.magnitude else { return nil }
    self.seconds = s
    self.nanos = Int32(n)
    guard totalNanoseconds != nil else { return nil }
  }

  /// Total nanoseconds; nil only while validating a candidate that is out of range.
  public var totalNanoseconds: Int64? {
    let (a, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if o1 { return nil }
    let (b, o2) = a.addingReportingOverflow(Int64(nanos))
    return o2 ? nil : b
  }

  public static func < (a: CELDuration, b: CELDuration) -> Bool {
    (a.seconds, a.nanos) < (b.seconds, b.nanos)
  }

  public func adding(_ other: CELDuration) -> CELDuration? {
    let (s, o) = seconds.addingReportingOverflow(other.seconds)
    if o { return nil }
    return CELDuration(seconds: s, nanos: Int64(nanos) + Int64(other.nanos))
  }

  public var negated: CELDuration? { CELDuration(seconds: -seconds, nanos: -Int64(nanos)) }

  /// The protobuf JSON form: `3600s`, `-1.500s`, `0.000000001s` (0, 3, 6 or 9 digits).
  public var description: String {
    let negative = seconds < 0 || nanos < 0
    let s = seconds.magnitude
    let n = Int64(nanos).magnitude
    return (negative ? "-" : "") + "\(s)" + fractionDigits(n) + "s"
  }

  /// Parses Go's duration syntax as CEL's `duration()` does: `1h30m`, `-1.5s`, `300ms`,
  /// `2us`, `1ns`, `0`. Units: h, m, s, ms, us (or µs), ns. Nil when malformed or out of range.
  public init?(parsing text: String) {
    var scalars = Array(text.unicodeScalars)
    var negative = false
    if let f = scalars.first, f == "-" || f == "+" {
      negative = f == "-"
      scalars.removeFirst()
    }
    if scalars == ["0"] {
      self.init(seconds: 0)
      return
    }
    guard !scalars.isEmpty else { return nil }
    // Accumulate in (seconds, nanos) using exact decimal arithmetic per component.
    var totalNanos: (hi: Int64, lo: Int64) = (0, 0)  // seconds, nanoseconds
    var i = 0
    while i < scalars.count {
      var intPart: Int64 = 0
      var sawDigit = false
      while i < scalars.count, let d = scalars[i].digitValue {
        let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(Int64(d))
        if o1 || o2 { return nil }
        intPart = a
        sawDigit = true
        i += 1
      }
      var fracDigits: [Int] = []
      if i < scalars.count, scalars[i] == "." {
        i += 1
        while i < scalars.count, let d = scalars[i].digitValue {
          fracDigits.append(d)
          sawDigit = true
          i += 1
        }
      }
      guard sawDigit else { return nil }
      var unit = ""
      while i < scalars.count, scalars[i].digitValue == nil, scalars[i] != "." {
        unit.unicodeScalars.append(scalars[i])
        i += 1
      }
      let unitNanos: Int64
      switch unit {
      case "ns": unitNanos = 1
      case "us", "µs", "μs": unitNanos = 1_000
      case "ms": unitNanos = 1_000_000
      case "s": unitNanos = 1_000_000_000
      case "m": unitNanos = 60_000_000_000
      case "h": unitNanos = 3_600_000_000_000
      default: return nil
      }
      // whole part: intPart * unitNanos, split into seconds and nanos without overflow
      let perSecond: Int64 = 1_000_000_000
      let secPart: Int64
      let nanoPart: Int64
      if unitNanos >= perSecond {
        let (s, o) = intPart.multipliedReportingOverflow(by: unitNanos / perSecond)
        if o { return nil }
        secPart = s
        nanoPart = 0
      } else {
        let (n, o) = intPart.multipliedReportingOverflow(by: unitNanos)
        if o { return nil }
        secPart = n / perSecond
        nanoPart = n % perSecond
      }
      // fraction: sum of digit * unitNanos / 10^k, truncated to nanoseconds
      var fracNanos: Int64 = 0
      var scale = unitNanos
      for d in fracDigits {
        if scale == 0 { break }
        scale /= 10
        fracNanos += Int64(d) * scale
      }
      let (hs, o3) = totalNanos.hi.addingReportingOverflow(secPart)
      if o3 { return nil }
      totalNanos.hi = hs
      totalNanos.lo += nanoPart + fracNanos
      totalNanos.hi += totalNanos.lo / perSecond
      totalNanos.lo %= perSecond
    }
    if negative {
      self.init(seconds: -totalNanos.hi, nanos: -totalNanos.lo)
    } else {
      self.init(seconds: totalNanos.hi, nanos: totalNanos.lo)
    }
  }
}

/// `""`, `.500`, `.000001`, `.123456789`: nanoseconds as 0, 3, 6 or 9 fraction digits.
func fractionDigits(_ nanos: UInt64) -> String {
  guard nanos > 0 else { return "" }
  var digits = String(nanos)
  digits = String(repeating: "0", count: 9 - digits.count) + digits
  if nanos % 1_000_000 == 0 { return "." + digits.prefix(3) }
  if nanos % 1_000 == 0 { return "." + digits.prefix(6) }
  return "." + digits
}

extension Unicode.Scalar {
  /// The value of an ASCII decimal digit.
  var digitValue: Int? {
    value >= 48 && value <= 57 ? Int(value - 48) : nil
  }
}

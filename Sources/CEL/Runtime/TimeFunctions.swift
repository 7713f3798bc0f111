import Foundation

/// Timestamp accessors (`getFullYear`, `getHours`, ...), optionally in a time zone given as
/// an IANA name (`Asia/Shanghai`) or a fixed offset (`+08:00`, `-02:30`, `02:00`); and the
/// duration accessors (`getHours` = whole hours of the duration, ...).
enum TimeFunctions {
  static func accessor(_ name: String, _ args: [CELValue]) -> CELValue {
    switch args[0] {
    case .timestamp(let t):
      var offset = 0
      if args.count == 2 {
        guard case .string(let zone) = args[1] else {
          return StandardLibrary.noOverload(name, args)
        }
        guard let o = offsetSeconds(zone, at: t) else {
          return .error(.invalidArgument("unknown time zone '\(zone)'"))
        }
        offset = o
      }
      let c = CivilTime(utcSeconds: t.seconds + Int64(offset))
      switch name {
      case "getFullYear": return .int(Int64(c.year))
      case "getMonth": return .int(Int64(c.month - 1))
      case "getDate": return .int(Int64(c.day))
      case "getDayOfMonth": return .int(Int64(c.day - 1))
      case "getDayOfWeek": return .int(Int64(c.weekday))
      case "getDayOfYear": return .int(Int64(c.dayOfYear))
      case "getHours": return .int(Int64(c.hour))
      case "getMinutes": return .int(Int64(c.minute))
      case "getSeconds": return .int(Int64(c.second))
      case "getMilliseconds": return .int(Int64(t.nanos / 1_000_000))
      default: return StandardLibrary.noOverload(name, args)
      }
    case .duration(let d) where args.count == 1:
      switch name {
      case "getHours": return .int(d.seconds / 3600)
      case "getMinutes": return .int(d.seconds / 60)
      case "getSeconds": return .int(d.seconds)
      case "getMilliseconds": return .int(Int64(d.nanos / 1_000_000))
      default: return StandardLibrary.noOverload(name, args)
      }
    default:
      return StandardLibrary.noOverload(name, args)
    }
  }

  /// Seconds east of UTC for a zone at an instant; nil for an unknown zone.
  static func offsetSeconds(_ zone: String, at t: CELTimestamp) -> Int? {
    let s = Array(zone.unicodeScalars)
    if let first = s.first, first == "+" || first == "-" || first.digitValue != nil {
      let sign = first == "-" ? -1 : 1
      let body = first.digitValue != nil ? s : Array(s.dropFirst())
      let parts = String(String.UnicodeScalarView(body)).split(separator: ":")
      guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else {
        return nil
      }
      return sign * (h * 3600 + m * 60)
    }
    if zone == "UTC" || zone == "Z" { return 0 }
    guard let tz = TimeZone(identifier: zone) else { return nil }
    return tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t.seconds)))
  }
}

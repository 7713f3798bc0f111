import DocketFiles
import Foundation

/// A time zone by its tz database name (`Asia/Shanghai`), for what Docket computes with
/// zones: the offset from UTC at an instant.
///
/// The offsets come from the system's compiled tz file (`/usr/share/zoneinfo/<name>`, or
/// `$TZDIR`) when it can be read, so a command that only stamps times never creates a
/// Foundation `TimeZone`: the first one costs more than reading and writing the ticket
/// (docs/performance.md §14). Without such a file (other systems, an unusual name) the
/// offsets are Foundation's. ``timeZone`` gives the Foundation zone for display code that
/// needs calendars and formatters.
public struct Zone: Sendable, Hashable, CustomStringConvertible {
  public let identifier: String
  private let source: Source

  private enum Source: Sendable {
    case rules(ZoneRules)
    case foundation(FoundationZone)
  }

  /// UTC, without reading any file.
  public static let utc = Zone(
    identifier: "UTC",
    source: .rules(ZoneRules(fixed: 0)))

  /// The zone named `identifier`; nil when neither the tz files nor Foundation know it.
  public init?(identifier: String) {
    if identifier == "UTC" {
      self = .utc
      return
    }
    if let rules = Self.rules(named: identifier) {
      self.init(identifier: identifier, source: .rules(rules))
      return
    }
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    self.init(zone)
  }

  /// A Foundation zone as it is (its offsets are then Foundation's).
  public init(_ timeZone: TimeZone) {
    self.init(identifier: timeZone.identifier, source: .foundation(FoundationZone(timeZone)))
  }

  private init(identifier: String, source: Source) {
    self.identifier = identifier
    self.source = source
  }

  /// Seconds east of UTC at `date`.
  public func secondsFromGMT(for date: Date) -> Int {
    switch source {
    case .rules(let rules):
      let t = date.timeIntervalSince1970
      let seconds = t.isFinite ? Int64(min(max(t, -1e12), 1e12).rounded(.down)) : 0
      return rules.offset(at: seconds)
    case .foundation(let zone):
      return zone.timeZone.secondsFromGMT(for: date)
    }
  }

  /// The Foundation zone of the same name (created on first use, then cached by Foundation).
  public var timeZone: TimeZone {
    switch source {
    case .rules: TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    case .foundation(let zone): zone.timeZone
    }
  }

  public var description: String { identifier }

  public static func == (a: Zone, b: Zone) -> Bool { a.identifier == b.identifier }
  public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

  /// The rules of the compiled tz file for `identifier`, if a safe name has one.
  private static func rules(named identifier: String) -> ZoneRules? {
    let allowed = identifier.utf8.allSatisfy {
      ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
        || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: "+")
    }
    guard allowed, !identifier.isEmpty, identifier.utf8.count <= 64, !identifier.hasPrefix("/"),
      !identifier.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.isEmpty })
    else { return nil }
    let folder = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
    guard let bytes = try? FileSystem.read(folder + "/" + identifier) else { return nil }
    return ZoneRules(tzif: bytes)
  }
}

/// A Foundation zone kept in a ``Zone`` (a class, so ``Zone`` stays small).
private final class FoundationZone: Sendable {
  let timeZone: TimeZone
  init(_ timeZone: TimeZone) { self.timeZone = timeZone }
}

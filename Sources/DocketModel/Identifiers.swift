/// A name of one kind of thing, so a state id cannot be passed where an event name is meant.
///
/// The phantom `Kind` keeps the kinds apart at compile time while sharing one implementation.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  public var description: String { rawValue }
}

public enum WorkflowKind: Sendable {}
public enum StateKind: Sendable {}
public enum EventKind: Sendable {}
public enum RoleKind: Sendable {}
public enum UserKind: Sendable {}
public enum FieldKind: Sendable {}
public enum DeadlineKind: Sendable {}
public enum InstanceKind: Sendable {}
public enum CalendarKind: Sendable {}
public enum RuleKind: Sendable {}

/// A workflow id: `[a-z][a-z0-9_-]*`, equal to its file stem.
public typealias WorkflowID = Identifier<WorkflowKind>
public typealias StateID = Identifier<StateKind>
public typealias EventName = Identifier<EventKind>
public typealias RoleID = Identifier<RoleKind>
/// A staff member's id as listed in `staff.yaml` (or `system`).
public typealias UserID = Identifier<UserKind>
public typealias FieldName = Identifier<FieldKind>
public typealias DeadlineName = Identifier<DeadlineKind>
/// An instance id such as `CMP-000001`.
public typealias InstanceID = Identifier<InstanceKind>
public typealias CalendarID = Identifier<CalendarKind>
public typealias RuleID = Identifier<RuleKind>

extension UserID {
  /// The actor of deadline and rule actions; `by` does not restrict it.
  public static let system: UserID = "system"
}

extension InstanceID {
  /// Whether this id has the shape `PREFIX-000001`: letters, digits, `_` and one `-` before a
  /// run of digits. Anything else (a `/`, `..`, a NUL) can never name a ticket, so hostile ids
  /// are refused before any path is built from them.
  public var isWellFormed: Bool {
    // Every allowed character is ASCII, so scanning UTF-8 bytes (without allocating) gives
    // the same answer as scanning scalars.
    let bytes = rawValue.utf8
    guard bytes.count <= 64 else { return false }
    var dash = -1
    var index = 0
    for b in bytes {
      if b == UInt8(ascii: "-") { dash = index }
      index += 1
    }
    guard dash > 0, dash < index - 1 else { return false }
    index = 0
    for b in bytes {
      let ok: Bool
      if index < dash {
        ok =
          (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
          || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
          || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
      } else {
        ok = index == dash || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
      }
      guard ok else { return false }
      index += 1
    }
    return true
  }

  /// The id's prefix (`CMP` of `CMP-000001`), if well formed.
  public var prefix: String? {
    guard isWellFormed, let dash = rawValue.lastIndex(of: "-") else { return nil }
    return String(rawValue[..<dash])
  }

  /// The id's number (`1` of `CMP-000001`), if well formed.
  public var number: Int? {
    guard isWellFormed, let dash = rawValue.lastIndex(of: "-") else { return nil }
    return Int(rawValue[rawValue.index(after: dash)...])
  }

  /// `PREFIX-NNNNNN`, zero-padded to six digits (more when the number needs them).
  public static func make(prefix: String, number: Int) -> InstanceID {
    let digits = String(number)
    let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    return InstanceID("\(prefix)-\(padded)")
  }
}

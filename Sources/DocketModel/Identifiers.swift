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
    let scalars = Array(rawValue.unicodeScalars)
    guard scalars.count <= 64, let dash = scalars.lastIndex(of: "-"), dash > 0,
      dash < scalars.count - 1
    else { return false }
    let prefixOK = scalars[..<dash].allSatisfy {
      ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        || $0 == "_"
    }
    let numberOK = scalars[(dash + 1)...].allSatisfy { ("0"..."9").contains($0) }
    return prefixOK && numberOK
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

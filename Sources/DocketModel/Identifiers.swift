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

  // Inlinable so other modules compare and hash identifiers as the strings they are,
  // without a generic call per comparison: the engine looks several up on every step.
  @inlinable public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue }
  @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
  @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
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
  public var isWellFormed: Bool { parts != nil }

  /// The id's prefix (`CMP` of `CMP-000001`), if well formed.
  public var prefix: String? {
    guard let parts else { return nil }
    return String(decoding: rawValue.utf8.prefix(parts.dash), as: UTF8.self)
  }

  /// The id's number (`1` of `CMP-000001`), if well formed and it fits an `Int`.
  public var number: Int? { parts?.number }

  /// Where the dash is (in bytes) and the number after it, or nil when the id is not well
  /// formed. One pass over the id's UTF-8 bytes, in place: every step reads a ticket by id
  /// and every new ticket's prefix and number are read back, so walking the string by
  /// `Character` (as `lastIndex(of:)` does) cost thousands of instructions per id.
  private var parts: (dash: Int, number: Int?)? {
    // Every allowed character is ASCII, so checking UTF-8 bytes gives the same answer as
    // checking scalars. Native strings are always contiguous; the fallback copies.
    rawValue.utf8.withContiguousStorageIfAvailable(Self.parts(of:))
      ?? Array(rawValue.utf8).withUnsafeBufferPointer(Self.parts(of:))
  }

  private static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> (dash: Int, number: Int?)? {
    guard bytes.count <= 64, let dash = bytes.lastIndex(of: UInt8(ascii: "-")), dash > 0,
      dash < bytes.count - 1
    else { return nil }
    for b in bytes[..<dash] {
      let ok =
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
        || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
      guard ok else { return nil }
    }
    var number: Int? = 0
    for b in bytes[(dash + 1)...] {
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      number = number.flatMap { n in
        let (times10, o1) = n.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
        return o1 || o2 ? nil : sum
      }
    }
    return (dash, number)
  }

  /// `PREFIX-NNNNNN`, zero-padded to six digits (more when the number needs them).
  public static func make(prefix: String, number: Int) -> InstanceID {
    let digits = String(number)
    let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    return InstanceID("\(prefix)-\(padded)")
  }
}

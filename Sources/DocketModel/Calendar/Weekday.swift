/// A day of the week, named as calendar files write it (`mon` ... `sun`).
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
  case monday = "mon"
  case tuesday = "tue"
  case wednesday = "wed"
  case thursday = "thu"
  case friday = "fri"
  case saturday = "sat"
  case sunday = "sun"

  /// Monday first, as ISO 8601 and Chinese office weeks count.
  public static let mondayFirst: [Weekday] = [
    .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday,
  ]

  /// 0 for Monday ... 6 for Sunday.
  public var index: Int { Self.mondayFirst.firstIndex(of: self) ?? 0 }

  public static func < (a: Weekday, b: Weekday) -> Bool { a.index < b.index }
}

import Foundation

/// Where a session gets the time. The engine never reads a clock; the session asks this one
/// once per command and passes the instant down.
public protocol DocketClock: Sendable {
  func now() -> Date
}

/// The machine's clock.
public struct SystemClock: DocketClock {
  public init() {}
  public func now() -> Date { Date() }
}

/// A clock that stands still until told to move, and never moves backwards: `--now`,
/// `$DOCKET_NOW`, fixtures (`wait:` advances it) and tests.
public final class FixedClock: DocketClock, @unchecked Sendable {
  /// Guards `current`.
  private let lock = NSLock()
  private var current: Date

  public init(_ date: Date) { current = date }

  public func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  /// Moves the clock forward by `seconds` (a negative amount is ignored: time does not run
  /// backwards).
  public func advance(by seconds: TimeInterval) {
    lock.lock()
    defer { lock.unlock() }
    if seconds > 0 { current += seconds }
  }

  /// Sets the clock to `date`; returns false (and stays put) if that is in its past.
  @discardableResult
  public func set(_ date: Date) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard date >= current else { return false }
    current = date
    return true
  }
}

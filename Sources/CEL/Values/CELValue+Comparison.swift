#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CEL equality and ordering: numbers compare across int, uint and double by value
/// (`1 == 1u`, `1 < 1.5`), and values of unrelated types are unequal rather than errors.
extension CELValue {
  /// CEL's `==`: heterogeneous numeric equality, element-wise lists, key-wise maps.
  /// Returns `.error` when either side is an error.
  public func celEquals(_ other: CELValue) -> CELValue {
    if case .error = self { return self }
    if case .error = other { return other }
    return .bool(equalsValue(other))
  }

  /// Equality without error propagation (errors are never equal).
  func equalsValue(_ other: CELValue) -> Bool {
    switch (self, other) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.string(let a), .string(let b)): return CELValue.sameScalars(a, b)
    case (.int(let a), .int(let b)): return a == b
    case (.uint(let a), .uint(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.int, .uint), (.int, .double), (.uint, .int), (.uint, .double), (.double, .int),
      (.double, .uint):
      return CELValue.compareNumbers(self, other) == 0
    case (.bytes(let a), .bytes(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      for i in a.indices where !a[i].equalsValue(b[i]) { return false }
      return true
    case (.map(let a), .map(let b)):
      guard a.count == b.count else { return false }
      for e in a.entries {
        guard let v = b[e.key], e.value.equalsValue(v) else { return false }
      }
      return true
    case (.timestamp(let a), .timestamp(let b)): return a == b
    case (.duration(let a), .duration(let b)): return a == b
    case (.type(let a), .type(let b)): return a.runtimeName == b.runtimeName
    case (.optional(let a), .optional(let b)):
      switch (a, b) {
      case (nil, nil): return true
      case (let x?, let y?): return x.equalsValue(y)
      default: return false
      }
    default: return false
    }
  }

  /// String equality by code points: CEL does not normalise (`'\u00e9' != 'e\u0301'`),
  /// unlike Swift's `==`.
  @inline(__always)
  static func sameScalars(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
      b.utf8.withContiguousStorageIfAvailable { pb in
        if n <= 32 {
          for k in 0..<n where pa[k] != pb[k] { return false }
          return true
        }
        guard let x = pa.baseAddress, let y = pb.baseAddress else { return n == 0 }
        return memcmp(x, y, n) == 0
      }
    }
    if let fast, let result = fast { return result }
    return a.utf8.elementsEqual(b.utf8)
  }

  /// -1, 0 or 1 for two numbers of any numeric kinds; nil when either is NaN.
  static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.double(let x), .double(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.int(let x), .uint(let y)):
      if x < 0 { return -1 }
      let ux = UInt64(x)
      return ux < y ? -1 : (ux == y ? 0 : 1)
    case (.uint, .int): return compareNumbers(b, a).map { -$0 }
    case (.int(let x), .double(let y)): return compareIntDouble(x, y)
    case (.double, .int): return compareNumbers(b, a).map { -$0 }
    case (.uint(let x), .double(let y)): return compareUIntDouble(x, y)
    case (.double, .uint): return compareNumbers(b, a).map { -$0 }
    default: return nil
    }
  }

  /// As cel-go: the integer is converted to double (so 2^63-1 equals 2^63 as a double).
  private static func compareIntDouble(_ x: Int64, _ y: Double) -> Int? {
    if y.isNaN { return nil }
    let dx = Double(x)
    return dx < y ? -1 : (dx == y ? 0 : 1)
  }

  private static func compareUIntDouble(_ x: UInt64, _ y: Double) -> Int? {
    if y.isNaN { return nil }
    let dx = Double(x)
    return dx < y ? -1 : (dx == y ? 0 : 1)
  }

  /// CEL ordering for `<`, `<=`, `>`, `>=`: numbers across kinds, strings by code point,
  /// bytes, bools, timestamps, durations. Nil when the pair has no ordering (or NaN is
  /// involved: `isUnordered` tells those apart).
  func compare(_ other: CELValue) -> (order: Int?, comparable: Bool) {
    switch (self, other) {
    case (.int, .int), (.int, .uint), (.int, .double), (.uint, .int), (.uint, .uint),
      (.uint, .double), (.double, .int), (.double, .uint), (.double, .double):
      return (CELValue.compareNumbers(self, other), true)
    case (.string(let a), .string(let b)):
      if CELValue.sameScalars(a, b) { return (0, true) }
      return (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1, true)
    case (.bytes(let a), .bytes(let b)):
      if a == b { return (0, true) }
      return (a.lexicographicallyPrecedes(b) ? -1 : 1, true)
    case (.bool(let a), .bool(let b)):
      return (a == b ? 0 : (!a ? -1 : 1), true)
    case (.timestamp(let a), .timestamp(let b)): return (a < b ? -1 : (a == b ? 0 : 1), true)
    case (.duration(let a), .duration(let b)): return (a < b ? -1 : (a == b ? 0 : 1), true)
    default: return (nil, false)
    }
  }
}

import Foundation

/// A standard-library implementation: receives evaluated, error-free arguments (the receiver
/// first for member calls).
typealias StandardFunction = @Sendable ([CELValue]) -> CELValue

/// CEL's standard functions (other than operators, which the planner inlines): size,
/// string tests, regular expressions, conversions, time accessors and the core of optionals.
enum StandardLibrary {
  private static let globals: Set<String> = [
    "size", "matches", "int", "uint", "double", "string", "bytes", "bool", "dyn", "type",
    "timestamp", "duration", "optional.of", "optional.none", "optional.ofNonZeroValue",
  ]

  static func isGlobal(_ name: String) -> Bool { globals.contains(name) }

  // swiftlint:disable:next cyclomatic_complexity
  static func resolve(_ name: String, member: Bool, arity: Int) -> StandardFunction? {
    switch (name, member, arity) {
    case ("size", _, 1): return size
    case ("contains", true, 2):
      return stringTest(name) { utf8Contains($0, $1) }
    case ("startsWith", true, 2):
      return stringTest(name) { $0.unicodeScalars.starts(with: $1.unicodeScalars) }
    case ("endsWith", true, 2):
      return stringTest(name) {
        $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed())
      }
    case ("matches", _, 2): return matches
    case ("int", false, 1): return Conversions.toInt
    case ("uint", false, 1): return Conversions.toUInt
    case ("double", false, 1): return Conversions.toDouble
    case ("string", false, 1): return Conversions.toString
    case ("bytes", false, 1): return Conversions.toBytes
    case ("bool", false, 1): return Conversions.toBool
    case ("dyn", false, 1): return { $0[0] }
    case ("type", false, 1): return { .type($0[0].celType) }
    case ("timestamp", false, 1): return Conversions.toTimestamp
    case ("duration", false, 1): return Conversions.toDuration
    case ("getFullYear", true, 1...2), ("getMonth", true, 1...2), ("getDate", true, 1...2),
      ("getDayOfMonth", true, 1...2), ("getDayOfWeek", true, 1...2),
      ("getDayOfYear", true, 1...2), ("getHours", true, 1...2), ("getMinutes", true, 1...2),
      ("getSeconds", true, 1...2), ("getMilliseconds", true, 1...2):
      return { TimeFunctions.accessor(name, $0) }
    case ("optional.of", false, 1): return { .optional($0[0]) }
    case ("optional.none", false, 0): return { _ in .optional(nil) }
    case ("optional.ofNonZeroValue", false, 1):
      return { isZero($0[0]) ? .optional(nil) : .optional($0[0]) }
    case ("hasValue", true, 1):
      return { args in
        guard case .optional(let o) = args[0] else { return noOverload(name, args) }
        return .bool(o != nil)
      }
    case ("value", true, 1):
      return { args in
        guard case .optional(let o) = args[0] else { return noOverload(name, args) }
        return o ?? .error(.invalidArgument("optional.none() dereference"))
      }
    case ("or", true, 2):
      return { args in
        guard case .optional(let o) = args[0], case .optional = args[1] else {
          return noOverload(name, args)
        }
        return o != nil ? args[0] : args[1]
      }
    case ("orValue", true, 2):
      return { args in
        guard case .optional(let o) = args[0] else { return noOverload(name, args) }
        return o ?? args[1]
      }
    default:
      return nil
    }
  }

  /// Substring test by code points (no Unicode normalisation, as CEL).
  static func utf8Contains(_ s: String, _ t: String) -> Bool {
    let a = Array(s.utf8)
    let b = Array(t.utf8)
    if b.isEmpty { return true }
    if b.count > a.count { return false }
    outer: for i in 0...(a.count - b.count) {
      for j in 0..<b.count where a[i + j] != b[j] { continue outer }
      return true
    }
    return false
  }

  static func noOverload(_ name: String, _ args: [CELValue]) -> CELValue {
    .error(.noMatchingOverload(name, args))
  }

  private static let size: StandardFunction = { args in
    switch args[0] {
    case .string(let s): .int(Int64(s.unicodeScalars.count))
    case .bytes(let b): .int(Int64(b.count))
    case .list(let l): .int(Int64(l.count))
    case .map(let m): .int(Int64(m.count))
    default: noOverload("size", args)
    }
  }

  private static func stringTest(
    _ name: String, _ test: @escaping @Sendable (String, String) -> Bool
  ) -> StandardFunction {
    { args in
      guard case .string(let s) = args[0], case .string(let t) = args[1] else {
        return noOverload(name, args)
      }
      return .bool(test(s, t))
    }
  }

  private static let matches: StandardFunction = { args in
    guard case .string(let s) = args[0], case .string(let pattern) = args[1] else {
      return noOverload("matches", args)
    }
    if pattern.isEmpty { return .bool(true) }
    switch RegexCache.shared.regex(pattern) {
    case .success(let re): return search(re, s)
    case .failure(let e): return .error(e)
    }
  }

  /// `matches` with a pattern known at compile time: compiled once, no cache lookup.
  static func matcher(_ pattern: String) -> StandardFunction {
    if pattern.isEmpty {
      return { args in
        guard case .string = args[0] else { return noOverload("matches", args) }
        return .bool(true)
      }
    }
    switch RegexCache.shared.regex(pattern) {
    case .success(let re):
      let regex = SharedRegex(re)
      return { args in
        guard case .string(let s) = args[0] else { return noOverload("matches", args) }
        return search(regex.value, s)
      }
    case .failure(let e):
      return { _ in .error(e) }
    }
  }

  private static func search(_ re: NSRegularExpression, _ s: String) -> CELValue {
    let range = NSRange(s.startIndex..<s.endIndex, in: s)
    return .bool(re.firstMatch(in: s, options: [], range: range) != nil)
  }

  /// The zero value of each type (for `optional.ofNonZeroValue`).
  static func isZero(_ v: CELValue) -> Bool {
    switch v {
    case .null: true
    case .bool(let b): !b
    case .int(let i): i == 0
    case .uint(let u): u == 0
    case .double(let d): d == 0
    case .string(let s): s.isEmpty
    case .bytes(let b): b.isEmpty
    case .list(let l): l.isEmpty
    case .map(let m): m.isEmpty
    case .duration(let d): d.seconds == 0 && d.nanos == 0
    case .timestamp(let t): t.seconds == 0 && t.nanos == 0
    case .optional(let o): o == nil
    default: false
    }
  }
}

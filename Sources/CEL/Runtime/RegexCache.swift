import Foundation

/// A compiled pattern shared by evaluations on any thread (NSRegularExpression is immutable
/// and documented thread-safe for matching).
struct SharedRegex: @unchecked Sendable {
  let value: NSRegularExpression
  init(_ value: NSRegularExpression) { self.value = value }
}

/// Compiled regular expressions by pattern, so `matches` with a constant pattern compiles it
/// once per process. Patterns are RE2 syntax; NSRegularExpression (ICU) accepts the RE2
/// constructs CEL expressions use. Bounded to keep memory in check.
final class RegexCache: @unchecked Sendable {
  static let shared = RegexCache()
  private let lock = NSLock()
  private var cache: [String: NSRegularExpression] = [:]

  func regex(_ pattern: String) -> Result<NSRegularExpression, CELError> {
    lock.lock()
    defer { lock.unlock() }
    if let re = cache[pattern] { return .success(re) }
    if let problem = RegexCache.unsupported(pattern) {
      return .failure(.invalidArgument("invalid regular expression: \(problem)"))
    }
    guard let re = try? NSRegularExpression(pattern: pattern) else {
      return .failure(.invalidArgument("invalid regular expression: \(pattern)"))
    }
    if cache.count > 1000 { cache.removeAll() }
    cache[pattern] = re
    return .success(re)
  }

  /// RE2 rejects backreferences and lookaround, which ICU would accept.
  private static func unsupported(_ p: String) -> String? {
    let s = Array(p.unicodeScalars)
    var i = 0
    while i < s.count {
      if s[i] == "\\", i + 1 < s.count {
        if let d = s[i + 1].digitValue, d > 0 { return "backreferences are not supported" }
        i += 2
        continue
      }
      if s[i] == "(", i + 2 < s.count, s[i + 1] == "?",
        s[i + 2] == "=" || s[i + 2] == "!" || (s[i + 2] == "<" && i + 3 < s.count && (s[i + 3] == "=" || s[i + 3] == "!"))
      {
        return "lookaround is not supported"
      }
      i += 1
    }
    return nil
  }
}

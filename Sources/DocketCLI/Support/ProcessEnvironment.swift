#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment as a dictionary, read straight from `environ`.
///
/// `ProcessInfo.processInfo.environment` gives the same dictionary, but its first use in the
/// static binary costs 0.75 M instructions (Foundation's process-info set-up and the generic
/// dictionary code it instantiates at run time), about 4 % of a whole `docket advance`
/// (docs/performance.md §13).
public enum ProcessEnvironment {
  /// Every `NAME=value` entry; the first wins if a name repeats, as with `getenv`.
  public static func current() -> [String: String] {
    var result: [String: String] = [:]
    #if canImport(Darwin)
      guard let entries = _NSGetEnviron()?.pointee else { return result }
    #else
      guard let entries = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return result }
    #endif
    var index = 0
    while let entry = entries[index] {
      index += 1
      let text = String(cString: entry)
      guard let eq = text.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
      let name = String(text[..<eq])
      if result[name] == nil { result[name] = String(text[text.index(after: eq)...]) }
    }
    return result
  }
}

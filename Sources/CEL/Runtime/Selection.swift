/// Field selection (`m.f`), presence tests (`has(m.f)`) and optional selection (`m.?f`).
enum Selection {
  static func select(_ v: CELValue, _ field: String) -> CELValue {
    switch v {
    case .map(let m):
      return m[field] ?? .error(.noSuchField(field))
    case .optional(let inner):
      // Selecting on an optional chains: the result is optional too.
      guard let inner else { return .optional(nil) }
      return optionalSelect(inner, field)
    case .error:
      return v
    default:
      return unsupported(v)
    }
  }

  static func optionalSelect(_ v: CELValue, _ field: String) -> CELValue {
    switch v {
    case .map(let m):
      return .optional(m[field])
    case .optional(let inner):
      guard let inner else { return .optional(nil) }
      return optionalSelect(inner, field)
    case .error:
      return v
    default:
      return unsupported(v)
    }
  }

  static func has(_ v: CELValue, _ field: String) -> CELValue {
    switch v {
    case .map(let m):
      return .bool(m[field] != nil)
    case .optional(let inner):
      guard let inner else { return .bool(false) }
      return has(inner, field)
    case .error:
      return v
    default:
      return .error(
        .invalidArgument("invalid type for field selection: \(v.celType.runtimeName)"))
    }
  }

  /// `a[i]` on lists (int, uint or integral double index) and maps.
  static func index(_ a: CELValue, _ i: CELValue) -> CELValue {
    if case .error = a { return a }
    if case .error = i { return i }
    switch a {
    case .list(let items):
      guard let k = listIndex(i) else {
        return .error(.noMatchingOverload("_[_]", [a, i]))
      }
      guard let k2 = k, k2 >= 0, k2 < items.count else {
        return .error(.indexOutOfRange(indexValue(i), size: items.count))
      }
      return items[k2]
    case .map(let m):
      guard CELMap.isValidKey(i) || isDouble(i) else {
        return .error(.noMatchingOverload("_[_]", [a, i]))
      }
      return m[i] ?? .error(.noSuchKey(i))
    case .optional(let inner):
      guard let inner else { return .optional(nil) }
      return optionalIndex(inner, i)
    default:
      return .error(.noMatchingOverload("_[_]", [a, i]))
    }
  }

  /// `a[?i]`: an optional of the element, none when absent.
  static func optionalIndex(_ a: CELValue, _ i: CELValue) -> CELValue {
    if case .error = a { return a }
    if case .error = i { return i }
    switch a {
    case .list(let items):
      guard let k = listIndex(i) else { return .error(.noMatchingOverload("_[?_]", [a, i])) }
      guard let k2 = k, k2 >= 0, k2 < items.count else { return .optional(nil) }
      return .optional(items[k2])
    case .map(let m):
      return .optional(m[i])
    case .optional(let inner):
      guard let inner else { return .optional(nil) }
      return optionalIndex(inner, i)
    default:
      return .error(.noMatchingOverload("_[?_]", [a, i]))
    }
  }

  private static func isDouble(_ v: CELValue) -> Bool {
    if case .double = v { return true }
    return false
  }

  private static func indexValue(_ i: CELValue) -> Int64 {
    switch i {
    case .int(let k): k
    case .uint(let u): u > UInt64(Int64.max) ? Int64.max : Int64(u)
    case .double(let d): d.isFinite && abs(d) < 9e18 ? Int64(d) : Int64.max
    default: -1
    }
  }

  /// Outer nil: not an index type. Inner nil: an index type but not a valid position.
  private static func listIndex(_ i: CELValue) -> Int?? {
    switch i {
    case .int(let k): return k >= Int64(Int.min) && k <= Int64(Int.max) ? Int(k) : .some(nil)
    case .uint(let u): return u <= UInt64(Int.max) ? Int(u) : .some(nil)
    case .double(let d):
      guard d.rounded() == d, abs(d) < 9e18 else { return .some(nil) }
      return Int(d)
    default: return nil
    }
  }

  /// The error for selecting a field on a value that has none (an int, a list, …).
  private static func unsupported(_ v: CELValue) -> CELValue {
    .error(.invalidArgument("type '\(v.celType.runtimeName)' does not support field selection"))
  }
}

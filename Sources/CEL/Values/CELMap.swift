/// A CEL map: entries in insertion order, looked up with CEL key equality, so `1`, `1u` and
/// `1.0` find the same entry. Keys are bool, int, uint or string.
public struct CELMap: Sendable, Equatable {
  public private(set) var entries: [(key: CELValue, value: CELValue)] = []
  private var index: [MapKey: Int] = [:]

  public init() {}

  /// A map from entries; a later duplicate key replaces the earlier value.
  public init(_ pairs: [(CELValue, CELValue)]) {
    for (k, v) in pairs { self[k] = v }
  }

  /// A map with string keys, in the order given.
  public init(strings pairs: KeyValuePairs<String, CELValue>) {
    for (k, v) in pairs { self[.string(k)] = v }
  }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  public var keys: [CELValue] { entries.map(\.key) }

  /// The value for a key under CEL equality; nil when absent or the key is not a valid key.
  public subscript(key: CELValue) -> CELValue? {
    get {
      guard let k = MapKey(key), let i = index[k] else { return nil }
      return entries[i].value
    }
    set {
      guard let k = MapKey(key) else { return }
      if let i = index[k] {
        if let newValue {
          entries[i].value = newValue
        } else {
          entries.remove(at: i)
          index = [:]
          for (j, e) in entries.enumerated() {
            if let kk = MapKey(e.key) { index[kk] = j }
          }
        }
      } else if let newValue {
        index[k] = entries.count
        entries.append((key, newValue))
      }
    }
  }

  /// The value for a string key, without building a `CELValue` key.
  public subscript(field: String) -> CELValue? {
    guard let i = index[.string(field)] else { return nil }
    return entries[i].value
  }

  /// Adds an entry unless the key is present; false when it was (a repeated key in a literal).
  mutating func insertNew(_ key: CELValue, _ value: CELValue) -> Bool {
    guard let k = MapKey(key), index[k] == nil else { return false }
    index[k] = entries.count
    entries.append((key, value))
    return true
  }

  func contains(_ key: CELValue) -> Bool {
    guard let k = MapKey(key) else { return false }
    return index[k] != nil
  }

  /// Whether a value can be a map key at all.
  static func isValidKey(_ key: CELValue) -> Bool {
    switch key {
    case .bool, .int, .uint, .string: true
    default: false
    }
  }

  /// Equal sizes, and every key of `a` maps in `b` to a structurally equal value.
  public static func == (a: CELMap, b: CELMap) -> Bool {
    guard a.count == b.count else { return false }
    for e in a.entries {
      guard let v = b[e.key], v == e.value else { return false }
    }
    return true
  }
}

/// A key normalised for CEL equality: numbers that are equal hash alike.
private enum MapKey: Hashable {
  case bool(Bool)
  case int(Int64)
  case bigUint(UInt64)
  case string(String)

  init?(_ v: CELValue) {
    switch v {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUint(u)
    case .string(let s): self = .string(s)
    case .double(let d):
      guard d.rounded() == d else { return nil }
      if d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 {
        self = .int(Int64(d))
      } else if d >= 0 && d < 1.8446744073709551616e19 {
        self = .bigUint(UInt64(d))
      } else {
        return nil
      }
    default: return nil
    }
  }
}

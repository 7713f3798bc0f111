/// A CEL map: entries in insertion order, looked up with CEL key equality, so `1`, `1u` and
/// `1.0` find the same entry. Keys are bool, int, uint or string.
///
/// Small maps (the usual record of a few fields) are searched linearly, which beats hashing;
/// a hash index is built once a map grows past ``linearLimit`` entries.
public struct CELMap: Sendable, Equatable {
  public private(set) var entries: [(key: CELValue, value: CELValue)] = []
  private var index: [MapKey: Int]?

  static let linearLimit = 12

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

  private func position(of key: CELValue) -> Int? {
    if let index {
      guard let k = MapKey(key) else { return nil }
      return index[k]
    }
    guard CELMap.isValidKey(key) || isDouble(key) else { return nil }
    for (i, e) in entries.enumerated() where CELMap.sameKey(e.key, key) { return i }
    return nil
  }

  /// The value for a key under CEL equality; nil when absent or the key is not a valid key.
  public subscript(key: CELValue) -> CELValue? {
    get {
      if case .string(let s) = key { return self[s] }
      return position(of: key).map { entries[$0].value }
    }
    set {
      guard MapKey(key) != nil else { return }
      if let i = position(of: key) {
        if let newValue {
          entries[i].value = newValue
        } else {
          entries.remove(at: i)
          rebuildIndex()
        }
      } else if let newValue {
        append(key, newValue)
      }
    }
  }

  /// The value for a string key, without building a `CELValue` key.
  public subscript(field: String) -> CELValue? {
    if let index { return index[.string(field)].map { entries[$0].value } }
    for e in entries {
      if case .string(let k) = e.key, CELValue.sameScalars(k, field) { return e.value }
    }
    return nil
  }

  /// Adds an entry unless the key is present; false when it was (a repeated key in a literal).
  mutating func insertNew(_ key: CELValue, _ value: CELValue) -> Bool {
    guard MapKey(key) != nil, position(of: key) == nil else { return false }
    append(key, value)
    return true
  }

  private mutating func append(_ key: CELValue, _ value: CELValue) {
    entries.append((key, value))
    if index != nil, let k = MapKey(key) {
      index?[k] = entries.count - 1
    } else if entries.count > CELMap.linearLimit {
      rebuildIndex()
    }
  }

  private mutating func rebuildIndex() {
    guard entries.count > CELMap.linearLimit else {
      index = nil
      return
    }
    var idx: [MapKey: Int] = [:]
    idx.reserveCapacity(entries.count)
    for (j, e) in entries.enumerated() {
      if let k = MapKey(e.key) { idx[k] = j }
    }
    index = idx
  }

  private func isDouble(_ v: CELValue) -> Bool {
    if case .double = v { return true }
    return false
  }

  /// Key equality without allocating: strings by code point, numbers across kinds.
  static func sameKey(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return CELValue.sameScalars(x, y)
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.string, _), (_, .string), (.bool, _), (_, .bool): return false
    default:
      guard let ka = MapKey(a), let kb = MapKey(b) else { return false }
      return ka == kb
    }
  }

  func contains(_ key: CELValue) -> Bool { position(of: key) != nil }

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

/// A key normalised for CEL equality: numbers that are equal hash alike; strings compare by
/// code points (no Unicode normalisation).
private enum MapKey: Hashable {
  case bool(Bool)
  case int(Int64)
  case bigUint(UInt64)
  case string([UInt8])

  init?(_ v: CELValue) {
    switch v {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUint(u)
    case .string(let s): self = .string(Array(s.utf8))
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

  static func string(_ s: String) -> MapKey { .string(Array(s.utf8)) }
}

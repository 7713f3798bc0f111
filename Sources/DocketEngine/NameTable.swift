/// A read-only table keyed by the names a workflow declares (its states, a state's events,
/// its fields), searched linearly while it is small and hashed beyond that.
///
/// Most names are short identifiers, which `String` stores inline: comparing two of them
/// costs a couple of word compares, where hashing one (SipHash) and probing costs ~200
/// instructions. A workflow has a handful of states, each with a few events, and every step
/// looks several of them up, so below ``linearLimit`` entries a scan is the faster search.
struct NameTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let keys: [Key]
  private let values: [Value]
  /// Only for tables larger than ``linearLimit``.
  private let index: [Key: Int]?

  static var linearLimit: Int { 12 }

  /// The table of `pairs`; for a key given twice, the first value wins.
  init(_ pairs: some Sequence<(Key, Value)>) {
    var keys: [Key] = []
    var values: [Value] = []
    var positions: [Key: Int] = [:]
    for (key, value) in pairs where positions[key] == nil {
      positions[key] = keys.count
      keys.append(key)
      values.append(value)
    }
    self.keys = keys
    self.values = values
    self.index = keys.count > Self.linearLimit ? positions : nil
  }

  subscript(key: Key) -> Value? {
    if let index { return index[key].map { values[$0] } }
    for i in keys.indices where keys[i] == key { return values[i] }
    return nil
  }
}

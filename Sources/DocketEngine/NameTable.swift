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

  /// The table of `items`' keys and values; for a key given twice, the first value wins.
  ///
  /// Takes the items and two projections rather than `(key, value)` pairs, and hashes only
  /// tables larger than ``linearLimit``: every array or dictionary of a new element type
  /// costs the static binary its run-time type set-up on first use, and an engine is built
  /// for every command (a pair array and a position dictionary per table were a third of
  /// `Engine(home:)` for `advance`; docs/performance.md §13).
  init<Items: Sequence>(
    _ items: Items, key: (Items.Element) -> Key, value: (Items.Element) -> Value
  ) {
    var keys: [Key] = []
    var values: [Value] = []
    keys.reserveCapacity(items.underestimatedCount)
    values.reserveCapacity(items.underestimatedCount)
    var positions: [Key: Int]?
    for item in items {
      let k = key(item)
      if let positions {
        if positions[k] != nil { continue }
      } else if keys.contains(k) {
        continue
      }
      keys.append(k)
      values.append(value(item))
      if positions != nil {
        positions?[k] = keys.count - 1
      } else if keys.count > Self.linearLimit {
        var index: [Key: Int] = [:]
        index.reserveCapacity(keys.count * 2)
        for (position, k) in keys.enumerated() { index[k] = position }
        positions = index
      }
    }
    self.keys = keys
    self.values = values
    self.index = positions
  }

  /// The table of `pairs`; for a key given twice, the first value wins.
  init(_ pairs: some Sequence<(Key, Value)>) {
    self.init(pairs, key: { $0.0 }, value: { $0.1 })
  }

  subscript(key: Key) -> Value? {
    if let index { return index[key].map { values[$0] } }
    for i in keys.indices where keys[i] == key { return values[i] }
    return nil
  }
}

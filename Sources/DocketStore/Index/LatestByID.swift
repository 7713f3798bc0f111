import DocketModel

/// The last value given for each id, in the order ids first appeared: how an index log is
/// read (later lines win, a removal is a `nil`).
///
/// Logs are mostly in id order (a rebuild or compaction writes them sorted; commits append
/// a few lines), so while ids keep increasing they are simply appended, and a later line
/// finds its id by binary search in that sorted run. Only ids appended out of order go into
/// a (small) hash table. Reading 100,000 lines this way hashes almost nothing.
struct LatestByID<Value> {
  private(set) var ids: [InstanceID] = []
  private(set) var values: [Value?] = []
  /// `ids[0..<sortedCount]` is strictly increasing.
  private var sortedCount = 0
  private var inOrder = true
  private var others: [InstanceID: Int] = [:]

  init(capacity: Int = 0) {
    ids.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  mutating func set(_ id: InstanceID, _ value: Value?) {
    if inOrder {
      if let last = ids.last, !(last < id) {
        inOrder = false
      } else {
        ids.append(id)
        values.append(value)
        sortedCount = ids.count
        return
      }
    }
    if let n = sortedIndex(of: id) ?? others[id] {
      values[n] = value
      return
    }
    others[id] = ids.count
    ids.append(id)
    values.append(value)
  }

  private func sortedIndex(of id: InstanceID) -> Int? {
    var low = 0
    var high = sortedCount
    while low < high {
      let mid = (low + high) / 2
      if ids[mid] < id {
        low = mid + 1
      } else {
        high = mid
      }
    }
    return low < sortedCount && ids[low] == id ? low : nil
  }

  /// The live values, in id order.
  func live() -> [(id: InstanceID, value: Value)] {
    var result: [(id: InstanceID, value: Value)] = []
    result.reserveCapacity(ids.count)
    for (n, id) in ids.enumerated() {
      if let v = values[n] { result.append((id, v)) }
    }
    if !inOrder { result.sort { $0.id < $1.id } }
    return result
  }
}

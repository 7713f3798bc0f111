/// "Did you mean …?" from the names known at the point of an error.
public enum Suggestion {
  /// The known name closest to `name`, if one is close enough to be a likely typo.
  ///
  /// Close enough means an edit distance of at most a third of the longer name (at least 1),
  /// or a case-insensitive match. Ties go to the earlier candidate, so callers control order.
  public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let c = Array(candidate.lowercased().unicodeScalars)
      let limit = max(1, max(target.count, c.count) / 3)
      let d = distance(target, c, limit: limit)
      guard d <= limit else { continue }
      if let b = best, d >= b.distance { continue }
      best = (candidate, d)
    }
    return best?.name
  }

  /// Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
  /// characters as one edit (optimal string alignment), with an early exit once every path
  /// exceeds `limit`. Swaps count once because `handlign` for `handling` is one slip of the
  /// fingers, not two.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d = min(d, beforePrevious[j - 2] + 1)
        }
        current[j] = d
        rowMin = min(rowMin, d)
      }
      if rowMin > limit { return limit + 1 }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}

import Foundation

/// A stretch of working time as absolute instants (seconds since 1970), start < end.
struct WorkingPeriod: Equatable {
  var start: Double
  var end: Double
  var length: Double { end - start }
}

extension BusinessCalendar {
  /// The local date, in this calendar's zone, of an instant (seconds since 1970).
  func localDate(of instant: Double) -> LocalDate {
    // Instants far outside any ticket's life (or not finite) are pinned to ±30,000 years so
    // the date arithmetic below can never trap.
    let instant = instant.isFinite ? min(max(instant, -1e12), 1e12) : 0
    let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
    return LocalDate(daysSinceEpoch: Int(((instant + offset) / 86_400).rounded(.down)))
  }

  /// The instant at which the wall clock of this zone shows `seconds` after midnight of `date`.
  ///
  /// A wall time that happens twice (the hour repeated when clocks go back) means its first
  /// occurrence. A wall time skipped when clocks go forward (02:30 in New York on the spring
  /// change) is read with the offset in force before the change, which lands just after the gap
  /// (03:30), as clocks that were not adjusted would show it.
  func instant(of date: LocalDate, at seconds: Int) -> Double {
    let wall = Double(date.daysSinceEpoch * 86_400 + seconds)
    let before = offset(at: wall - 86_400)
    let after = offset(at: wall + 86_400)
    var candidates: [Double] = []
    for o in [before, after] where offset(at: wall - o) == o {
      candidates.append(wall - o)
    }
    return candidates.min() ?? wall - before
  }

  /// The working periods of a date as instants, in order and not overlapping; empty on a day
  /// off. (Around a skipped hour two wall times can map out of order; later periods are then
  /// clipped so no second is counted twice.)
  func periods(on date: LocalDate) -> [WorkingPeriod] {
    var result: [WorkingPeriod] = []
    for interval in hours(on: date).intervals {
      var s = instant(of: date, at: interval.start.secondsAfterMidnight)
      let e = instant(of: date, at: interval.end.secondsAfterMidnight)
      if let last = result.last { s = max(s, last.end) }
      if e > s { result.append(WorkingPeriod(start: s, end: e)) }
    }
    return result
  }

  private func offset(at instant: Double) -> Double {
    Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
  }
}

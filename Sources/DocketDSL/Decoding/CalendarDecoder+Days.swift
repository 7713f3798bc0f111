import DocketDiagnostics
import DocketModel

/// The dated entries of a calendar so far, each with where it was declared, so a date given a
/// second meaning is reported at the second place with a note at the first.
struct DeclaredDays {
  struct Dated {
    var hours: WorkingHours
    var span: SourceSpan
  }

  var holidays: [LocalDate: SourceSpan] = [:]
  var workdays: [LocalDate: Dated] = [:]
  var halfDays: [LocalDate: Dated] = [:]

  /// Where `date` already has a meaning, and which.
  func existing(_ date: LocalDate) -> (kind: String, span: SourceSpan)? {
    if let s = holidays[date] { return ("a holiday", s) }
    if let d = workdays[date] { return ("a make-up working day", d.span) }
    if let d = halfDays[date] { return ("a half day", d.span) }
    return nil
  }
}

extension CalendarDecoder {
  /// `holidays:`: dates, or `{ date, to?, name? }` ranges (both ends included).
  func holidays(_ node: YAMLNode, into days: inout DeclaredDays) {
    for item in reader.list(node, "'holidays'") ?? [] {
      guard let (first, span, map) = dateEntry(item, "a holiday", keys: Self.holidayKeys) else {
        continue
      }
      var last = first
      if let map, let to = reader.string(in: map, "to", of: "a holiday") {
        guard let end = LocalDate(parsing: to.value) else {
          reader.bag.add(.invalidDate(to.value, at: to.span))
          continue
        }
        let length = end.daysSinceEpoch - first.daysSinceEpoch + 1
        guard (1...Self.longestRange).contains(length) else {
          reader.bag.add(.invalidDateRange(from: first, to: end, at: to.span))
          continue
        }
        last = end
      }
      for offset in 0...(last.daysSinceEpoch - first.daysSinceEpoch) {
        let date = first.adding(days: offset)
        if days.holidays[date] != nil { continue }  // the same holiday twice is harmless
        if let (kind, at) = days.existing(date) {
          reader.bag.add(.conflictingDay(date, is: kind, alsoAs: "a holiday", at: span, first: at))
          continue
        }
        days.holidays[date] = span
      }
    }
  }

  /// `workdays:`: make-up working days, dates or `{ date, hours?, like?, name? }`. Without
  /// `hours:` the day works the hours of weekday `like` (Monday when omitted).
  func workdays(_ node: YAMLNode, week: [Weekday: WorkingHours], into days: inout DeclaredDays) {
    for item in reader.list(node, "'workdays'") ?? [] {
      guard let (date, span, map) = dateEntry(item, "a make-up day", keys: Self.workdayKeys) else {
        continue
      }
      var hours: WorkingHours?
      if let map, let node = map["hours"] {
        guard let h = self.hours(node, "make-up day \(date)") else { continue }
        hours = h
      } else {
        var like = Weekday.monday
        if let map, let name = reader.string(in: map, "like", of: "a make-up day") {
          guard let day = Weekday(rawValue: name.value.lowercased()) else {
            let known = Weekday.allCases.map(\.rawValue)
            reader.bag.add(.unknownWeekday(name.value, closest: name.value, known: known, at: name.span))
            continue
          }
          like = day
        }
        hours = week[like]
        if hours?.isDayOff ?? true {
          reader.bag.add(.workdayWithoutHours(date, like: like, at: span))
          continue
        }
      }
      guard let hours else { continue }
      if let (kind, at) = days.existing(date) {
        reader.bag.add(
          .conflictingDay(date, is: kind, alsoAs: "a make-up working day", at: span, first: at))
        continue
      }
      days.workdays[date] = .init(hours: hours, span: span)
    }
  }

  /// `half_days:`: `{ date, hours, name? }`, normal working days with their own hours.
  func halfDays(_ node: YAMLNode, into days: inout DeclaredDays) {
    for item in reader.list(node, "'half_days'") ?? [] {
      guard item.pairs != nil else {
        _ = reader.mapping(item, "a half day", keys: Self.halfDayKeys)  // reports the wrong type
        continue
      }
      guard let (date, span, entry) = dateEntry(item, "a half day", keys: Self.halfDayKeys),
        let map = entry, let hoursNode = reader.required(map, "hours", in: "a half day"),
        let hours = self.hours(hoursNode, "half day \(date)")
      else { continue }
      if let (kind, at) = days.existing(date) {
        reader.bag.add(.conflictingDay(date, is: kind, alsoAs: "a half day", at: span, first: at))
        continue
      }
      days.halfDays[date] = .init(hours: hours, span: span)
    }
  }

  /// A list entry that is a date (`2026-01-01`) or a mapping with `date:`; reports a bad date.
  /// Returns the date, where it is written, and the mapping if the entry is one.
  private func dateEntry(_ item: YAMLNode, _ what: String, keys: [String])
    -> (LocalDate, SourceSpan, YAMLMap?)?
  {
    let map: YAMLMap?
    let text: Located<String>?
    if item.pairs != nil {
      map = reader.mapping(item, what, keys: keys)
      text = map.flatMap { reader.string(in: $0, "date", required: true, of: what) }
    } else {
      map = nil
      text = reader.string(item, what)
    }
    guard let text else { return nil }
    guard let date = LocalDate(parsing: text.value) else {
      reader.bag.add(.invalidDate(text.value, at: text.span))
      return nil
    }
    return (date, text.span, map)
  }
}

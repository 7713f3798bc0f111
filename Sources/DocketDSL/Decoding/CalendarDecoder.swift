import DocketDiagnostics
import DocketModel
import Foundation

/// Reads a business calendar, `calendars/<id>.yaml` (format: docs/calendars.md), into a
/// ``BusinessCalendar``, reporting every problem at its line and column.
///
/// Bad entries (a date that does not exist, a malformed or overlapping interval, a date given
/// two meanings) are reported and left out, and decoding goes on, so one `docket validate`
/// lists them all. The result is nil only when the id, zone or weekly hours are unusable.
package struct CalendarDecoder {
  static let keys = ["calendar", "title", "timezone", "week", "holidays", "workdays", "half_days"]
  static let holidayKeys = ["date", "to", "name"]
  static let workdayKeys = ["date", "hours", "like", "name"]
  static let halfDayKeys = ["date", "hours", "name"]
  /// A holiday range longer than this is surely a typo (and would bloat the calendar).
  static let longestRange = 366

  let reader: NodeReader
  /// The file stem, which the `calendar:` id must equal.
  let stem: String

  package init(reader: NodeReader, stem: String) {
    self.reader = reader
    self.stem = stem
  }

  /// Decodes one calendar file from its text; `path` is the display path (its stem is the id).
  package static func decode(text: String, path: String) -> (
    calendar: BusinessCalendar?, diagnostics: DiagnosticBag, source: SourceFile
  ) {
    let source = SourceFile(path: path, text: text)
    let reader = NodeReader(file: source)
    let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let calendar = CalendarDecoder(reader: reader, stem: stem).decode(root)
    return (calendar, reader.bag, source)
  }

  /// The calendar of `root`, or nil when it is unusable (the reasons are in the reader's bag).
  package func decode(_ root: YAMLNode?) -> BusinessCalendar? {
    let what = "\(stem).yaml"
    guard let root, !root.isNull else {
      reader.bag.add(
        .missingKey("calendar", in: what, at: SourceSpan(file: reader.file.path, line: 1, column: 1)))
      return nil
    }
    guard let map = reader.mapping(root, "a calendar", keys: Self.keys) else { return nil }
    let id = reader.string(in: map, "calendar", required: true, of: "a calendar")
    if let id { checkID(id) }
    let title = reader.string(in: map, "title", of: "a calendar")?.value
    let zone = timeZone(map)
    let week = map["week"].flatMap { weekHours($0) }
    if week == nil, !map.has("week") { _ = reader.required(map, "week", in: "a calendar") }
    // Dated sections in file order, so a date given a second meaning is reported at the later
    // place in the file.
    var days = DeclaredDays()
    for key in map.keys {
      guard let node = map[key] else { continue }
      switch key {
      case "holidays": holidays(node, into: &days)
      case "workdays": workdays(node, week: week ?? [:], into: &days)
      case "half_days": halfDays(node, into: &days)
      default: break
      }
    }
    guard let zone, let week else { return nil }
    do {
      return try BusinessCalendar(
        id: CalendarID(id?.value ?? stem), title: title, zone: zone, week: week,
        holidays: Set(days.holidays.keys), workdays: days.workdays.mapValues(\.hours),
        halfDays: days.halfDays.mapValues(\.hours))
    } catch {
      // Every conflict is caught (and reported at its node) above; this is a safety net.
      reader.bag.add(.error(error.code, error.message, at: root.span))
      return nil
    }
  }

  private func checkID(_ id: Located<String>) {
    if !IdentifierSyntax.isWorkflowID(id.value) {
      reader.bag.add(.invalidID("calendar id", id.value, rule: "[a-z][a-z0-9_-]*", at: id.span))
    } else if id.value != stem {
      reader.bag.add(.calendarIDMismatch(id.value, stem: stem, at: id.span))
    }
  }

  private func timeZone(_ map: YAMLMap) -> Zone? {
    guard let name = reader.string(in: map, "timezone", required: true, of: "a calendar") else {
      return nil
    }
    // Foundation must know the name too: display code shows times through it.
    guard TimeZone(identifier: name.value) != nil, let zone = Zone(identifier: name.value) else {
      reader.bag.add(.invalidTimeZone(name.value, at: name.span))
      return nil
    }
    return zone
  }

  // MARK: - Weekly hours

  /// `week:`: weekday or weekday range -> hours. A weekday given twice is reported.
  private func weekHours(_ node: YAMLNode) -> [Weekday: WorkingHours]? {
    guard let entries = reader.namedEntries(node, "'week'") else { return nil }
    var week: [Weekday: WorkingHours] = [:]
    var declaredAt: [Weekday: SourceSpan] = [:]
    for (key, value) in entries.entries {
      guard let days = weekdays(key) else { continue }
      let hours = self.hours(value, "the hours of '\(key.value)'")
      for day in days {
        if let first = declaredAt[day] {
          reader.bag.add(.duplicateWeekday(day, at: key.span, first: first))
          continue
        }
        declaredAt[day] = key.span
        if let hours { week[day] = hours }
      }
    }
    return week
  }

  /// `mon`, or a range `mon-fri` (Monday first; `sat-mon` is not a range).
  private func weekdays(_ key: Located<String>) -> [Weekday]? {
    let names = Weekday.allCases.map(\.rawValue)
    let ends = key.value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    let days = ends.compactMap { Weekday(rawValue: $0.lowercased()) }
    guard (1...2).contains(ends.count), days.count == ends.count,
      let first = days.first, let last = days.last, first <= last
    else {
      let unknown = ends.first { Weekday(rawValue: $0.lowercased()) == nil } ?? key.value
      reader.bag.add(.unknownWeekday(key.value, closest: unknown, known: names, at: key.span))
      return nil
    }
    return Array(Weekday.mondayFirst[first.index...last.index])
  }

  /// One interval (`09:00-12:00`) or a list of them; `[]` is a day off. Bad intervals are
  /// reported and left out; overlapping ones are reported at the later one.
  func hours(_ node: YAMLNode, _ what: String) -> WorkingHours? {
    let items: [YAMLNode]
    if node.scalar != nil, !node.isNull {
      items = [node]
    } else if let list = reader.list(node, what) {
      items = list
    } else {
      return nil
    }
    var intervals: [(WorkingInterval, SourceSpan)] = []
    for item in items {
      guard let text = reader.string(item, "an interval of \(what)") else { continue }
      guard let interval = WorkingInterval(parsing: text.value) else {
        reader.bag.add(.invalidInterval(text.value, at: text.span))
        continue
      }
      if let clash = intervals.first(where: { overlaps($0.0, interval) }) {
        reader.bag.add(.overlappingIntervals(clash.0, interval, at: text.span, first: clash.1))
        continue
      }
      intervals.append((interval, text.span))
    }
    return try? WorkingHours(intervals.map(\.0))
  }

  private func overlaps(_ a: WorkingInterval, _ b: WorkingInterval) -> Bool {
    a.start < b.end && b.start < a.end
  }
}

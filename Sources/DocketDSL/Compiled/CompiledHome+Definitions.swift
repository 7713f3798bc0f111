import DocketDiagnostics
import DocketModel
import Foundation
import OrderedCollections

// Settings, staff, calendars, lookups and rules in the compiled home.

extension BinaryWriter {
  mutating func settings(_ s: Settings) {
    string(s.zone.identifier)
    string(s.storePath)
    int(s.ruleDepthLimit)
  }

  mutating func staff(_ staff: Staff) {
    list(staff.members.elements) { w, entry in
      w.string(entry.key.rawValue)
      let m = entry.value
      w.string(m.id.rawValue)
      w.string(m.name)
      w.strings(m.roles.map(\.rawValue))
      w.optional(m.span) { $0.span($1) }
    }
  }

  mutating func calendar(_ c: BusinessCalendar) {
    string(c.id.rawValue)
    optionalString(c.title)
    string(c.zone.identifier)
    list(c.week.sorted { $0.key < $1.key }) { $0.string($1.key.rawValue); $0.hours($1.value) }
    list(c.holidays.sorted()) { $0.date($1) }
    list(c.workdays.sorted { $0.key < $1.key }) { $0.date($1.key); $0.hours($1.value) }
    list(c.halfDays.sorted { $0.key < $1.key }) { $0.date($1.key); $0.hours($1.value) }
  }

  mutating func hours(_ h: WorkingHours) {
    list(h.intervals) { w, i in
      w.natural(i.start.secondsAfterMidnight)
      w.natural(i.end.secondsAfterMidnight)
    }
  }

  mutating func date(_ d: LocalDate) { natural(d.daysSinceEpoch + 719_468) }

  mutating func lookup(_ l: LookupDefinition) {
    string(l.name)
    string(l.workflow.rawValue)
    list(l.keys) { $0.field($1) }
    optional(l.span) { $0.span($1) }
  }

  /// A rule with one section per workflow body, so a reader needing a few workflows skips
  /// the others' bodies unread.
  mutating func rule(_ r: RuleDefinition) {
    string(r.id.rawValue)
    optionalString(r.description)
    string(r.trigger.rawValue)
    strings(r.filter.workflows.map(\.rawValue))
    strings(r.filter.events.map(\.rawValue))
    strings(r.filter.from.map(\.rawValue))
    strings(r.filter.to.map(\.rawValue))
    strings(r.filter.deadlines.map(\.rawValue))
    list(r.bodies.sorted { $0.key < $1.key }) { w, entry in
      w.string(entry.key.rawValue)
      w.section { w in
        w.optional(entry.value.condition) { $0.expression($1) }
        w.list(entry.value.actions) { $0.action($1) }
      }
    }
    string(r.onError.rawValue)
    string(r.file)
    optional(r.span) { $0.span($1) }
  }
}

extension BinaryReader {
  mutating func settings() throws(MalformedBytes) -> Settings {
    guard let zone = Zone(identifier: try string()) else { throw MalformedBytes() }
    return Settings(zone: zone, storePath: try string(), ruleDepthLimit: try int())
  }

  mutating func staff() throws(MalformedBytes) -> Staff {
    Staff(
      members: try ordered { r throws(MalformedBytes) in
        let key = UserID(try r.string())
        let member = StaffMember(
          id: UserID(try r.string()), name: try r.string(),
          roles: try r.strings().map(RoleID.init(rawValue:)), span: try r.optionalSpan())
        return (key, member)
      })
  }

  mutating func calendar() throws(MalformedBytes) -> BusinessCalendar {
    let id = CalendarID(try string())
    let title = try optionalString()
    guard let zone = Zone(identifier: try string()) else { throw MalformedBytes() }
    var week: [Weekday: WorkingHours] = [:]
    for _ in 0..<(try count()) {
      guard let day = Weekday(rawValue: try string()) else { throw MalformedBytes() }
      week[day] = try hours()
    }
    let holidays = Set(try list { r throws(MalformedBytes) in try r.date() })
    var workdays: [LocalDate: WorkingHours] = [:]
    for _ in 0..<(try count()) { workdays[try date()] = try hours() }
    var halfDays: [LocalDate: WorkingHours] = [:]
    for _ in 0..<(try count()) { halfDays[try date()] = try hours() }
    do {
      return try BusinessCalendar(
        id: id, title: title, zone: zone, week: week, holidays: holidays,
        workdays: workdays, halfDays: halfDays)
    } catch {
      throw MalformedBytes()
    }
  }

  mutating func hours() throws(MalformedBytes) -> WorkingHours {
    let intervals = try list { r throws(MalformedBytes) -> WorkingInterval in
      func clock(_ seconds: Int) throws(MalformedBytes) -> ClockTime {
        guard seconds % 60 == 0, let t = ClockTime(hour: seconds / 3600, minute: seconds % 3600 / 60)
        else { throw MalformedBytes() }
        return t
      }
      guard let interval = WorkingInterval(start: try clock(try r.natural()), end: try clock(try r.natural()))
      else { throw MalformedBytes() }
      return interval
    }
    do {
      return try WorkingHours(intervals)
    } catch {
      throw MalformedBytes()
    }
  }

  mutating func date() throws(MalformedBytes) -> LocalDate {
    let days = try natural()
    // Years 1...9999, as `LocalDate` allows.
    guard days < 4_000_000 else { throw MalformedBytes() }
    return LocalDate(daysSinceEpoch: days - 719_468)
  }

  mutating func lookup() throws(MalformedBytes) -> LookupDefinition {
    LookupDefinition(
      name: try string(), workflow: WorkflowID(try string()),
      keys: try list { r throws(MalformedBytes) in try r.field() },
      span: try optionalSpan())
  }

  /// A rule with the bodies of the workflows in `environments` (by id) compiled in them;
  /// the other bodies are skipped, as a partial load leaves them out.
  mutating func rule(environments: [WorkflowID: DeferredEnvironment])
    throws(MalformedBytes) -> RuleDefinition
  {
    let id = RuleID(try string())
    let description = try optionalString()
    guard let trigger = RuleTrigger(rawValue: try string()) else { throw MalformedBytes() }
    let filter = RuleFilter(
      workflows: try strings().map(WorkflowID.init(rawValue:)),
      events: try strings().map(EventName.init(rawValue:)),
      from: try strings().map(StateID.init(rawValue:)),
      to: try strings().map(StateID.init(rawValue:)),
      deadlines: try strings().map(DeadlineName.init(rawValue:)))
    var bodies: [WorkflowID: RuleBody] = [:]
    for _ in 0..<(try count()) {
      let workflow = WorkflowID(try string())
      guard let env = environments[workflow] else {
        try skipSection()
        continue
      }
      var r = try section()
      bodies[workflow] = RuleBody(
        condition: try r.optional { r throws(MalformedBytes) in try r.expression(in: env) },
        actions: try r.list { r throws(MalformedBytes) in try r.action(in: env) })
      guard r.isAtEnd else { throw MalformedBytes() }
    }
    guard let onError = RuleErrorPolicy(rawValue: try string()) else { throw MalformedBytes() }
    return RuleDefinition(
      id: id, description: description, trigger: trigger, filter: filter, bodies: bodies,
      onError: onError, file: try string(), span: try optionalSpan())
  }
}

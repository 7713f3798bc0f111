import DocketModel
import Foundation

/// The instance file format of contract §5, mapped to and from the model's ``Instance``.
///
/// The wire format is kept apart from the domain type so the file layout can only change on
/// purpose: `format` is the layout's version, and a reader refuses one it does not know.
/// Times are written with the home time zone's offset. Deadline keys beyond the contract's
/// (`warn_at`, `warned_at`, `met_at`, `paused_at`, `remaining`) and history keys `note`,
/// `assignee` and `rule` are written only when they have a value.
package enum InstanceRecord {
  /// The layout version this code reads and writes.
  package static let format: Int64 = 1

  // MARK: - Encoding

  /// The file's bytes: pretty-printed, sorted keys, UTF-8, a final newline.
  package static func encode(_ instance: Instance, timeZone: TimeZone) -> [UInt8] {
    var w = JSONWriter(pretty: true, capacity: 2048 + instance.history.count * 256)
    let time = { (date: Date) -> JSONValue in .string(RFC3339.format(date, in: timeZone)) }
    let optionalTime = { (date: Date?) -> JSONValue in date.map(time) ?? .null }
    w.writeObject(topKeys, depth: 0) { w, key in
      switch key {
      case "assignee": w.write(assignee(instance.assignee), depth: 1)
      case "closed_at": w.write(optionalTime(instance.closedAt), depth: 1)
      case "created_at": w.write(time(instance.createdAt), depth: 1)
      case "deadlines":
        let names = instance.deadlines.keys.map(\.rawValue).sorted(by: JSONWriter.keyOrder)
        w.writeObject(names, depth: 1) { w, name in
          if let clock = instance.deadlines[DeadlineName(name)] {
            w.write(deadline(clock, time: time), depth: 2)
          }
        }
      case "digest": w.write(.string(instance.digest), depth: 1)
      case "fields": w.write(.object(instance.fields), depth: 1)
      case "format": w.write(.int(format), depth: 1)
      case "history":
        w.writeArray(instance.history.count, depth: 1) { w, n in
          w.write(historyEntry(instance.history[n], time: time), depth: 2)
        }
      case "id": w.write(.string(instance.id.rawValue), depth: 1)
      case "links":
        w.write(
          .object([
            "parent": instance.links.parent.map { .string($0.rawValue) } ?? .null,
            "children": .array(instance.links.children.map { .string($0.rawValue) }),
          ]), depth: 1)
      case "revision": w.write(.int(Int64(instance.revision)), depth: 1)
      case "state": w.write(.string(instance.state.rawValue), depth: 1)
      case "status": w.write(.string(instance.status.rawValue), depth: 1)
      case "updated_at": w.write(time(instance.updatedAt), depth: 1)
      case "version": w.write(.int(Int64(instance.version)), depth: 1)
      case "workflow": w.write(.string(instance.workflow.rawValue), depth: 1)
      default: break
      }
    }
    w.append("\n")
    return w.bytes
  }

  private static let topKeys = [
    "assignee", "closed_at", "created_at", "deadlines", "digest", "fields", "format", "history",
    "id", "links", "revision", "state", "status", "updated_at", "version", "workflow",
  ]

  private static func assignee(_ a: Assignee) -> JSONValue {
    .object([
      "role": a.role.map { .string($0.rawValue) } ?? .null,
      "user": a.user.map { .string($0.rawValue) } ?? .null,
    ])
  }

  private static func deadline(_ c: DeadlineClock, time: (Date) -> JSONValue) -> JSONValue {
    var o: [String: JSONValue] = [
      "state": .string(c.state.rawValue),
      "started_at": time(c.startedAt),
      "due_at": time(c.dueAt),
      "breached_at": c.breachedAt.map(time) ?? .null,
    ]
    if let d = c.warnedAt { o["warned_at"] = time(d) }
    if let d = c.warnAt { o["warn_at"] = time(d) }
    if let d = c.metAt { o["met_at"] = time(d) }
    if let d = c.pausedAt { o["paused_at"] = time(d) }
    if let r = c.remainingSeconds { o["remaining"] = .string(DocketDuration(seconds: r).description) }
    return .object(o)
  }

  private static func historyEntry(_ h: HistoryEntry, time: (Date) -> JSONValue) -> JSONValue {
    var o: [String: JSONValue] = [
      "seq": .int(Int64(h.seq)),
      "at": time(h.at),
      "actor": .string(h.actor.rawValue),
      "event": .string(h.event),
      "from": h.from.map { .string($0.rawValue) } ?? .null,
      "to": h.to.map { .string($0.rawValue) } ?? .null,
      "set": .object(h.set),
    ]
    if let note = h.note { o["note"] = .string(note) }
    if let a = h.assignee { o["assignee"] = assignee(a) }
    if let rule = h.rule { o["rule"] = .string(rule) }
    return .object(o)
  }

  // MARK: - Decoding

  /// Why a file is not a valid instance file (the store adds the path).
  package struct DecodingError: Error, Sendable {
    package var reason: String
  }

  /// Reads an instance file's bytes.
  package static func decode(_ bytes: [UInt8]) throws(DecodingError) -> Instance {
    let root: JSONValue
    do {
      root = try JSONReader.parse(bytes)
    } catch {
      throw DecodingError(reason: error.description)
    }
    guard case .object(let o) = root else {
      throw DecodingError(reason: "not an instance file: expected a JSON object")
    }
    var r = Fields(o, context: "")
    let format = try r.int("format")
    guard format == Self.format else {
      throw DecodingError(
        reason: "instance file format \(format) is not supported (this docket reads format 1)")
    }
    let id = InstanceID(try r.string("id"))
    guard id.isWellFormed else { throw DecodingError(reason: "'id' \"\(id)\" is not a ticket id") }
    let statusText = try r.string("status")
    guard let status = InstanceStatus(rawValue: statusText) else {
      throw DecodingError(reason: "'status' must be \"open\" or \"closed\", not \"\(statusText)\"")
    }
    var deadlines: [DeadlineName: DeadlineClock] = [:]
    for (name, value) in try r.object("deadlines") {
      deadlines[DeadlineName(name)] = try deadline(value, context: "deadlines.\(name)")
    }
    var links = Fields(try r.object("links"), context: "links.")
    var history: [HistoryEntry] = []
    for (n, v) in try r.array("history").enumerated() {
      history.append(try historyEntry(v, context: "history[\(n)]"))
    }
    let parent = try links.optionalString("parent").map { InstanceID($0) }
    var children: [InstanceID] = []
    for v in try links.array("children") {
      guard case .string(let s) = v else {
        throw DecodingError(reason: "'links.children' must hold ticket ids")
      }
      children.append(InstanceID(s))
    }
    let workflow = WorkflowID(try r.string("workflow"))
    let version = Int(try r.int("version"))
    let digest = try r.string("digest")
    let state = StateID(try r.string("state"))
    let fields = try r.object("fields")
    let who = try assignee(try r.value("assignee"), context: "assignee")
    let createdAt = try r.time("created_at")
    let updatedAt = try r.time("updated_at")
    let closedAt = try r.optionalTime("closed_at")
    let revision = Int(try r.int("revision"))
    return Instance(
      id: id, workflow: workflow, version: version, digest: digest, state: state,
      status: status, fields: fields, assignee: who, createdAt: createdAt,
      updatedAt: updatedAt, closedAt: closedAt, deadlines: deadlines,
      links: Links(parent: parent, children: children), history: history, revision: revision)
  }

  private static func assignee(_ v: JSONValue, context: String) throws(DecodingError) -> Assignee {
    guard case .object(let o) = v else {
      throw DecodingError(reason: "'\(context)' must be an object")
    }
    var r = Fields(o, context: context + ".")
    return Assignee(
      role: try r.optionalString("role").map { RoleID($0) },
      user: try r.optionalString("user").map { UserID($0) })
  }

  private static func deadline(_ v: JSONValue, context: String) throws(DecodingError) -> DeadlineClock {
    guard case .object(let o) = v else {
      throw DecodingError(reason: "'\(context)' must be an object")
    }
    var r = Fields(o, context: context + ".")
    let stateText = try r.string("state")
    guard let state = DeadlineClock.State(rawValue: stateText) else {
      throw DecodingError(
        reason: "'\(context).state' must be running, paused, met or breached, not \"\(stateText)\"")
    }
    var remaining: Int64?
    if let text = try r.optionalString("remaining") {
      guard let d = DocketDuration(parsing: text) else {
        throw DecodingError(reason: "'\(context).remaining' is not a duration: \"\(text)\"")
      }
      remaining = d.seconds
    }
    let startedAt = try r.time("started_at")
    let dueAt = try r.time("due_at")
    let breachedAt = try r.optionalTime("breached_at")
    let warnedAt = try r.optionalTime("warned_at")
    let warnAt = try r.optionalTime("warn_at")
    let metAt = try r.optionalTime("met_at")
    let pausedAt = try r.optionalTime("paused_at")
    return DeadlineClock(
      state: state, startedAt: startedAt, dueAt: dueAt, breachedAt: breachedAt,
      warnedAt: warnedAt, warnAt: warnAt, metAt: metAt, pausedAt: pausedAt,
      remainingSeconds: remaining)
  }

  private static func historyEntry(_ v: JSONValue, context: String) throws(DecodingError) -> HistoryEntry {
    guard case .object(let o) = v else {
      throw DecodingError(reason: "'\(context)' must be an object")
    }
    var r = Fields(o, context: context + ".")
    var who: Assignee?
    if let a = o["assignee"], !a.isNull { who = try assignee(a, context: context + ".assignee") }
    let seq = Int(try r.int("seq"))
    let at = try r.time("at")
    let actor = UserID(try r.string("actor"))
    let event = try r.string("event")
    let from = try r.optionalString("from").map { StateID($0) }
    let to = try r.optionalString("to").map { StateID($0) }
    let note = try r.optionalString("note")
    let rule = try r.optionalString("rule")
    let set = o["set"].flatMap(\.objectValue) ?? [:]
    return HistoryEntry(
      seq: seq, at: at, actor: actor, event: event, from: from, to: to, set: set, note: note,
      assignee: who, rule: rule)
  }

  /// Typed access to an object's members, with errors that name the key.
  private struct Fields {
    let o: [String: JSONValue]
    let context: String

    init(_ o: [String: JSONValue], context: String) {
      self.o = o
      self.context = context
    }

    func value(_ key: String) throws(DecodingError) -> JSONValue {
      guard let v = o[key] else { throw DecodingError(reason: "missing '\(context)\(key)'") }
      return v
    }

    func wrongType(_ key: String, _ expected: String) -> DecodingError {
      DecodingError(reason: "'\(context)\(key)' must be \(expected)")
    }

    mutating func string(_ key: String) throws(DecodingError) -> String {
      guard case .string(let s) = try value(key) else { throw wrongType(key, "a string") }
      return s
    }

    mutating func optionalString(_ key: String) throws(DecodingError) -> String? {
      switch o[key] {
      case nil, .null?: return nil
      case .string(let s)?: return s
      default: throw wrongType(key, "a string or null")
      }
    }

    mutating func int(_ key: String) throws(DecodingError) -> Int64 {
      guard case .int(let i) = try value(key) else { throw wrongType(key, "an integer") }
      return i
    }

    mutating func object(_ key: String) throws(DecodingError) -> [String: JSONValue] {
      guard case .object(let m) = try value(key) else { throw wrongType(key, "an object") }
      return m
    }

    mutating func array(_ key: String) throws(DecodingError) -> [JSONValue] {
      guard case .array(let a) = try value(key) else { throw wrongType(key, "an array") }
      return a
    }

    mutating func time(_ key: String) throws(DecodingError) -> Date {
      let text = try string(key)
      guard let d = RFC3339.parse(text) else {
        throw DecodingError(reason: "'\(context)\(key)' is not an RFC 3339 time: \"\(text)\"")
      }
      return d
    }

    mutating func optionalTime(_ key: String) throws(DecodingError) -> Date? {
      guard let text = try optionalString(key) else { return nil }
      guard let d = RFC3339.parse(text) else {
        throw DecodingError(reason: "'\(context)\(key)' is not an RFC 3339 time: \"\(text)\"")
      }
      return d
    }
  }
}

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
  ///
  /// Members with fixed keys (the ticket's, a deadline's, a history entry's) are written in
  /// their sorted order straight from the model; only the free-form `fields` and `set` maps
  /// go through ``JSONValue``. Building a dictionary per history entry and deadline, sorting
  /// its keys and looking each one up again was a third of every commit (docs/performance.md
  /// §13); `InstanceRecordTests` holds the bytes to the golden files.
  package static func encode(_ instance: Instance, zone: Zone) -> [UInt8] {
    var w = JSONWriter(pretty: true, capacity: 2048 + instance.history.count * 256)
    let time = { (date: Date) -> String in RFC3339.format(date, in: zone) }
    w.writeObject(topKeys, depth: 0) { w, key in
      switch key {
      case "assignee": writeAssignee(instance.assignee, depth: 1, into: &w)
      case "closed_at": w.writeString(instance.closedAt.map(time))
      case "created_at": w.writeString(time(instance.createdAt))
      case "deadlines":
        let names = instance.deadlines.keys.map { $0.rawValue }.sorted(by: JSONWriter.keyOrder)
        w.writeObject(names, depth: 1) { w, name in
          if let clock = instance.deadlines[DeadlineName(name)] {
            writeDeadline(clock, depth: 2, time: time, into: &w)
          }
        }
      case "digest": w.writeString(instance.digest)
      case "fields": w.write(.object(instance.fields), depth: 1)
      case "format": w.append(String(format))
      case "history":
        w.writeArray(instance.history.count, depth: 1) { w, n in
          writeHistoryEntry(instance.history[n], depth: 2, time: time, into: &w)
        }
      case "id": w.writeString(instance.id.rawValue)
      case "links":
        w.writeObject(["children", "parent"], depth: 1) { w, key in
          if key == "parent" {
            w.writeString(instance.links.parent?.rawValue)
          } else {
            let children = instance.links.children
            w.writeArray(children.count, depth: 2) { w, n in w.writeString(children[n].rawValue) }
          }
        }
      case "revision": w.append(String(instance.revision))
      case "state": w.writeString(instance.state.rawValue)
      case "status": w.writeString(instance.status.rawValue)
      case "updated_at": w.writeString(time(instance.updatedAt))
      case "version": w.append(String(instance.version))
      case "workflow": w.writeString(instance.workflow.rawValue)
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

  private static func writeAssignee(_ a: Assignee, depth: Int, into w: inout JSONWriter) {
    w.writeObject(["role", "user"], depth: depth) { w, key in
      w.writeString(key == "role" ? a.role?.rawValue : a.user?.rawValue)
    }
  }

  /// A deadline's members; the optional ones only when set. Keys in sorted order.
  private static func writeDeadline(
    _ c: DeadlineClock, depth: Int, time: (Date) -> String, into w: inout JSONWriter
  ) {
    var keys = ["breached_at", "due_at"]
    if c.metAt != nil { keys.append("met_at") }
    if c.pausedAt != nil { keys.append("paused_at") }
    if c.remainingSeconds != nil { keys.append("remaining") }
    keys.append("started_at")
    keys.append("state")
    if c.warnAt != nil { keys.append("warn_at") }
    if c.warnedAt != nil { keys.append("warned_at") }
    w.writeObject(keys, depth: depth) { w, key in
      switch key {
      case "breached_at": w.writeString(c.breachedAt.map(time))
      case "due_at": w.writeString(time(c.dueAt))
      case "met_at": w.writeString(c.metAt.map(time))
      case "paused_at": w.writeString(c.pausedAt.map(time))
      case "remaining": w.writeString(c.remainingSeconds.map { DocketDuration(seconds: $0).description })
      case "started_at": w.writeString(time(c.startedAt))
      case "state": w.writeString(c.state.rawValue)
      case "warn_at": w.writeString(c.warnAt.map(time))
      case "warned_at": w.writeString(c.warnedAt.map(time))
      default: break
      }
    }
  }

  /// A history entry's members; `assignee`, `note` and `rule` only when set. Keys in sorted
  /// order.
  private static func writeHistoryEntry(
    _ h: HistoryEntry, depth: Int, time: (Date) -> String, into w: inout JSONWriter
  ) {
    var keys = ["actor"]
    if h.assignee != nil { keys.append("assignee") }
    keys.append("at")
    keys.append("event")
    keys.append("from")
    if h.note != nil { keys.append("note") }
    if h.rule != nil { keys.append("rule") }
    keys.append("seq")
    keys.append("set")
    keys.append("to")
    w.writeObject(keys, depth: depth) { w, key in
      switch key {
      case "actor": w.writeString(h.actor.rawValue)
      case "assignee": if let a = h.assignee { writeAssignee(a, depth: depth + 1, into: &w) }
      case "at": w.writeString(time(h.at))
      case "event": w.writeString(h.event)
      case "from": w.writeString(h.from?.rawValue)
      case "note": w.writeString(h.note)
      case "rule": w.writeString(h.rule)
      case "seq": w.append(String(h.seq))
      case "set": w.write(.object(h.set), depth: depth + 1)
      case "to": w.writeString(h.to?.rawValue)
      default: break
      }
    }
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

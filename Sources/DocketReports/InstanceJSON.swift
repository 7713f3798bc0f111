import DocketModel
import Foundation

/// Instances as `--json` documents: the contract §5 file shape, so scripts that read
/// `docket show --json` and scripts that read `data/instances/…` see the same keys.
public enum InstanceJSON {
  public static func document(_ instance: Instance, zone: TimeZone) -> JSONValue {
    func time(_ d: Date?) -> JSONValue { d.map { .string(RFC3339.format($0, in: zone)) } ?? .null }
    var deadlines: [String: JSONValue] = [:]
    for (name, clock) in instance.deadlines {
      deadlines[name.rawValue] = .object([
        "state": .string(clock.state.rawValue), "started_at": time(clock.startedAt),
        "due_at": time(clock.dueAt), "breached_at": time(clock.breachedAt),
      ])
    }
    return .object([
      "format": 1, "id": .string(instance.id.rawValue),
      "workflow": .string(instance.workflow.rawValue), "version": .int(Int64(instance.version)),
      "digest": .string(instance.digest), "state": .string(instance.state.rawValue),
      "status": .string(instance.status.rawValue), "fields": .object(instance.fields),
      "assignee": assignee(instance.assignee),
      "created_at": time(instance.createdAt), "updated_at": time(instance.updatedAt),
      "closed_at": time(instance.closedAt), "deadlines": .object(deadlines),
      "links": .object([
        "parent": instance.links.parent.map { .string($0.rawValue) } ?? .null,
        "children": .array(instance.links.children.map { .string($0.rawValue) }),
      ]),
      "history": .array(instance.history.map { history($0, zone: zone) }),
      "revision": .int(Int64(instance.revision)),
    ])
  }

  public static func assignee(_ a: Assignee) -> JSONValue {
    .object([
      "role": a.role.map { .string($0.rawValue) } ?? .null,
      "user": a.user.map { .string($0.rawValue) } ?? .null,
    ])
  }

  public static func history(_ entry: HistoryEntry, zone: TimeZone) -> JSONValue {
    var o: [String: JSONValue] = [
      "seq": .int(Int64(entry.seq)), "at": .string(RFC3339.format(entry.at, in: zone)),
      "actor": .string(entry.actor.rawValue), "event": .string(entry.event),
      "from": entry.from.map { .string($0.rawValue) } ?? .null,
      "to": entry.to.map { .string($0.rawValue) } ?? .null, "set": .object(entry.set),
    ]
    if let note = entry.note { o["note"] = .string(note) }
    if let a = entry.assignee { o["assignee"] = assignee(a) }
    if let rule = entry.rule { o["rule"] = .string(rule) }
    return .object(o)
  }
}

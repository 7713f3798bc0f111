import DocketModel
import Foundation

/// `docket history`: a ticket's timeline, oldest first, one block per step.
public struct HistoryView: Sendable {
  public var instance: Instance
  public var definition: WorkflowDefinition?
  public var staff: Staff
  public var zone: TimeZone

  public init(instance: Instance, definition: WorkflowDefinition?, staff: Staff, zone: TimeZone) {
    self.instance = instance
    self.definition = definition
    self.staff = staff
    self.zone = zone
  }

  public func render(palette: Palette = .plain) -> String {
    let names = Names(definition: definition, staff: staff)
    var out = palette.bold("\(instance.id.rawValue)  \(definition?.displayName ?? instance.workflow.rawValue)") + "\n"
    for entry in instance.history {
      let who = entry.actor == .system ? palette.dim("system") : names.user(entry.actor)
      var move = ""
      switch (entry.from, entry.to) {
      case (nil, let to?): move = "→ " + names.state(to)
      case (let from?, let to?) where from == to: move = "(stays in \(names.state(to)))"
      case (let from?, let to?): move = names.state(from) + " → " + names.state(to)
      default: break
      }
      out += palette.dim(String(format: "%3d  ", entry.seq)) + TimeText.local(entry.at, in: zone)
      out += "  " + palette.accent(entry.event) + "  " + who
      out += move.isEmpty ? "\n" : "  " + move + "\n"
      let indent = "       "
      if let rule = entry.rule { out += indent + palette.dim("by rule \(rule)") + "\n" }
      for (key, value) in entry.set.sorted(by: { order($0.key) < order($1.key) }) {
        let field = definition?.fields[FieldName(key)]
        let label = field?.displayName ?? key
        out += indent + "\(label): \(FieldText.render(value, type: field?.type, zone: zone))\n"
      }
      if let a = entry.assignee { out += indent + "owner: \(names.assignee(a))\n" }
      if let note = entry.note { out += indent + "note: \(note)\n" }
    }
    return out
  }

  /// Fields in the workflow's order (unknown keys last, by name), so steps read like forms.
  private func order(_ key: String) -> (Int, String) {
    (definition?.fields.index(forKey: FieldName(key)) ?? Int.max, key)
  }

  public var json: JSONValue {
    .object([
      "id": .string(instance.id.rawValue),
      "history": .array(instance.history.map { InstanceJSON.history($0, zone: zone) }),
    ])
  }
}

import DocketDiagnostics
import DocketModel
import Foundation

/// `docket show`: one ticket as a staff member needs it: where it is, who has it, what is
/// due, and what they may do next (and why not, for the rest).
public struct InstanceView: Sendable {
  public var instance: Instance
  /// The definition the ticket is pinned to; nil only if it cannot be found (ids are shown).
  public var definition: WorkflowDefinition?
  public var staff: Staff
  public var choices: [EventChoice]
  public var now: Date
  public var zone: TimeZone

  public init(
    instance: Instance, definition: WorkflowDefinition?, staff: Staff, choices: [EventChoice],
    now: Date, zone: TimeZone
  ) {
    self.instance = instance
    self.definition = definition
    self.staff = staff
    self.choices = choices
    self.now = now
    self.zone = zone
  }

  public func render(palette: Palette = .plain) -> String {
    let names = Names(definition: definition, staff: staff)
    let title = definition?.displayName ?? instance.workflow.rawValue
    var out = "\(palette.bold(palette.accent(instance.id.rawValue)))  \(palette.bold(title))"
    out += palette.dim(" (\(instance.workflow.rawValue) v\(instance.version))") + "\n"

    var header = TextTable(columns: [.init("", maxWidth: 12), .init("", maxWidth: 80)])
    let status = instance.isOpen ? "" : palette.dim("  [closed]")
    header.append(["State", .init(names.state(instance.state) + status)])
    header.append(["Owner", .init(names.assignee(instance.assignee))])
    header.append(["Created", .init(TimeText.local(instance.createdAt, in: zone))])
    header.append(["Updated", .init(TimeText.local(instance.updatedAt, in: zone))])
    if let closed = instance.closedAt {
      header.append(["Closed", .init(TimeText.local(closed, in: zone))])
    }
    out += dropHeader(header.render(palette: palette))

    out += section("Fields", fieldsTable(names: names), palette: palette)
    out += section("Deadlines", deadlinesTable(palette: palette), palette: palette)
    if instance.isOpen {
      out += section("You can", allowedTable(names: names, palette: palette), palette: palette)
      out += section("Not now", refusedTable(palette: palette), palette: palette)
    }
    return out
  }

  private func fieldsTable(names: Names) -> TextTable? {
    var table = TextTable(columns: [.init("", maxWidth: 24), .init("", maxWidth: 60)])
    var seen = Set<String>()
    for field in definition?.fields.values.map({ $0 }) ?? [] {
      seen.insert(field.name.rawValue)
      let value = instance.fields[field.name.rawValue] ?? .null
      guard !value.isNull else { continue }
      table.append([
        .init(field.displayName), .init(FieldText.render(value, type: field.type, zone: zone)),
      ])
    }
    for (key, value) in instance.fields.sorted(by: { $0.key < $1.key })
    where !seen.contains(key) && !value.isNull {
      table.append([.init(key), .init(FieldText.render(value, type: nil, zone: zone))])
    }
    return table.rows.isEmpty ? nil : table
  }

  private func deadlinesTable(palette: Palette) -> TextTable? {
    guard !instance.deadlines.isEmpty else { return nil }
    var table = TextTable(columns: [
      .init("", maxWidth: 30), .init("", maxWidth: 24), .init("", maxWidth: 24),
    ])
    for (name, clock) in instance.deadlines.sorted(by: { ($0.value.dueAt, $0.key) < ($1.value.dueAt, $1.key) }) {
      let label = definition?.deadline(named: name)?.displayName ?? name.rawValue
      let status = DeadlineStatus(clock, now: now)
      let when =
        clock.state == .breached
        ? clock.breachedAt.map { "at " + TimeText.local($0, in: zone) } ?? ""
        : "due " + TimeText.local(clock.dueAt, in: zone)
      table.append([.init(label), .init(status.text, paint: status.paint(palette)), .init(when)])
    }
    return table
  }

  private func allowedTable(names: Names, palette: Palette) -> TextTable? {
    var table = TextTable(columns: [
      .init("", maxWidth: 24), .init("", maxWidth: 40), .init("", maxWidth: 60),
    ])
    for choice in choices where choice.isAllowed {
      let to = choice.targets.map(names.state).joined(separator: " | ")
      table.append([
        .init(choice.event.rawValue, paint: palette.good), .init("→ " + to),
        .init(choice.hint ?? "", paint: palette.dim),
      ])
    }
    return table.rows.isEmpty ? nil : table
  }

  private func refusedTable(palette: Palette) -> TextTable? {
    var table = TextTable(columns: [.init("", maxWidth: 24), .init("", maxWidth: 100)])
    for choice in choices where !choice.isAllowed {
      table.append([
        .init(choice.event.rawValue, paint: palette.dim),
        .init(choice.refusalMessage ?? choice.refusalCode ?? "refused"),
      ])
    }
    return table.rows.isEmpty ? nil : table
  }

  private func section(_ title: String, _ table: TextTable?, palette: Palette) -> String {
    guard let table else { return "" }
    let body = dropHeader(table.render(palette: palette))
    return "\n" + palette.bold(title) + "\n" + body.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map { "  " + $0 + "\n" }.joined()
  }

  /// Tables here have no titles: drop the (empty) header line.
  private func dropHeader(_ rendered: String) -> String {
    guard let newline = rendered.firstIndex(of: "\n") else { return rendered }
    return String(rendered[rendered.index(after: newline)...])
  }

  /// The instance as `show --json` prints it: the file shape plus `options` and `now`.
  public var json: JSONValue {
    guard case .object(var o) = InstanceJSON.document(instance, zone: zone) else { return .null }
    o["options"] = .array(choices.map(\.json))
    var deadlines: [String: JSONValue] = [:]
    for (name, clock) in instance.deadlines {
      deadlines[name.rawValue] = .string(DeadlineStatus(clock, now: now).text)
    }
    o["deadline_status"] = .object(deadlines)
    return .object(o)
  }
}

/// Display names for ids: labels from the definition, people's names from staff.
struct Names {
  var definition: WorkflowDefinition?
  var staff: Staff

  func state(_ id: StateID) -> String {
    guard let label = definition?.states[id]?.label, label != id.rawValue else { return id.rawValue }
    return "\(label) (\(id.rawValue))"
  }

  func role(_ id: RoleID) -> String {
    definition?.roles[id].flatMap { $0 == id.rawValue ? nil : $0 } ?? id.rawValue
  }

  func user(_ id: UserID) -> String {
    guard let name = staff[id]?.name, name != id.rawValue else { return id.rawValue }
    return "\(name) (\(id.rawValue))"
  }

  func userShort(_ id: UserID) -> String { staff[id]?.name ?? id.rawValue }

  /// `李伟 (li.wei) · 客服专员`, or `queue: 客服主管` when no one holds it yet.
  func assignee(_ a: Assignee) -> String {
    switch (a.user, a.role) {
    case (let user?, let role?): "\(self.user(user)) · \(self.role(role))"
    case (let user?, nil): self.user(user)
    case (nil, let role?): "queue: \(self.role(role))"
    case (nil, nil): "—"
    }
  }
}

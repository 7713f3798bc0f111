import DocketKit
import Foundation

/// `docket explain`: the answer first (allowed, or the refusal `advance` would give), then
/// every check in the order `advance` makes them, each with its value, then what would change.
public struct ExplanationView: Sendable {
  public var explanation: Explanation
  /// The definition the ticket is pinned to (labels); nil shows ids.
  public var definition: WorkflowDefinition?
  public var staff: Staff
  public var zone: TimeZone
  /// Every workflow of the home, to name the tickets rules would start or change.
  public var workflows: [WorkflowID: WorkflowDefinition]

  public init(
    explanation: Explanation, definition: WorkflowDefinition?, staff: Staff, zone: TimeZone,
    workflows: [WorkflowID: WorkflowDefinition] = [:]
  ) {
    self.explanation = explanation
    self.definition = definition
    self.staff = staff
    self.zone = zone
    self.workflows = workflows
  }

  private var names: Names { Names(definition: definition, staff: staff) }

  public func render(palette: Palette = .plain) -> String {
    let e = explanation
    let names = self.names
    let ticket = e.instance
    var out = palette.bold(
      "What if \(names.user(e.actor)) fired '\(e.event)' on \(ticket.id) now?") + "\n"
    out += "  \(definition?.displayName ?? ticket.workflow.rawValue) · \(names.state(ticket.state))"
    out += " · owner \(names.assignee(ticket.assignee))\n\n"
    switch e.outcome {
    case .success:
      let to = e.after.map { names.state($0.state) } ?? "?"
      out += palette.good("allowed") + ": \(names.state(ticket.state)) → \(to)\n"
    case .failure(let refusal):
      out += palette.bad("refused (\(refusal.code))") + ": \(refusal.message)\n"
    }
    if e.unavailable == nil {
      out += "\n" + checks(palette: palette)
      if case .failure = e.outcome, let target = e.target {
        out += palette.dim("  (once allowed, it would lead to \(names.state(target)))") + "\n"
      }
    }
    let effects = self.effects()
    if !effects.isEmpty {
      out += "\nIt would:\n" + effects.map { "  \($0)\n" }.joined()
    }
    return out + palette.dim("(nothing was changed)") + "\n"
  }

  /// One line per check: ✓ passed, ✗ would refuse, · information.
  private func checks(palette: Palette) -> String {
    let e = explanation
    let names = self.names
    var lines: [(mark: String, name: String, text: String)] = []
    func mark(_ ok: Bool) -> String { ok ? palette.good("✓") : palette.bad("✗") }
    if let roles = e.roles {
      let allowed = (roles.allowed ?? roles.workflowRoles).map(names.role)
      let any = roles.allowed == nil ? "any role of the workflow: " : ""
      let held = e.actor == .system
        ? "system is never restricted"
        : e.actorRoles.isEmpty
          ? "\(e.actor) holds no role" : "\(e.actor) holds \(e.actorRoles.map(names.role).joined(separator: ", "))"
      lines.append((mark(roles.isPermitted), "by", "\(any)\(allowed.joined(separator: ", ")); \(held)"))
    }
    if let problem = e.inputProblem {
      lines.append((mark(false), "input", problem.message))
    }
    for r in e.required {
      lines.append(
        (mark(r.isFilled), "require", "\(fieldName(r.field)): \(r.isFilled ? "filled" : "empty")"))
    }
    if let g = e.guardCheck {
      var text = "\(g.expression) → \(Self.text(g.value))"
      if let message = g.message, !g.value.holds { text += " (\(message))" }
      lines.append((mark(g.value.holds), "if", text))
    }
    for a in e.assignments {
      let value: String
      switch a.value {
      case .success(let v): value = FieldText.render(v, type: definition?.fields[a.field]?.type, zone: zone)
      case .failure(let r): value = "cannot: \(r.message)"
      }
      lines.append(("·", "set", "\(a.field) = \(a.expression) → \(value)"))
    }
    for (index, b) in e.branches.enumerated() {
      let condition = b.condition.map { "\($0.expression) → \(Self.text($0.value))" } ?? "else"
      let taken = b.isChosen ? palette.good("  ← taken") : ""
      let ok = b.condition?.value.holds ?? true
      lines.append(
        (b.isChosen ? mark(true) : ok ? "·" : mark(false), "branch \(index + 1)",
          "\(condition), to \(names.state(b.target))\(taken)"))
    }
    if e.branches.contains(where: \.isChosen) == false, !e.branches.isEmpty {
      lines.append((mark(false), "branch", "no branch would be taken"))
    }
    switch e.note {
    case .required: lines.append((mark(e.noteGiven), "note", e.noteGiven ? "required, given" : "required, none given"))
    case .optional: lines.append(("·", "note", e.noteGiven ? "optional, given" : "optional"))
    case .none: break
    }
    return lines.map { "  \($0.mark) \($0.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.text)\n" }
      .joined()
  }

  /// What the step would change, when it would be taken.
  private func effects() -> [String] {
    let e = explanation
    let names = self.names
    guard let after = e.after else { return [] }
    var lines = ["move to \(names.state(after.state))" + (after.isOpen ? "" : " (closes the ticket)")]
    if after.assignee != e.instance.assignee {
      lines.append("hand over: \(names.assignee(e.instance.assignee)) → \(names.assignee(after.assignee))")
    } else {
      lines.append("keep the owner: \(names.assignee(after.assignee))")
    }
    for change in e.clockChanges {
      let label = definition?.deadline(named: change.name)?.displayName ?? change.name.rawValue
      switch change.kind {
      case .starts: lines.append("start the clock \(label), due \(TimeText.local(change.clock.dueAt, in: zone))")
      case .pauses: lines.append("pause the clock \(label)")
      case .resumes: lines.append("resume the clock \(label), due \(TimeText.local(change.clock.dueAt, in: zone))")
      case .met: lines.append("stop the clock \(label): met")
      case .breached: lines.append("mark the clock \(label) breached")
      }
    }
    for f in e.firedRules {
      switch f.outcome {
      case .applied: lines.append("fire rule '\(f.rule)' on \(f.instance)")
      case .skipped(let reason): lines.append("fire rule '\(f.rule)' on \(f.instance), skipped: \(reason)")
      }
    }
    for other in e.otherChanges {
      let verb = other.revision == 1 ? "start" : "change"
      let otherWorkflow = workflows[other.workflow]
      let place = Names(definition: otherWorkflow, staff: staff).state(other.state)
      lines.append("\(verb) \(other.id) (\(otherWorkflow?.displayName ?? other.workflow.rawValue), \(place))")
    }
    for m in e.outbox {
      lines.append("notify \(m.to.map(names.role).joined(separator: ", ")): \(m.message)")
    }
    return lines
  }

  private func fieldName(_ field: FieldName) -> String {
    guard let label = definition?.fields[field]?.label, label != field.rawValue else { return field.rawValue }
    return "\(label) (\(field.rawValue))"
  }

  static func text(_ value: ConditionValue) -> String {
    switch value {
    case .isTrue: "true"
    case .isFalse: "false"
    case .notBoolean(let v): "\(v) (not a bool)"
    case .error(let reason, let location): "error: \(reason)" + (location.map { " at \($0)" } ?? "")
    }
  }
}

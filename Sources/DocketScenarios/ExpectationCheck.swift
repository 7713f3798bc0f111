import DocketKit
import Foundation

/// Compares one `expect:` with what a step left behind. Pure: reads only its inputs.
struct ExpectationCheck {
  /// One check that did not hold.
  struct Mismatch {
    var span: SourceSpan
    var message: String
    var expected: [String]
    var actual: [String]
  }

  let expect: Expectation
  /// The ticket the expectation checks (nil when none exists, e.g. a refused `new`).
  let ticket: Instance?
  let refusal: DocketError?
  /// Outbox lines this step appended.
  let appended: [OutboxMessage]
  let children: [Instance]
  let zone: TimeZone

  func mismatches() -> [Mismatch] {
    var found: [Mismatch] = []
    found += checkError()
    let ticketChecks: [(SourceSpan, String)?] = [
      expect.state.map { ($0.span, "state") }, expect.status.map { ($0.span, "status") },
      expect.assignee.map { ($0.span, "assignee") }, expect.fields.map { ($0.span, "fields") },
      expect.deadlines.map { ($0.span, "deadlines") }, expect.children.map { ($0.span, "children") },
      expect.history.map { ($0.span, "history") },
    ]
    guard let ticket else {
      for case let (span, key)? in ticketChecks {
        found.append(
          Mismatch(
            span: span, message: "expected \(key) of a ticket, but there is no ticket to check",
            expected: ["a ticket\(expect.ref.map { " '\($0)'" } ?? "")"], actual: ["no ticket"]))
      }
      return found + checkOutbox()
    }
    if let state = expect.state, state.value != ticket.state.rawValue {
      found.append(
        Mismatch(
          span: state.span, message: "expected state '\(state.value)', got '\(ticket.state)'",
          expected: ["state: \(state.value)"], actual: ["state: \(ticket.state)"]))
    }
    if let status = expect.status, status.value != ticket.status.rawValue {
      found.append(
        Mismatch(
          span: status.span, message: "expected status '\(status.value)', got '\(ticket.status.rawValue)'",
          expected: ["status: \(status.value)"], actual: ["status: \(ticket.status.rawValue)"]))
    }
    found += checkAssignee(ticket)
    found += checkFields(ticket)
    found += checkDeadlines(ticket)
    found += checkChildren(ticket)
    found += checkHistory(ticket)
    return found + checkOutbox()
  }

  // MARK: - Checks

  private func checkError() -> [Mismatch] {
    let actualLines = refusal.map { ["error: \($0.code)", "message: \($0.message)"] } ?? ["no error"]
    guard let error = expect.error else {
      guard let refusal else { return [] }
      return [
        Mismatch(
          span: expect.span, message: "the step was refused (\(refusal.code)): \(refusal.message)",
          expected: ["no error"], actual: actualLines)
      ]
    }
    var expectedLines = ["error: \(error.value.code)"]
    if let message = error.value.message { expectedLines.append("message containing: \(message)") }
    guard let refusal else {
      return [
        Mismatch(
          span: error.span, message: "expected the step to be refused with '\(error.value.code)', but it succeeded",
          expected: expectedLines, actual: actualLines)
      ]
    }
    if refusal.code != error.value.code {
      return [
        Mismatch(
          span: error.span, message: "expected error '\(error.value.code)', got '\(refusal.code)'",
          expected: expectedLines, actual: actualLines)
      ]
    }
    if let message = error.value.message, !refusal.message.contains(message) {
      return [
        Mismatch(
          span: error.span, message: "the refusal's message does not contain '\(message)'",
          expected: expectedLines, actual: actualLines)
      ]
    }
    return []
  }

  private func checkAssignee(_ ticket: Instance) -> [Mismatch] {
    guard let assignee = expect.assignee else { return [] }
    var expected: [String] = []
    var actual: [String] = []
    if let role = assignee.value.role, role != ticket.assignee.role?.rawValue {
      expected.append("role: \(role ?? "null")")
      actual.append("role: \(ticket.assignee.role?.rawValue ?? "null")")
    }
    if let user = assignee.value.user, user != ticket.assignee.user?.rawValue {
      expected.append("user: \(user ?? "null")")
      actual.append("user: \(ticket.assignee.user?.rawValue ?? "null")")
    }
    guard !expected.isEmpty else { return [] }
    return [
      Mismatch(
        span: assignee.span,
        message: "expected assignee \(expected.joined(separator: ", ")), got \(actual.joined(separator: ", "))",
        expected: expected.map { "assignee." + $0 }, actual: actual.map { "assignee." + $0 })
    ]
  }

  private func checkFields(_ ticket: Instance) -> [Mismatch] {
    guard let fields = expect.fields else { return [] }
    var expected: [String] = []
    var actual: [String] = []
    for (name, value) in fields.value {
      let got = ticket.fields[name] ?? .null
      if !ValueMatch.matches(value, got, zone: zone) {
        expected.append("\(name): \(value)")
        actual.append("\(name): \(ValueMatch.text(got, zone: zone))")
      }
    }
    guard !expected.isEmpty else { return [] }
    let names = fields.value.map(\.name).filter { name in expected.contains { $0.hasPrefix(name + ":") } }
    return [
      Mismatch(
        span: fields.span,
        message: "field\(names.count == 1 ? "" : "s") \(names.map { "'\($0)'" }.joined(separator: ", ")) differ\(names.count == 1 ? "s" : "")",
        expected: expected.map { "fields." + $0 }, actual: actual.map { "fields." + $0 })
    ]
  }

  private func checkDeadlines(_ ticket: Instance) -> [Mismatch] {
    guard let deadlines = expect.deadlines else { return [] }
    var expected: [String] = []
    var actual: [String] = []
    for (name, clock) in deadlines.value {
      let got = ticket.deadlines[DeadlineName(name)]
      let gotState = got?.state.rawValue ?? "not started"
      if let state = clock.state, state != gotState {
        expected.append("\(name): \(state)")
        actual.append("\(name): \(gotState)")
      }
      if let due = clock.dueAt, due != got?.dueAt {
        expected.append("\(name).due_at: \(RFC3339.format(due, in: zone))")
        actual.append("\(name).due_at: \(got.map { RFC3339.format($0.dueAt, in: zone) } ?? "not started")")
      }
    }
    guard !expected.isEmpty else { return [] }
    return [
      Mismatch(
        span: deadlines.span,
        message: "expected deadline \(expected.joined(separator: ", ")), got \(actual.joined(separator: ", "))",
        expected: expected.map { "deadlines." + $0 }, actual: actual.map { "deadlines." + $0 })
    ]
  }

  private func checkChildren(_ ticket: Instance) -> [Mismatch] {
    guard let wanted = expect.children else { return [] }
    let actual = children.map { "\($0.id) \($0.workflow) \($0.state)" }
    let expected = wanted.value.map { "\($0.workflow ?? "any workflow") \($0.state ?? "any state")" }
    var ok = wanted.value.count == children.count
    for (want, child) in zip(wanted.value, children) {
      if let w = want.workflow, w != child.workflow.rawValue { ok = false }
      if let s = want.state, s != child.state.rawValue { ok = false }
    }
    guard !ok else { return [] }
    return [
      Mismatch(
        span: wanted.span,
        message: "expected \(wanted.value.count) child ticket\(wanted.value.count == 1 ? "" : "s") as listed, got \(children.count)",
        expected: expected.isEmpty ? ["no children"] : expected.map { "child: " + $0 },
        actual: actual.isEmpty ? ["no children"] : actual.map { "child: " + $0 })
    ]
  }

  private func checkHistory(_ ticket: Instance) -> [Mismatch] {
    guard let wanted = expect.history else { return [] }
    let tail = Array(ticket.history.suffix(wanted.value.count))
    var ok = tail.count == wanted.value.count
    for (want, entry) in zip(wanted.value, tail) {
      if let e = want.event, e != entry.event { ok = false }
      if let a = want.actor, a != entry.actor.rawValue { ok = false }
      if let f = want.from, f != entry.from?.rawValue { ok = false }
      if let t = want.to, t != entry.to?.rawValue { ok = false }
    }
    guard !ok else { return [] }
    return [
      Mismatch(
        span: wanted.span, message: "the last \(wanted.value.count) history entries differ",
        expected: wanted.value.map {
          "history: \($0.event ?? "*") by \($0.actor ?? "*"), \($0.from ?? "*") -> \($0.to ?? "*")"
        },
        actual: tail.map {
          "history: \($0.event) by \($0.actor), \($0.from?.rawValue ?? "-") -> \($0.to?.rawValue ?? "-")"
        })
    ]
  }

  /// Each expected line must match a distinct appended line (roles include `to`, message
  /// contains `message`); `outbox: []` means the step appended nothing.
  private func checkOutbox() -> [Mismatch] {
    guard let wanted = expect.outbox else { return [] }
    var unused = appended
    var missing: [ExpectedOutboxLine] = []
    for want in wanted.value {
      let index = unused.firstIndex { line in
        let roles = Set(line.to.map(\.rawValue))
        return (want.to ?? []).allSatisfy(roles.contains)
          && (want.message.map { line.message.contains($0) } ?? true)
      }
      if let index { unused.remove(at: index) } else { missing.append(want) }
    }
    let emptyExpected = wanted.value.isEmpty && !appended.isEmpty
    guard !missing.isEmpty || emptyExpected else { return [] }
    let describe: (ExpectedOutboxLine) -> String = {
      "outbox: to \(($0.to ?? ["any role"]).joined(separator: ", ")): \($0.message ?? "any message")"
    }
    return [
      Mismatch(
        span: wanted.span,
        message: emptyExpected
          ? "expected no outbox lines, got \(appended.count)"
          : "\(missing.count) expected outbox line\(missing.count == 1 ? " was" : "s were") not written by this step",
        expected: wanted.value.isEmpty ? ["no outbox lines"] : wanted.value.map(describe),
        actual: appended.isEmpty
          ? ["no outbox lines"]
          : appended.map { "outbox: to \($0.to.map(\.rawValue).joined(separator: ", ")): \($0.message)" })
    ]
  }
}

import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation

extension FixtureDecoder {
  static let expectKeys = [
    "ref", "state", "status", "assignee", "fields", "deadlines", "error", "children", "outbox",
    "history",
  ]
  static let childKeys = ["workflow", "state"]
  static let outboxKeys = ["to", "message"]
  static let historyKeys = ["event", "actor", "from", "to"]
  static let assigneeKeys = ["role", "user"]
  static let deadlineKeys = ["state", "due_at"]
  static let errorKeys = ["code", "message"]
  static let deadlineStates = ["running", "paused", "met", "breached"]
  static let errorCodes = [
    "not_permitted", "guard_failed", "missing_fields", "invalid_value", "unknown_event",
    "no_branch", "final_state", "unknown_id", "unknown_workflow", "unknown_user", "rule_failed",
  ]

  /// Reads `expect:`, checking state, field and deadline names against the workflow of the
  /// ticket it checks.
  func expectation(_ node: YAMLNode, keySpan: SourceSpan?, what: String) -> Expectation? {
    let context = "'expect' of \(what)"
    guard let map = reader.mapping(node, context, keys: Self.expectKeys) else { return nil }
    var ref = current
    if let named = reader.string(in: map, "ref", of: context) { ref = knownRef(named) }
    let workflow = ref.flatMap { refs[$0] }.flatMap { home.workflows[$0] }
    var expect = Expectation(span: keySpan ?? map.node.span)
    expect.ref = ref
    expect.state = checked(map, "state") { node in
      guard let state = reader.string(node, "'state'") else { return nil }
      if let workflow, workflow.states[StateID(state.value)] == nil {
        reader.bag.error(
          "unknown_state", "workflow '\(workflow.id)' has no state '\(state.value)'", at: state.span,
          suggestion: Suggestion.closest(to: state.value, in: workflow.states.keys.map(\.rawValue)))
        return nil
      }
      return state.value
    }
    expect.status = checked(map, "status") { node in
      guard let status = reader.string(node, "'status'") else { return nil }
      guard ["open", "closed"].contains(status.value) else {
        reader.bag.error(
          "invalid_value", "'status' is open or closed, found '\(status.value)'", at: status.span,
          suggestion: Suggestion.closest(to: status.value, in: ["open", "closed"]))
        return nil
      }
      return status.value
    }
    expect.assignee = checked(map, "assignee") { assignee($0, context: context, workflow: workflow) }
    expect.fields = checked(map, "fields") { node in
      guard let entries = reader.namedEntries(node, "'fields' of \(context)") else { return nil }
      return entries.entries.filter { checkField($0.key, workflow: workflow?.id) }
        .map { (name: $0.key.value, value: expectedValue($0.value)) }
    }
    expect.deadlines = checked(map, "deadlines") { deadlines($0, workflow: workflow) }
    expect.error = checked(map, "error") { expectedError($0) }
    expect.children = checked(map, "children") { node in
      node.isNull ? [] : reader.list(node, "'children'")?.compactMap { item in
        guard let child = reader.mapping(item, "a child", keys: Self.childKeys) else { return nil }
        let workflow = reader.string(in: child, "workflow", of: "a child")
        let state = reader.string(in: child, "state", of: "a child")
        if let state { checkState(state, workflow: workflow.flatMap(checkWorkflow)) }
        return ExpectedChild(workflow: workflow?.value, state: state?.value)
      }
    }
    expect.outbox = checked(map, "outbox") { node in
      node.isNull ? [] : reader.list(node, "'outbox'")?.compactMap { item in
        guard let line = reader.mapping(item, "an outbox line", keys: Self.outboxKeys) else { return nil }
        return ExpectedOutboxLine(
          to: line["to"].map { node in
            let roles = node.sequence == nil
              ? reader.string(node, "'to'").map { [$0] } ?? []
              : reader.strings(node, "'to'") ?? []
            roles.forEach(checkAnyRole)
            return roles.map(\.value)
          },
          message: reader.string(in: line, "message", of: "an outbox line")?.value)
      }
    }
    expect.history = checked(map, "history") { node in
      reader.list(node, "'history'")?.compactMap { item in
        guard let entry = reader.mapping(item, "a history entry", keys: Self.historyKeys) else { return nil }
        let actor = reader.string(in: entry, "actor", of: "a history entry")
        let from = reader.string(in: entry, "from", of: "a history entry")
        let to = reader.string(in: entry, "to", of: "a history entry")
        actor.map(checkUser)
        for state in [from, to].compactMap({ $0 }) { checkState(state, workflow: workflow) }
        return ExpectedHistoryEntry(
          event: reader.string(in: entry, "event", of: "a history entry")?.value,
          actor: actor?.value, from: from?.value, to: to?.value)
      }
    }
    return expect
  }

  /// The value under `key` read by `read`, with the key's span; nil when absent or unusable.
  private func checked<T>(_ map: YAMLMap, _ key: String, _ read: (YAMLNode) -> T?) -> Checked<T>? {
    guard map.has(key), let span = map.keySpan(key) else { return nil }
    let node = map.entries.first { $0.key.value == key }?.value
    guard let node, let value = read(node) else { return nil }
    return Checked(value: value, span: span)
  }

  private func assignee(_ node: YAMLNode, context: String, workflow: WorkflowDefinition?)
    -> ExpectedAssignee?
  {
    guard let map = reader.mapping(node, "'assignee' of \(context)", keys: Self.assigneeKeys) else {
      return nil
    }
    var expected = ExpectedAssignee()
    if map.has("role") {
      let role = map["role"].flatMap { reader.string($0, "'role'") }
      role.map { checkRole($0, workflow: workflow) }
      expected.role = .some(role?.value)
    }
    if map.has("user") {
      let user = map["user"].flatMap { reader.string($0, "'user'") }
      user.map(checkUser)
      expected.user = .some(user?.value)
    }
    return expected
  }

  private func expectedValue(_ node: YAMLNode) -> ExpectedValue {
    if node.isNull { return .null }
    if let items = node.sequence { return .list(items.map(expectedValue)) }
    return .scalar(node.scalar?.text ?? "")
  }

  private func deadlines(_ node: YAMLNode, workflow: WorkflowDefinition?)
    -> [(name: String, clock: ExpectedDeadline)]?
  {
    guard let entries = reader.namedEntries(node, "'deadlines'") else { return nil }
    var result: [(name: String, clock: ExpectedDeadline)] = []
    let states = Self.deadlineStates
    for (key, value) in entries.entries {
      if let workflow, workflow.deadline(named: DeadlineName(key.value)) == nil {
        reader.bag.error(
          "unknown_deadline", "workflow '\(workflow.id)' has no deadline '\(key.value)'", at: key.span,
          suggestion: Suggestion.closest(to: key.value, in: workflow.allDeadlines.map(\.name.rawValue)))
        continue
      }
      var expected = ExpectedDeadline()
      var stateNode: YAMLNode? = value
      if value.pairs != nil {
        guard let map = reader.mapping(value, "deadline '\(key.value)'", keys: Self.deadlineKeys) else { continue }
        stateNode = map["state"]
        if let due = reader.string(in: map, "due_at", of: "deadline '\(key.value)'") {
          guard let date = RFC3339.parse(due.value) else {
            reader.bag.error("invalid_value", "'due_at' must be an RFC 3339 time, found '\(due.value)'", at: due.span)
            continue
          }
          expected.dueAt = date
        }
      }
      if let stateNode, let state = reader.string(stateNode, "the state of deadline '\(key.value)'") {
        guard states.contains(state.value) else {
          reader.bag.error(
            "invalid_value", "a deadline is running, paused, met or breached, found '\(state.value)'",
            at: state.span, suggestion: Suggestion.closest(to: state.value, in: states))
          continue
        }
        expected.state = state.value
      }
      result.append((key.value, expected))
    }
    return result
  }

  private func expectedError(_ node: YAMLNode) -> ExpectedError? {
    let codes = Self.errorCodes
    let code: Located<String>?
    var message: String?
    if node.pairs != nil {
      guard let map = reader.mapping(node, "'error'", keys: Self.errorKeys) else { return nil }
      code = reader.string(in: map, "code", required: true, of: "'error'")
      message = reader.string(in: map, "message", of: "'error'")?.value
    } else {
      code = reader.string(node, "'error'")
    }
    guard let code else { return nil }
    guard codes.contains(code.value) else {
      reader.bag.error(
        "invalid_value", "unknown error code '\(code.value)'", at: code.span,
        suggestion: Suggestion.closest(to: code.value, in: codes),
        help: Suggestion.closest(to: code.value, in: codes) == nil ? "codes: " + codes.joined(separator: ", ") : nil)
      return nil
    }
    return ExpectedError(code: code.value, message: message)
  }
}

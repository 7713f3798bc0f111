import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation

/// Reads one fixture file (contract §7) with positions and checks every name in it against
/// the home: workflows, events, fields, users, deadlines, states and ticket refs.
///
/// Problems are reported into the reader's bag at their `file:line:col`, all of them in one
/// run (like `docket validate`); ``decode(_:)`` returns nil only when the bag has an error.
struct FixtureDecoder {
  static let fixtureKeys = ["name", "workflow", "start", "steps"]
  static let stepKeys = ["new", "advance", "assign", "wait", "at", "expect"]
  static let actionKeys = ["new", "advance", "assign", "wait", "at"]
  static let newKeys = ["as", "ref", "fields", "workflow"]
  static let advanceKeys = ["ref", "event", "as", "fields", "note"]
  static let assignKeys = ["ref", "to", "as"]

  let reader: NodeReader
  let home: Home
  /// Ticket names given by `new` so far, with the workflow of each.
  var refs: [String: WorkflowID] = [:]
  /// The ticket a step without `ref` acts on or checks: the last one named.
  var current: String?
  /// The fixture's `workflow:`, for names checked on a step whose ticket is unknown.
  var workflow: WorkflowID = ""
  /// The virtual clock as the steps so far have moved it, to refuse `at:` going backwards.
  var now = Date(timeIntervalSince1970: 0)

  init(reader: NodeReader, home: Home) {
    self.reader = reader
    self.home = home
  }

  mutating func decode(_ root: YAMLNode?) -> Fixture? {
    let errorsBefore = reader.bag.errors.count
    guard let root, let map = reader.mapping(root, "a fixture", keys: Self.fixtureKeys) else {
      if root == nil, reader.bag.errors.count == errorsBefore {
        reader.bag.error("missing_key", "a fixture needs 'name', 'workflow', 'start' and 'steps'",
          at: SourceSpan(file: reader.file.path, line: 1, column: 1))
      }
      return nil
    }
    let name = reader.string(in: map, "name", required: true, of: "a fixture")
    let workflow = reader.string(in: map, "workflow", required: true, of: "a fixture")
      .flatMap(knownWorkflow)
    let start = reader.string(in: map, "start", required: true, of: "a fixture").flatMap { text -> Date? in
      guard let date = RFC3339.parse(text.value) else {
        reader.bag.error(
          "invalid_value", "'start' must be an RFC 3339 time, found '\(text.value)'", at: text.span,
          help: "for example 2026-03-02T09:00:00+08:00")
        return nil
      }
      return date
    }
    now = start ?? now
    self.workflow = workflow ?? ""
    var steps: [FixtureStep] = []
    if let stepsNode = reader.required(map, "steps", in: "a fixture"),
      let items = reader.list(stepsNode, "'steps'")
    {
      for (index, item) in items.enumerated() {
        if let step = self.step(item, number: index + 1, workflow: workflow ?? "") { steps.append(step) }
      }
    }
    guard let name, let workflow, let start, reader.bag.errors.count == errorsBefore else { return nil }
    return Fixture(
      name: name.value, workflow: workflow, start: start, steps: steps, path: reader.file.path,
      span: name.span)
  }

  // MARK: - Steps

  private mutating func step(_ node: YAMLNode, number: Int, workflow: WorkflowID) -> FixtureStep? {
    let what = "step \(number)"
    guard let map = reader.mapping(node, what, keys: Self.stepKeys) else { return nil }
    let actions = map.entries.filter { Self.actionKeys.contains($0.key.value) }
    guard let first = actions.first else {
      reader.bag.error(
        "missing_key", "\(what) needs one of \(Self.actionKeys.joined(separator: ", "))",
        at: map.node.span.startPoint)
      return nil
    }
    for extra in actions.dropFirst() {
      reader.bag.error(
        "invalid_step", "\(what) already has '\(first.key.value)'; one action per step",
        at: extra.key.span)
    }
    let decoded: (FixtureAction, String)?
    switch first.key.value {
    case "new": decoded = newStep(first.value, what: what, number: number, workflow: workflow)
    case "advance": decoded = advanceStep(first.value, what: what)
    case "assign": decoded = assignStep(first.value, what: what)
    case "wait": decoded = waitStep(first.value, what: what)
    default: decoded = atStep(first.value, what: what)
    }
    let expect = map["expect"].flatMap { expectation($0, keySpan: map.keySpan("expect"), what: what) }
    guard let (action, summary) = decoded else { return nil }
    return FixtureStep(action: action, expect: expect, span: first.key.span, summary: summary)
  }

  private mutating func newStep(_ node: YAMLNode, what: String, number: Int, workflow: WorkflowID)
    -> (FixtureAction, String)?
  {
    guard let map = reader.mapping(node, "'new' of \(what)", keys: Self.newKeys) else { return nil }
    let actor = user(in: map, of: "'new' of \(what)")
    var target: WorkflowID? = workflow
    if let named = reader.string(in: map, "workflow", of: "'new'") { target = knownWorkflow(named) }
    // A ticket without `ref:` is still the current one for the steps after it: it gets a
    // name no YAML ref can collide with.
    let ref = reader.string(in: map, "ref", of: "'new'")
      ?? Located("#\(number)", at: map.node.span)
    let fields = map["fields"].flatMap { fieldValues($0, workflow: target, what: "'fields' of \(what)") }
    if refs[ref.value] != nil {
      reader.bag.error("duplicate_ref", "ticket ref '\(ref.value)' is already taken", at: ref.span)
    }
    refs[ref.value] = target ?? workflow
    current = ref.value
    guard let actor, let target else { return nil }
    return (
      .new(workflow: target, ref: ref.value, actor: actor, fields: fields ?? [:]),
      "new \(target)\(ref.value.hasPrefix("#") ? "" : " \(ref.value)")"
    )
  }

  private mutating func advanceStep(_ node: YAMLNode, what: String) -> (FixtureAction, String)? {
    guard let map = reader.mapping(node, "'advance' of \(what)", keys: Self.advanceKeys) else { return nil }
    let ref = ticketRef(in: map, what: what)
    let actor = user(in: map, of: "'advance' of \(what)")
    let workflow = home.workflows[ref.flatMap { refs[$0] } ?? self.workflow]
    let event = reader.string(in: map, "event", required: true, of: "'advance' of \(what)")
    if let event, let workflow {
      let events = Set(workflow.states.values.flatMap(\.transitions.keys).map(\.rawValue))
      if !events.contains(event.value) {
        reader.bag.error(
          "unknown_event", "workflow '\(workflow.id)' has no event '\(event.value)'", at: event.span,
          suggestion: Suggestion.closest(to: event.value, in: events))
      }
    }
    let note = reader.string(in: map, "note", of: "'advance'")
    let fields = map["fields"].flatMap { fieldValues($0, workflow: workflow?.id, what: "'fields' of \(what)") }
    guard let ref, let actor, let event else { return nil }
    current = ref
    return (
      .advance(ref: ref, event: EventName(event.value), actor: actor, fields: fields ?? [:], note: note?.value),
      "advance \(ref) \(event.value)"
    )
  }

  private mutating func assignStep(_ node: YAMLNode, what: String) -> (FixtureAction, String)? {
    guard let map = reader.mapping(node, "'assign' of \(what)", keys: Self.assignKeys) else { return nil }
    let ref = ticketRef(in: map, what: what)
    let actor = user(in: map, of: "'assign' of \(what)")
    let to = reader.string(in: map, "to", required: true, of: "'assign' of \(what)").flatMap(knownUser)
    guard let ref, let actor, let to else { return nil }
    current = ref
    return (.assign(ref: ref, to: to, actor: actor), "assign \(ref) to \(to)")
  }

  private mutating func waitStep(_ node: YAMLNode, what: String) -> (FixtureAction, String)? {
    guard let text = reader.string(node, "'wait' of \(what)") else { return nil }
    guard let duration = DocketDuration(parsing: text.value), duration.workingDays == 0,
      duration.seconds > 0
    else {
      reader.bag.error(
        "invalid_value", "'wait' must be a duration such as 90m, 25h or 3d, found '\(text.value)'",
        at: text.span)
      return nil
    }
    now += TimeInterval(duration.seconds)
    return (.wait(seconds: duration.seconds), "wait \(text.value)")
  }

  private mutating func atStep(_ node: YAMLNode, what: String) -> (FixtureAction, String)? {
    guard let text = reader.string(node, "'at' of \(what)") else { return nil }
    guard let date = RFC3339.parse(text.value) else {
      reader.bag.error(
        "invalid_value", "'at' must be an RFC 3339 time, found '\(text.value)'", at: text.span,
        help: "for example 2026-03-03T09:00:00+08:00")
      return nil
    }
    guard date >= now else {
      reader.bag.error(
        "clock_backwards", "'at' \(text.value) is before the fixture's clock at this step; time only moves forward",
        at: text.span)
      return nil
    }
    now = date
    return (.at(date), "at \(text.value)")
  }

  // MARK: - Names

  /// `ref:`, which must name a ticket an earlier `new` created; absent means the current one.
  private func ticketRef(in map: YAMLMap, what: String) -> String? {
    guard let ref = reader.string(in: map, "ref", of: what) else {
      if let current { return current }
      reader.bag.error("missing_key", "\(what) needs 'ref' (no ticket was created before it)",
        at: map.node.span.startPoint)
      return nil
    }
    return knownRef(ref)
  }

  func knownRef(_ ref: Located<String>) -> String? {
    guard refs[ref.value] != nil else {
      reader.bag.error(
        "unknown_ref", "no earlier step names a ticket '\(ref.value)'", at: ref.span,
        suggestion: Suggestion.closest(to: ref.value, in: refs.keys),
        help: "name a ticket with `new: { ref: \(ref.value), ... }` before using it")
      return nil
    }
    return ref.value
  }

  private func user(in map: YAMLMap, of what: String) -> UserID? {
    reader.string(in: map, "as", required: true, of: what).flatMap(knownUser)
  }

  private func knownUser(_ name: Located<String>) -> UserID? {
    let id = UserID(name.value)
    if id == .system || home.staff[id] != nil { return id }
    reader.bag.error(
      "unknown_user", "'\(name.value)' is not listed in staff.yaml", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: home.staff.members.keys.map(\.rawValue)))
    return nil
  }

  private func knownWorkflow(_ name: Located<String>) -> WorkflowID? {
    let id = WorkflowID(name.value)
    if home.workflows[id] != nil { return id }
    reader.bag.error(
      "unknown_workflow", "the home has no workflow '\(name.value)'", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: home.workflows.keys.map(\.rawValue)))
    return nil
  }

  /// Reports a field name the workflow does not declare; true when it is known.
  func checkField(_ name: Located<String>, workflow: WorkflowID?) -> Bool {
    guard let workflow, let definition = home.workflows[workflow] else { return true }
    if definition.fields[FieldName(name.value)] != nil { return true }
    reader.bag.error(
      "unknown_field", "workflow '\(workflow)' has no field '\(name.value)'", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: definition.fields.keys.map(\.rawValue)))
    return false
  }

  private func fieldValues(_ node: YAMLNode, workflow: WorkflowID?, what: String)
    -> [FieldName: FieldValueText]?
  {
    guard let map = reader.namedEntries(node, what) else { return nil }
    var values: [FieldName: FieldValueText] = [:]
    for (key, value) in map.entries where checkField(key, workflow: workflow) {
      if value.isNull {
        values[FieldName(key.value)] = .null
      } else if let items = value.sequence {
        values[FieldName(key.value)] = .list(items.compactMap { reader.string($0, "an item of '\(key.value)'")?.value })
      } else if let text = reader.string(value, "'\(key.value)'") {
        values[FieldName(key.value)] = .text(text.value)
      }
    }
    return values
  }
}

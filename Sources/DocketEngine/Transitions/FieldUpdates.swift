import DocketDiagnostics
import DocketModel
import Foundation

extension Engine {
  /// Checks the given values against the workflow's fields and applies them, in field-name
  /// order. Returns the fields whose value changed.
  func applyInput(
    _ input: FieldInput, to instance: inout Instance, definition: WorkflowRuntime
  ) -> Result<[String: JSONValue], Refusal> {
    var changed = [String: JSONValue](minimumCapacity: input.values.count)
    var undo = FieldUndo()
    if let refusal = applyInput(input, to: &instance, definition: definition, changed: &changed, undo: &undo) {
      return .failure(refusal)
    }
    return .success(changed)
  }

  /// ``applyInput(_:to:definition:)`` noting into `changed` the fields whose value changed
  /// (size it for the input: growing an empty dictionary on its first insert rehashes the
  /// key) and into `undo` what every field held before, also when a later value is refused,
  /// so the caller can put the ticket back as it was.
  func applyInput(
    _ input: FieldInput, to instance: inout Instance, definition: WorkflowRuntime,
    changed: inout [String: JSONValue], undo: inout FieldUndo
  ) -> Refusal? {
    let parser = FieldValueParser(zone: home.settings.zone)
    func apply(_ name: FieldName, _ value: FieldInput.Value) -> Refusal? {
      guard let field = definition.fieldTable[name] else {
        let suggestion = Suggestion.closest(
          to: name.rawValue, in: definition.fields.keys.map(\.rawValue))
        return .unknownField(name, workflow: definition.id, suggestion: suggestion.map { FieldName($0) })
      }
      switch parser.parse(value, for: field) {
      case .failure(let r): return r
      case .success(let v): instance.setField(name, to: v, changed: &changed, undo: &undo)
      }
      return nil
    }
    // One value (the usual step) needs no sorted copy of the input.
    if input.values.count < 2 {
      for (name, value) in input.values {
        if let refusal = apply(name, value) { return refusal }
      }
    } else {
      for (name, value) in input.values.sorted(by: { $0.key < $1.key }) {
        if let refusal = apply(name, value) { return refusal }
      }
    }
    return nil
  }

  /// Evaluates a `set:` map against `instance` as it is now (every value sees the same
  /// snapshot, so the order of the keys does not matter), then applies the results.
  func applyAssignments(
    _ assignments: [FieldAssignment], to instance: inout Instance,
    definition: WorkflowRuntime, context: EvaluationContext
  ) -> Result<[String: JSONValue], Refusal> {
    switch evaluateAssignments(assignments, definition: definition, context: context) {
    case .failure(let r): return .failure(r)
    case .success(let results):
      var changed: [String: JSONValue] = [:]
      for (name, v) in results { instance.setField(name, to: v, changed: &changed) }
      return .success(changed)
    }
  }

  /// The stored values a `set:` map gives in `context` (all against one snapshot), or why
  /// one does not fit its field.
  func evaluateAssignments(
    _ assignments: [FieldAssignment], definition: WorkflowRuntime, context: EvaluationContext
  ) -> Result<[(FieldName, JSONValue)], Refusal> {
    var results: [(FieldName, JSONValue)] = []
    for a in assignments {
      guard let field = definition.fieldTable[a.field] else {
        return .failure(.unknownField(a.field, workflow: definition.id, suggestion: nil))
      }
      let value = a.value.program.evaluate(context)
      switch FieldConversion.jsonValue(value, for: field, zone: home.settings.zone) {
      case .success(let v): results.append((a.field, v))
      case .failure(let failure):
        let reason = failure.reason
        var where_ = ""
        if case .error(let e) = value, let loc = a.value.location(of: e) { where_ = " at \(loc)" }
        return .failure(
          .invalidValue(
            field: a.field, label: field.displayName, value: a.value.source,
            reason: "setting it failed: \(reason)\(where_)"))
      }
    }
    return .success(results)
  }
}

extension Instance {
  /// Sets a field (removing it when null) and notes it in `changed` if its value changed.
  mutating func setField(_ name: FieldName, to value: JSONValue, changed: inout [String: JSONValue]) {
    _ = replaceField(name, with: value, changed: &changed)
  }

  /// ``setField(_:to:changed:)``, noting what the field held before in `undo`.
  mutating func setField(
    _ name: FieldName, to value: JSONValue, changed: inout [String: JSONValue], undo: inout FieldUndo
  ) {
    undo.note(name.rawValue, replaceField(name, with: value, changed: &changed))
  }

  /// Sets a field; returns what it held before (nil when absent).
  private mutating func replaceField(
    _ name: FieldName, with value: JSONValue, changed: inout [String: JSONValue]
  ) -> JSONValue? {
    let old =
      value.isNull
      ? fields.removeValue(forKey: name.rawValue) : fields.updateValue(value, forKey: name.rawValue)
    if (old ?? .null) != value { changed[name.rawValue] = value }
    return old
  }
}

/// What a step's fields held before it changed them, so that a refused step can hand the
/// ticket back exactly as it was read (see ``InstanceReader/lend(_:)``) without keeping a
/// copy of the ticket: a copy would make every change copy the whole `fields` map first.
///
/// The first change is kept inline: most steps change one field, and an array would be
/// allocated and freed on each of them for an undo that is almost never needed.
struct FieldUndo {
  private var first: (name: String, value: JSONValue?)?
  private var more: [(name: String, value: JSONValue?)] = []

  mutating func note(_ name: String, _ value: JSONValue?) {
    if first == nil { first = (name, value) } else { more.append((name, value)) }
  }

  /// Puts every noted field back, latest change first.
  func restore(_ instance: inout Instance) {
    for (name, value) in more.reversed() { instance.fields[name] = value }
    if let first { instance.fields[first.name] = first.value }
  }
}

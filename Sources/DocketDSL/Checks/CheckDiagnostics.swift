import DocketDiagnostics
import DocketModel

/// The message catalogue for problems in what definitions mean (names, references, values).
extension Diagnostic {
  static func unknownState(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_state", "unknown state '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: known))
  }

  static func unknownRole(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_role", "unknown role '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: known),
      help: "declare it under 'roles:' of this workflow")
  }

  static func unknownField(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_field", "unknown field '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: known))
  }

  static func unknownFieldType(_ name: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_field_type", "unknown field type '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: FieldType.names),
      help: "types: " + FieldType.names.joined(separator: ", "))
  }

  static func workflowIDMismatch(_ id: String, stem: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "workflow_id_mismatch", "workflow id '\(id)' differs from its file name '\(stem).yaml'",
      at: span, help: "write `workflow: \(stem)` or rename the file to '\(id).yaml'")
  }

  static func invalidID(_ kind: String, _ name: String, rule: String, at span: SourceSpan)
    -> Diagnostic
  {
    .error("invalid_id", "'\(name)' is not a valid \(kind): \(rule)", at: span)
  }

  static func fieldShadowsVariable(_ name: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "field_shadows_variable",
      "field '\(name)' has the name of a built-in expression variable", at: span,
      help: "rename it; 'now', 'instance', 'actor' and 'event' are reserved")
  }

  static func invalidDuration(_ key: String, text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_duration", "'\(key)' is not a duration: '\(text)'", at: span,
      help: "write a duration like 90m, 2h, 1h30m or 3d")
  }

  static func invalidDefault(_ field: String, type: FieldType, found: String, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "invalid_default", "default of field '\(field)' is not a valid \(type.name): \(found)",
      at: span)
  }

  static func defaultOutOfRange(
    _ field: String, text: String, min: Double?, max: Double?, at span: SourceSpan
  ) -> Diagnostic {
    let bounds = [min.map { "min \(format($0))" }, max.map { "max \(format($0))" }]
      .compactMap { $0 }.joined(separator: ", ")
    return .error(
      "invalid_default", "default \(text) of field '\(field)' is outside its bounds (\(bounds))",
      at: span)
  }

  private static func format(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  static func enumDefaultNotInValues(
    _ field: String, value: String, values: [String], at span: SourceSpan
  ) -> Diagnostic {
    .error(
      "enum_default_not_in_values",
      "default '\(value)' of field '\(field)' is not one of its values", at: span,
      suggestion: Suggestion.closest(to: value, in: values),
      help: "values: " + values.joined(separator: ", "))
  }

  static func keyOnlyFor(_ key: String, types: String, field: String, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "wrong_type", "'\(key)' only applies to \(types) fields, and '\(field)' is not one",
      at: span)
  }

  static func enumWithoutValues(_ field: String, at span: SourceSpan) -> Diagnostic {
    .error("missing_key", "enum field '\(field)' needs a non-empty 'values' list", at: span)
  }

  static func finalStateHasEvents(_ state: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "final_state_has_events", "final state '\(state)' cannot handle events", at: span,
      help: "remove 'on:' or 'final: true'")
  }

  static func invalidNote(_ text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_note", "'note' must be 'required' or 'optional', found '\(text)'", at: span,
      suggestion: Suggestion.closest(to: text, in: ["required", "optional"]))
  }

  static func unreachableBranch(at span: SourceSpan, after unconditional: SourceSpan)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "unreachable_branch", "a branch after one without 'if' can never be taken",
      at: span,
      help: "move the branch without 'if' to the end, or give it an 'if'; only the last branch may omit 'if'",
      notes: [Diagnostic.Note("this branch has no 'if', so it is always taken", at: unconditional.startPoint)])
  }

  static func invalidPrefix(_ prefix: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_prefix",
      "'\(prefix)' is not a valid id prefix: a letter, then letters, digits or '_' (at most 16)",
      at: span)
  }

  static func notPositive(_ key: String, at span: SourceSpan) -> Diagnostic {
    .error("wrong_type", "'\(key)' must be a positive whole number", at: span)
  }

  static func actionNeedsOneKind(
    _ keys: [String], kinds: [String] = ActionDecoder.kinds, at span: SourceSpan
  ) -> Diagnostic {
    let quoted = kinds.map { "'\($0)'" }
    return .error(
      "invalid_action",
      keys.isEmpty
        ? "an action needs one of \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last ?? "")"
        : "an action does one thing; this one has " + keys.map { "'\($0)'" }.joined(separator: ", "),
      at: span, help: "write each action as its own list item")
  }

  static func messageWithoutNotify(at span: SourceSpan) -> Diagnostic {
    .error("invalid_action", "'message' belongs to a 'notify' action", at: span)
  }

  static func duplicateDeadline(_ name: String, at span: SourceSpan, first: SourceSpan?)
    -> Diagnostic
  {
    Diagnostic(
      .error, id: "duplicate_name", "two deadlines are named '\(name)'", at: span,
      help: "give the state's deadline its own 'name:'",
      notes: first.map { [Diagnostic.Note("the other '\(name)' is here", at: $0)] } ?? [])
  }
}

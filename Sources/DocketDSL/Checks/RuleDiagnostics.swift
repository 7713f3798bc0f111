import DocketDiagnostics
import DocketModel

/// The message catalogue for rule files: triggers, filters, actions and lookups.
extension Diagnostic {
  static func unknownTrigger(_ text: String, at span: SourceSpan) -> Diagnostic {
    let names = RuleTrigger.allCases.map(\.rawValue)
    return .error(
      "unknown_trigger", "unknown trigger '\(text)'", at: span,
      suggestion: Suggestion.closest(to: text, in: names),
      help: "'on' is one of " + names.joined(separator: ", "))
  }

  static func filterNotForTrigger(_ key: String, trigger: RuleTrigger, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "filter_never_matches", "'\(key)' can never match a '\(trigger.rawValue)' rule", at: span,
      help: "'\(trigger.rawValue)' rules filter by "
        + RuleDecoder.filters(for: trigger).map { "'\($0)'" }.joined(separator: ", "))
  }

  static func ruleWithoutActions(at span: SourceSpan) -> Diagnostic {
    .error("missing_key", "a rule needs at least one action in 'then'", at: span)
  }

  static func invalidErrorPolicy(_ text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "wrong_type", "'on_error' must be 'refuse' or 'skip', found '\(text)'", at: span,
      suggestion: Suggestion.closest(to: text, in: ["refuse", "skip"]))
  }

  static func optionWithoutKind(_ option: String, _ owner: String, at span: SourceSpan)
    -> Diagnostic
  {
    .error("invalid_action", "'\(option)' belongs to a '\(owner)' action", at: span)
  }

  static func invalidTarget(_ text: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "wrong_type", "'target' must be 'self', 'parent' or 'children', found '\(text)'", at: span,
      suggestion: Suggestion.closest(to: text, in: ["self", "parent", "children"]))
  }

  static func advanceUnknownEvent(
    _ event: String, handledBy place: String, known: [String], at span: SourceSpan
  ) -> Diagnostic {
    .error(
      "unknown_event", "event '\(event)' is not handled by \(place)", at: span,
      suggestion: Suggestion.closest(to: event, in: known))
  }

  static func unknownWorkflow(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_workflow", "unknown workflow '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: known),
      help: "workflows are the files of workflows/: " + known.joined(separator: ", "))
  }

  static func startMissingFields(_ fields: [String], workflow: String, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "missing_fields",
      "starting a '\(workflow)' needs \(fields.count == 1 ? "field" : "fields") "
        + fields.map { "'\($0)'" }.joined(separator: ", ") + " (required, with no default)",
      at: span, help: "give \(fields.count == 1 ? "it" : "them") under 'fields:', as CEL over this ticket")
  }

  static func startUnknownRole(_ role: String, workflow: WorkflowDefinition, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "unknown_role", "workflow '\(workflow.id)' has no role '\(role)' to assign the started ticket to",
      at: span, suggestion: Suggestion.closest(to: role, in: workflow.roles.keys.map(\.rawValue)))
  }

  static func ruleUnknownName(
    _ kind: String, _ name: String, in scope: String?, known: [String], at span: SourceSpan
  ) -> Diagnostic {
    let message =
      scope.map { "\($0) \($0.hasPrefix("workflows") ? "have" : "has") no \(kind) '\(name)'" }
      ?? "no workflow has \(kind == "event" ? "an" : "a") \(kind) '\(name)'"
    return .error(
      "unknown_\(kind)", message, at: span, suggestion: Suggestion.closest(to: name, in: known))
  }

  static func createdNotInitial(initials: [(String, String)], at span: SourceSpan) -> Diagnostic {
    .error(
      "filter_never_matches",
      "a 'created' rule sees new tickets, which are in their initial state, and 'to' names none",
      at: span,
      help: "initial states: " + initials.map { "\($0.0) starts in '\($0.1)'" }.joined(separator: ", "))
  }

  static func noTransitionMatches(_ filters: String, in scope: String?, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "filter_never_matches",
      "no transition of \(scope ?? "any workflow") matches \(filters)", at: span,
      help: "check the states' 'on:' events and their 'to' states")
  }

  static func deadlineWithoutWarning(_ names: [String], in scope: String?, at span: SourceSpan)
    -> Diagnostic
  {
    .error(
      "filter_never_matches",
      "deadline " + names.map { "'\($0)'" }.joined(separator: " or ")
        + (scope.map { " of \($0)" } ?? "")
        + " has no 'warn:', so a 'warning' rule on it never fires",
      at: span)
  }

  static func duplicateRule(_ id: String, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate_name", "two rules have the id '\(id)'", at: span,
      help: "rule ids are unique across every file of rules/",
      notes: [Diagnostic.Note("the other '\(id)' is here", at: first)])
  }

  static func duplicateLookup(_ name: String, at span: SourceSpan, first: SourceSpan) -> Diagnostic {
    Diagnostic(
      .error, id: "duplicate_name", "two lookups are named '\(name)'", at: span,
      help: "lookup names are unique across every file of rules/",
      notes: [Diagnostic.Note("the other '\(name)' is here", at: first)])
  }

  static func duplicateLookupKey(_ field: String, at span: SourceSpan) -> Diagnostic {
    .error("duplicate_name", "field '\(field)' is already part of this lookup's key", at: span)
  }

  static func emptyLookupKey(at span: SourceSpan) -> Diagnostic {
    .error("missing_key", "a lookup's 'key' needs at least one field", at: span)
  }

  static func lookupNameClash(_ name: String, with what: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "lookup_name_clash", "lookup '\(name)' has the name of \(what)", at: span,
      help: "rule expressions call lookups by name; choose a name nothing else has")
  }

  /// This diagnostic, said to hold only when the rule applies to `some` of `all` workflows.
  func only(in some: [WorkflowID], of all: [WorkflowID], namesWorkflows: Bool) -> Diagnostic {
    var copy = self
    let list = some.map { "'\($0)'" }.joined(separator: ", ")
    copy.message += " (in workflow\(some.count == 1 ? "" : "s") \(list))"
    if !namesWorkflows {
      copy.notes.append(
        Note(
          "the rule names no 'workflow', so it applies to every workflow its filters allow: "
            + all.map(\.rawValue).joined(separator: ", ")))
    }
    return copy
  }
}

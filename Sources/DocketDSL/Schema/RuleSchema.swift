import DocketModel

/// The schema of `rules/*.yaml` (contract §4), built on the rule decoder's key lists.
extension DefinitionSchemas {
  static let rules = SchemaDocument(
    name: "rule", title: "Docket rules (rules/*.yaml)",
    root: .object(
      SchemaObject(
        "Rules, applied in file-name order and then in list order, and lookups.",
        keys: RuleSchemaKeys.file,
        properties: [
          "lookups": .entries(
            keyPattern: SchemaPatterns.lookupName,
            value: .object(
              SchemaObject(
                "A named question about other tickets: a CEL function of the key fields.",
                keys: RuleSchemaKeys.lookup, required: ["workflow", "key"],
                properties: [
                  "workflow": .string("the workflow whose tickets are looked up", pattern: SchemaPatterns.workflowID),
                  "key": .anyOf(
                  [
                    .string("a field name", pattern: SchemaPatterns.fieldName),
                    .list(
                      of: .string("a field name", pattern: SchemaPatterns.fieldName),
                      "field names", minItems: 1),
                  ], "fields of that workflow; the function's arguments in this order"),
                  "description": .text("what the lookup answers"),
                ])),
            "lookup name (a CEL function name) -> lookup"),
          "rules": .list(of: .reference("rule"), "the rules, in order"),
        ])),
    definitions: [
      ("rule", .object(ruleObject)),
      ("action", .object(ruleAction)),
      ("nameOrNames", .anyOf([.name("a name"), .names("any of these names")], "a name, or a list of names (any of them)")),
    ])

  static let ruleObject = SchemaObject(
    "When this happens and 'if' holds, do 'then'.", keys: RuleSchemaKeys.rule,
    required: ["id", "on", "then"],
    properties: [
      "id": .string("unique across all rule files", pattern: SchemaPatterns.workflowID),
      "description": .text("what the rule is for"),
      "on": .oneOf(RuleTrigger.allCases.map(\.rawValue), "the change the rule reacts to"),
      "workflow": .reference("nameOrNames"),
      "event": .reference("nameOrNames"),
      "from": .reference("nameOrNames"),
      "to": .reference("nameOrNames"),
      "deadline": .reference("nameOrNames"),
      "if": .text("a CEL condition over the ticket after the change"),
      "on_error": .oneOf(["refuse", "skip"], "when an action cannot apply: refuse the command (default) or skip the rule"),
      "then": .list(of: .reference("action"), "actions, run in order as the system", minItems: 1),
    ])

  static let ruleAction = SchemaObject(
    "One action: exactly one of advance, start, assign, notify or set (assign may accompany start).",
    keys: RuleSchemaKeys.action, exactlyOne: RuleSchemaKeys.actionKinds,
    dependentRequired: ["message": ["notify"], "target": ["advance"], "fields": ["start"]],
    alsoOptionOf: ["assign": "start"],
    properties: [
      "advance": .name("fire this event as the system"),
      "target": .oneOf(["self", "parent", "children"], "the ticket(s) 'advance' fires on (default self)"),
      "start": .string("create a linked ticket of this workflow", pattern: SchemaPatterns.workflowID),
      "fields": .entries(
        keyPattern: SchemaPatterns.fieldName, value: .text("a CEL expression over the triggering ticket"),
        "the started ticket's fields"),
      "assign": .name("hand the ticket (or, beside start, the started ticket) to this role"),
      "notify": .names("roles to notify"),
      "message": .text("the notification; ${CEL} is replaced by its value"),
      "set": .assignments,
    ])
}

/// The rule decoders' key lists, by the names this schema uses.
enum RuleSchemaKeys {
  static let file = RuleDecoder.fileKeys
  static let lookup = LookupDecoder.keys
  static let rule = RuleDecoder.ruleKeys
  static let actionKinds = ActionDecoder.ruleKinds
  static let action = ActionDecoder.ruleKeys
}

import DocketModel

/// The schema of `workflows/*.yaml` (contract §2, docs/dsl.md §6), built on the key lists
/// of ``WorkflowDecoder``, ``StateDecoder``, ``DeadlineDecoder`` and ``ActionDecoder``.
extension DefinitionSchemas {
  static let workflow = SchemaDocument(
    name: "workflow", title: "Docket workflow (workflows/<id>.yaml)",
    root: .object(
      SchemaObject(
        "One workflow; the file stem equals its id.", keys: WorkflowDecoder.keys,
        required: ["workflow", "version", "prefix", "roles", "initial", "states"],
        properties: [
          "workflow": .string("the workflow id, equal to the file stem", pattern: SchemaPatterns.workflowID),
          "title": .text("display name, any language"),
          "version": .integer("the author's version number; raise it when tickets are open", minimum: 1),
          "prefix": .string("instance ids are PREFIX-000001 ...", pattern: SchemaPatterns.prefix),
          "roles": .entries(
            keyPattern: SchemaPatterns.name, value: .orNull(.text("the role's label")),
            "roles this workflow uses: role id -> label"),
          "fields": .entries(
            keyPattern: SchemaPatterns.fieldName, value: .reference("field"),
            "the ticket's data: field name -> field"),
          "initial": .name("the state a new ticket starts in"),
          "deadlines": .entries(
            keyPattern: SchemaPatterns.name, value: .reference("workflowDeadline"),
            "clocks that span states: deadline name -> deadline"),
          "states": .entries(
            keyPattern: SchemaPatterns.name, value: .orNull(.object(state)),
            "state id -> state"),
          "holder_only": .boolean(
            "true: once a person holds a ticket, only they (not colleagues acting through the same role) may fire its events"),
        ])),
    definitions: [
      ("field", .object(field)),
      ("transition", .object(transition)),
      ("branch", .object(branch)),
      ("workflowDeadline", .object(workflowDeadline)),
      ("stateDeadline", .object(stateDeadline)),
      ("warning", .object(warning)),
      ("action", .object(action)),
      ("actions", .list(of: .reference("action"), "actions, run in order by the system")),
    ])

  static let field = SchemaObject(
    "A field of the ticket.", keys: WorkflowDecoder.fieldKeys, required: ["type"],
    properties: [
      "type": .oneOf(FieldType.names, "what values the field holds"),
      "label": .text("display name"),
      "required": .boolean("true: must be given when the ticket is created (unless it has a default)"),
      "default": .anyOf(
        [.text("a value of the field's type"), .list(of: .text("an item"), "a list field's default")],
        "the value a new ticket gets when none is given"),
      "values": .list(of: .text("an allowed value"), "enum fields: the allowed values", minItems: 1),
      "min": .number("int and number fields: the smallest allowed value"),
      "max": .number("int and number fields: the largest allowed value"),
    ])

  static let state = SchemaObject(
    "A state of the workflow.", keys: StateDecoder.stateKeys,
    properties: [
      "label": .text("display name"),
      "assign": .name("the role responsible while the ticket is here"),
      "final": .boolean("true: reaching this state closes the ticket"),
      "deadline": .reference("stateDeadline"),
      "on": .entries(
        keyPattern: SchemaPatterns.name, value: .reference("transition"),
        "the events this state handles: event name -> transition"),
    ])

  static let transition = SchemaObject(
    "What an event does in this state.", keys: StateDecoder.transitionKeys, required: ["to"],
    properties: [
      "to": .anyOf(
        [.name("the target state"), .list(of: .reference("branch"), "branches: the first whose 'if' holds", minItems: 1)],
        "where the ticket goes: a state, or a list of branches"),
      "by": .names("roles allowed to fire it (omitted: any role of this workflow)"),
      "if": .anyOf(
        [
          .text("a CEL guard"),
          .object(
            SchemaObject(
              "A guard with the message shown on refusal.", keys: StateDecoder.guardKeys,
              required: ["expr"],
              properties: [
                "expr": .text("a CEL guard"), "message": .text("shown to the person refused"),
              ])),
        ], "a guard: the event is refused unless it is true"),
      "require": .list(
        of: .string("a field name", pattern: SchemaPatterns.fieldName),
        "fields that must be non-empty after this step's input"),
      "set": .assignments,
      "assign": .name("the role that holds the ticket after this step"),
      "note": .oneOf(["required", "optional"], "whether the step takes a free-text note"),
      "label": .text("display name of the event"),
    ])

  static let branch = SchemaObject(
    "A branch: taken when its 'if' holds; the last may omit 'if'.", keys: StateDecoder.branchKeys,
    required: ["to"],
    properties: ["if": .text("a CEL condition"), "to": .name("the target state")])

  static let workflowDeadline = SchemaObject(
    "A clock that spans states.", keys: DeadlineDecoder.workflowKeys, required: ["within", "start"],
    properties: [
      "label": .text("display name"),
      "within": .duration("the limit"),
      "start": .anyOf(
        [.oneOf(["created"], "the clock starts when the ticket is created"), .names("states whose entry starts the clock")],
        "'created', or a list of states"),
      "stop": .names("entering one of these stops the clock"),
      "pause": .names("the clock does not run in these states"),
      "warn": .reference("warning"),
      "breach": .reference("actions"),
      "calendar": .string("a calendar of calendars/: count working time only", pattern: SchemaPatterns.workflowID),
    ])

  static let stateDeadline = SchemaObject(
    "A clock measuring the time spent in this state.", keys: DeadlineDecoder.stateKeys,
    required: ["within"],
    properties: [
      "name": .name("the clock's name (default: the state id)"),
      "label": .text("display name"),
      "within": .duration("the limit"),
      "warn": .reference("warning"),
      "breach": .reference("actions"),
      "calendar": .string("a calendar of calendars/: count working time only", pattern: SchemaPatterns.workflowID),
    ])

  static let warning = SchemaObject(
    "A warning run once, 'before' ahead of the due time: one action written inline, or 'actions'.",
    keys: DeadlineDecoder.warnKeys, required: ["before"], dependentRequired: ["message": ["notify"]],
    properties: actionProperties.merging([
      "before": .duration("how long before due the warning runs"),
      "actions": .reference("actions"),
    ]) { a, _ in a })

  static let action = SchemaObject(
    "One action: exactly one of event, assign, notify (with message) or set.",
    keys: ActionDecoder.keys, exactlyOne: ActionDecoder.kinds, dependentRequired: ["message": ["notify"]],
    properties: actionProperties)

  static let actionProperties: [String: SchemaNode] = [
    "event": .name("fire this event of the ticket's current state, as the system"),
    "assign": .name("hand the ticket to this role"),
    "notify": .names("roles to notify (a line in data/outbox.jsonl)"),
    "message": .text("the notification; ${CEL} is replaced by its value"),
    "set": .assignments,
  ]
}

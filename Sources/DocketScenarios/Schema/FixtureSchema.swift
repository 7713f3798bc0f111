import DocketDSL

/// The schema of fixture files (`rules/fixtures/*.yaml`, docs/fixtures.md), built on the key
/// lists of ``FixtureDecoder``.
enum FixtureSchema {
  static let document = SchemaDocument(
    name: "fixture", title: "Docket fixture (rules/fixtures/*.yaml)",
    root: .object(
      SchemaObject(
        "One scenario run by `docket test` on a scratch store with a virtual clock.",
        keys: FixtureDecoder.fixtureKeys, required: FixtureDecoder.fixtureKeys,
        properties: [
          "name": .text("shown in the output; any language"),
          "workflow": .string("the workflow 'new' steps create", pattern: SchemaPatterns.workflowID),
          "start": .string("the fixture's clock, RFC 3339 with an offset", pattern: SchemaPatterns.instant),
          "steps": .list(of: .reference("step"), "the steps, in order"),
        ])),
    definitions: [
      ("step", .object(step)),
      ("expect", .object(expect)),
      ("fieldValues", .entries(keyPattern: SchemaPatterns.fieldName, value: value, "field name -> value")),
      ("ref", .text("a ticket name given by an earlier 'new'")),
      ("user", .name("a user of staff.yaml, or system")),
    ])

  private static let value = SchemaNode.orNull(
    .anyOf([.text("a value as typed with --set"), .list(of: .text("an item"), "a list field")], "a value"))

  static let step = SchemaObject(
    "One action and an optional 'expect'.", keys: FixtureDecoder.stepKeys,
    exactlyOne: FixtureDecoder.actionKeys,
    properties: [
      "new": .object(
        SchemaObject(
          "Create a ticket, like docket new.", keys: FixtureDecoder.newKeys, required: ["as"],
          properties: [
            "as": .reference("user"), "ref": .reference("ref"),
            "fields": .reference("fieldValues"),
            "workflow": .string("overrides the fixture's workflow", pattern: SchemaPatterns.workflowID),
          ])),
      "advance": .object(
        SchemaObject(
          "Fire an event, like docket advance.", keys: FixtureDecoder.advanceKeys,
          required: ["event", "as"],
          properties: [
            "ref": .reference("ref"), "event": .name("the event"), "as": .reference("user"),
            "fields": .reference("fieldValues"), "note": .text("the step's note"),
          ])),
      "assign": .object(
        SchemaObject(
          "Give the ticket to a person, like docket assign.", keys: FixtureDecoder.assignKeys,
          required: ["to", "as"],
          properties: ["ref": .reference("ref"), "to": .reference("user"), "as": .reference("user")])),
      "wait": .duration("move the clock forward and run what falls due"),
      "at": .string("move the clock to this instant and run what falls due", pattern: SchemaPatterns.instant),
      "expect": .reference("expect"),
    ])

  static let expect = SchemaObject(
    "Checks only what it names.", keys: FixtureDecoder.expectKeys,
    properties: [
      "ref": .reference("ref"),
      "state": .name("the ticket is in this state"),
      "status": .oneOf(["open", "closed"], "the ticket's status"),
      "assignee": .object(
        SchemaObject(
          "Each part given matches; null means nobody.", keys: FixtureDecoder.assigneeKeys,
          properties: [
            "role": .orNull(.name("the role holding the ticket")),
            "user": .orNull(.name("the person holding the ticket")),
          ])),
      "fields": .entries(keyPattern: SchemaPatterns.fieldName, value: value, "each named field has this value"),
      "deadlines": .entries(
        keyPattern: SchemaPatterns.name,
        value: .anyOf(
          [
            .oneOf(FixtureDecoder.deadlineStates, "the clock's state"),
            .object(
              SchemaObject(
                "The clock's state and due time.", keys: FixtureDecoder.deadlineKeys,
                properties: [
                  "state": .oneOf(FixtureDecoder.deadlineStates, "the clock's state"),
                  "due_at": .string("RFC 3339 with an offset", pattern: SchemaPatterns.instant),
                ])),
          ], "a state, or { state, due_at }"),
        "deadline name -> expected clock"),
      "error": .anyOf(
        [
          .oneOf(FixtureDecoder.errorCodes, "the refusal's code"),
          .object(
            SchemaObject(
              "The refusal's code and part of its message.", keys: FixtureDecoder.errorKeys,
              required: ["code"],
              properties: [
                "code": .oneOf(FixtureDecoder.errorCodes, "the refusal's code"),
                "message": .text("text the message contains"),
              ])),
        ], "the step was refused with this code"),
      "children": .orNull(
        .list(
          of: .object(
            SchemaObject(
              "A linked child ticket.", keys: FixtureDecoder.childKeys,
              properties: [
                "workflow": .string("its workflow", pattern: SchemaPatterns.workflowID),
                "state": .name("its state"),
              ])),
          "the ticket's children, in order")),
      "outbox": .orNull(
        .list(
          of: .object(
            SchemaObject(
              "A notification this step appended.", keys: FixtureDecoder.outboxKeys,
              properties: [
                "to": .anyOf([.name("a role"), .names("roles")], "roles the line includes"),
                "message": .text("text the message contains"),
              ])),
          "outbox lines this step appended; [] for none")),
      "history": .list(
        of: .object(
          SchemaObject(
            "A history entry.", keys: FixtureDecoder.historyKeys,
            properties: [
              "event": .text("the entry's event"), "actor": .name("who"),
              "from": .name("the state before"), "to": .name("the state after"),
            ])),
        "the last entries of the history, in order"),
    ])
}

/// Every schema `docket schema` writes: the definition files' and the fixtures'.
package enum HomeSchemas {
  package static let all: [SchemaDocument] = DefinitionSchemas.all + [FixtureSchema.document]
}

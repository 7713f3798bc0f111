import DocketModel

/// The schemas of `staff.yaml`, `docket.yaml` and `calendars/*.yaml`, built on the key lists
/// of ``StaffDecoder``, ``SettingsDecoder`` and ``CalendarDecoder``.
extension DefinitionSchemas {
  static let staff = SchemaDocument(
    name: "staff", title: "Docket staff (staff.yaml)",
    root: .object(
      SchemaObject(
        "The people who may act on tickets, and the roles each holds.", keys: StaffDecoder.fileKeys,
        required: ["staff"],
        properties: [
          "staff": .entries(
            keyPattern: SchemaPatterns.name,
            value: .object(
              SchemaObject(
                "A staff member.", keys: StaffDecoder.memberKeys, required: ["name", "roles"],
                properties: [
                  "name": .text("display name, any language"),
                  "roles": .names("the roles this person holds, in every workflow that declares them"),
                ])),
            "user id (used with --as; 'system' is reserved) -> member"),
        ])))

  static let settings = SchemaDocument(
    name: "settings", title: "Docket settings (docket.yaml)",
    root: .object(
      SchemaObject(
        "Home-wide settings; every key is optional.", keys: SettingsDecoder.keys,
        properties: [
          "timezone": .text("IANA time zone whose offset Docket writes in times (default UTC)"),
          "store": .text("the instance store folder, relative to the home (default data)"),
          "rule_depth_limit": .integer(
            "how deep rules may trigger rules before the command is refused", minimum: 1, maximum: 1000),
        ])))

  static let calendar = SchemaDocument(
    name: "calendar", title: "Docket business calendar (calendars/<id>.yaml)",
    root: .object(
      SchemaObject(
        "Working hours, holidays and make-up days (docs/calendars.md).", keys: CalendarDecoder.keys,
        required: ["calendar", "timezone", "week"],
        properties: [
          "calendar": .string("the calendar id, equal to the file stem", pattern: SchemaPatterns.workflowID),
          "title": .text("display name"),
          "timezone": .text("IANA time zone in which hours and dates are read"),
          "week": .entries(
            keyPattern: weekdayKey, value: .reference("hours"),
            "weekday (mon ... sun) or range (mon-fri) -> working hours; absent weekdays are off"),
          "holidays": .list(
            of: .anyOf(
              [
                .string("a date", pattern: SchemaPatterns.date),
                .object(
                  SchemaObject(
                    "A holiday or a range of them (both ends included).", keys: CalendarDecoder.holidayKeys,
                    required: ["date"],
                    properties: [
                      "date": .string("YYYY-MM-DD", pattern: SchemaPatterns.date),
                      "to": .string("the last day of the range, YYYY-MM-DD", pattern: SchemaPatterns.date),
                      "name": .text("what the holiday is"),
                    ])),
              ], "a holiday"),
            "days off"),
          "workdays": .list(
            of: .anyOf(
              [
                .string("a date; works Monday's hours", pattern: SchemaPatterns.date),
                .object(
                  SchemaObject(
                    "A make-up working day.", keys: CalendarDecoder.workdayKeys, required: ["date"],
                    properties: [
                      "date": .string("YYYY-MM-DD", pattern: SchemaPatterns.date),
                      "hours": .reference("hours"),
                      "like": .string("works the hours of this weekday (default mon)", pattern: weekday),
                      "name": .text("why"),
                    ])),
              ], "a make-up working day"),
            "make-up working days, usually a weekend day"),
          "half_days": .list(
            of: .object(
              SchemaObject(
                "A working day with its own, shorter hours.", keys: CalendarDecoder.halfDayKeys,
                required: ["date", "hours"],
                properties: [
                  "date": .string("YYYY-MM-DD", pattern: SchemaPatterns.date),
                  "hours": .reference("hours"),
                  "name": .text("why"),
                ])),
            "working days with their own hours"),
        ])),
    definitions: [
      (
        "hours",
        .anyOf(
          [
            .string("an interval HH:MM-HH:MM", pattern: SchemaPatterns.interval),
            .list(of: .string("an interval HH:MM-HH:MM", pattern: SchemaPatterns.interval), "intervals; [] is a day off"),
          ], "working hours: one interval or a list of them")
      )
    ])

  /// A weekday name in any capitalisation, as the decoder lower-cases it.
  private static let weekdayAlternatives = Weekday.mondayFirst.map { day in
    day.rawValue.map { "[\($0)\(String($0).uppercased())]" }.joined()
  }.joined(separator: "|")
  static let weekday = "^(\(weekdayAlternatives))$"
  static let weekdayKey = "^(\(weekdayAlternatives))(-(\(weekdayAlternatives)))?$"
}

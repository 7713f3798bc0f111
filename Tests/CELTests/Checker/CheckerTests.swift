import Testing

@testable import CEL

/// Variables the tables below may use, typed as Docket declares a ticket's fields.
private let ticketVariables: [String: CELType] = [
  "customer": .string, "visits": .int, "amount": .double, "urgent": .bool,
  "tags": .list(.string), "scores": .map(.string, .int), "now": .timestamp,
  "created_at": .timestamp, "instance": .map(.string, .dyn), "maybe": .optional(.string),
]

private let ticketEnvironment = CELEnvironment(
  variables: ticketVariables,
  functions: [
    CELFunction(
      "working_hours",
      overloads: [
        CELOverload("working_hours_timestamp_timestamp", [.timestamp, .timestamp], .duration)
      ]),
    CELFunction(
      "first",
      overloads: [
        CELOverload("list_first", [.list(.typeParam("T"))], .typeParam("T"), member: true)
      ]),
  ])

@Suite struct CheckerTests {
  struct Deduction: Sendable, CustomTestStringConvertible {
    let expr: String
    let type: String
    var testDescription: String { "\(expr) : \(type)" }
    init(_ expr: String, _ type: String) {
      self.expr = expr
      self.type = type
    }
  }

  static let deductions: [Deduction] = [
    Deduction("visits + 1", "int"),
    Deduction("customer + '先生'", "string"),
    Deduction("visits > 2 && urgent", "bool"),
    Deduction("amount * 2.0 >= 100.0 ? 'high' : 'low'", "string"),
    Deduction("[1, 2]", "list(int)"),
    Deduction("[1, 'a']", "list(dyn)"),
    Deduction("[]", "list(dyn)"),
    Deduction("{}", "map(dyn, dyn)"),
    Deduction("{'a': [1], 'b': []}", "map(string, list(int))"),
    Deduction("tags.exists(t, t.startsWith('vip'))", "bool"),
    Deduction("tags.map(t, size(t))", "list(int)"),
    Deduction("tags.filter(t, t != '')", "list(string)"),
    Deduction("scores.map(k, scores[k] * 2)", "list(int)"),
    Deduction("scores.all(k, v, v > 0)", "bool"),
    Deduction("tags.transformList(i, t, i)", "list(int)"),
    Deduction("scores.transformMap(k, v, v > 1)", "map(string, bool)"),
    Deduction("now - created_at", "google.protobuf.Duration"),
    Deduction("now - created_at > duration('24h')", "bool"),
    Deduction("created_at.getHours('Asia/Shanghai')", "int"),
    Deduction("instance.state", "dyn"),
    Deduction("instance.deadlines.handle_24h.state == 'breached'", "bool"),
    Deduction("has(instance.assignee)", "bool"),
    Deduction("visits == 1.0", "bool"),
    Deduction("'a' != 1", "bool"),
    Deduction("1u in [1, 2]", "bool"),
    Deduction("scores['a']", "int"),
    Deduction("type(visits)", "type(int)"),
    Deduction("dyn(visits)", "dyn"),
    Deduction("int", "type(int)"),
    Deduction("cel.bind(n, visits + 1, n * n)", "int"),
    Deduction("customer.lowerAscii().split(' ')", "list(string)"),
    Deduction("tags.join(', ')", "string"),
    Deduction("'%s: %d'.format([customer, visits])", "string"),
    Deduction("strings.quote(customer)", "string"),
    Deduction("math.greatest(1, 2, 3)", "int"),
    Deduction("math.greatest(1, 2.0)", "dyn"),
    Deduction("math.least([1.5, 2.5])", "double"),
    Deduction("math.abs(-1)", "int"),
    Deduction("base64.encode(b'hi')", "string"),
    Deduction("optional.of(1)", "optional_type(int)"),
    Deduction("optional.none()", "optional_type(dyn)"),
    Deduction("maybe.orValue('none')", "string"),
    Deduction("maybe.optMap(m, size(m))", "optional_type(int)"),
    Deduction("scores.?a", "optional_type(int)"),
    Deduction("scores[?'a'].hasValue()", "bool"),
    Deduction("[?maybe, 'x']", "list(string)"),
    Deduction("working_hours(created_at, now)", "google.protobuf.Duration"),
    Deduction("tags.first()", "string"),
    Deduction("size('客户')", "int"),
  ]

  @Test(arguments: deductions)
  func deducesTheType(_ d: Deduction) throws {
    let program = try ticketEnvironment.compile(d.expr).get()
    #expect(program.resultType.description == d.type)
  }

  @Test func resultTypeLetsCallersRequireBoolGuards() throws {
    #expect(try ticketEnvironment.compile("visits > 1").get().resultType == .bool)
    #expect(try ticketEnvironment.compile("visits + 1").get().resultType == .int)
    #expect(try ticketEnvironment.compile("instance.state").get().resultType == .dyn)
  }

  @Test func guardsMustBeBool() throws {
    #expect(try ticketEnvironment.compile("visits > 1", expecting: .bool).get().resultType == .bool)
    #expect(
      try ticketEnvironment.compile("instance.urgent", expecting: .bool).get().resultType == .dyn)
    switch ticketEnvironment.compile("visits + 1", expecting: .bool) {
    case .success(let program):
      Issue.record("accepted a guard of type \(program.resultType)")
    case .failure(let issues):
      #expect(issues.description == "1:8: expected type 'bool' but found 'int'")
    }
  }

  @Test func guardsCompiledForBoolEvaluateAsResolved() throws {
    let env = CELEnvironment(variables: ["com.example.ok": .bool], container: "com.example")
    let program = try env.compile("ok && true", expecting: .bool).get()
    #expect(program.evaluate(CELBindings(["com.example.ok": true])) == .bool(true))
  }

  @Test func checkingCanBeTurnedOff() throws {
    let program = try CELEnvironment().compile("x + 1", checked: false).get()
    #expect(program.resultType == .dyn)
  }
}

import Testing

@testable import CEL

@Suite struct CheckerDiagnosticsTests {
  /// An expression that must not check, and the first issue: code, cel-go's wording, and
  /// where (1-based line and column, columns in Unicode scalars).
  struct Failure: Sendable, CustomTestStringConvertible {
    let expr: String
    let id: String
    let message: String
    let line: Int
    let column: Int
    var testDescription: String { expr }
    init(_ expr: String, _ id: String, _ message: String, at line: Int, _ column: Int) {
      self.expr = expr
      self.id = id
      self.message = message
      self.line = line
      self.column = column
    }
  }

  static let environment = CELEnvironment(
    variables: ["visits": .int, "customer": .string, "tags": .list(.string), "urgent": .bool],
    functions: [
      CELFunction(
        "working_hours",
        overloads: [CELOverload("working_hours_string_int", [.string, .int], .double)])
    ])

  static let failures: [Failure] = [
    Failure(
      "'a' + 1", "cel_no_matching_overload",
      "found no matching overload for '_+_' applied to '(string, int)'", at: 1, 5),
    Failure(
      "\"客户\" + 1", "cel_no_matching_overload",
      "found no matching overload for '_+_' applied to '(string, int)'", at: 1, 6),
    Failure(
      "urgent &&\n  '客户' + visits > 0", "cel_no_matching_overload",
      "found no matching overload for '_+_' applied to '(string, int)'", at: 2, 8),
    Failure(
      "visit + 1", "cel_undeclared_reference",
      "undeclared reference to 'visit' (did you mean 'visits'?)", at: 1, 1),
    Failure(
      "tags.all(tag, tagz != '')", "cel_undeclared_reference",
      "undeclared reference to 'tagz' (did you mean 'tag'?)", at: 1, 15),
    Failure(
      "sise(tags) > 0", "cel_undeclared_reference",
      "undeclared reference to 'sise' (did you mean 'size'?)", at: 1, 1),
    Failure(
      "nosuch(1)", "cel_undeclared_reference", "undeclared reference to 'nosuch'",
      at: 1, 1),
    Failure(
      "visits && urgent", "cel_type_mismatch", "expected type 'bool' but found 'int'", at: 1, 1),
    Failure(
      "customer.charAt('0')", "cel_no_matching_overload",
      "found no matching overload for 'charAt' applied to 'string.(string)'", at: 1, 10),
    Failure(
      "tags.all(t, t)", "cel_type_mismatch", "expected type 'bool' but found 'string'", at: 1, 13),
    Failure(
      "visits.map(v, v)", "cel_not_a_comprehension_range",
      "expression of type 'int' cannot be range of a comprehension (must be list, map, or dynamic)",
      at: 1, 1),
    Failure(
      "visits.count", "cel_field_selection_unsupported",
      "type 'int' does not support field selection", at: 1, 7),
    Failure(
      "size(visits)", "cel_no_matching_overload",
      "found no matching overload for 'size' applied to '(int)'", at: 1, 1),
    Failure(
      "[].map(x, x + 1) + ['a']", "cel_no_matching_overload",
      "found no matching overload for '_+_' applied to '(list(int), list(string))'", at: 1, 18),
    Failure(
      "urgent ? visits : customer", "cel_no_matching_overload",
      "found no matching overload for '_?_:_' applied to '(bool, int, string)'", at: 1, 8),
    Failure(
      "working_hours(visits, customer) > 1.0", "cel_no_matching_overload",
      "found no matching overload for 'working_hours' applied to '(int, string)'", at: 1, 1),
    Failure(
      "[?visits]", "cel_type_mismatch", "expected type 'optional_type(int)' but found 'int'",
      at: 1, 3),
  ]

  /// Constant arguments every evaluation would reject are load-time errors too.
  static let invalidLiterals: [Failure] = [
    Failure(
      "duration('24x') > duration('1h')", "cel_invalid_literal", "invalid duration argument",
      at: 1, 10),
    Failure(
      "timestamp('2024-13-01T00:00:00Z') < timestamp('2024-01-01T00:00:00Z')",
      "cel_invalid_literal", "invalid timestamp argument", at: 1, 11),
    Failure("customer.matches('[')", "cel_invalid_literal", "invalid matches argument", at: 1, 18),
    Failure(
      "matches(customer, '(a')", "cel_invalid_literal", "invalid matches argument", at: 1, 19),
  ]

  @Test(arguments: failures + invalidLiterals)
  func reportsWhereAndWhy(_ f: Failure) throws {
    switch Self.environment.compile(f.expr) {
    case .success(let program):
      Issue.record("\(f.expr) checked as \(program.resultType)")
    case .failure(let issues):
      let first = try #require(issues.first)
      #expect(first.id == f.id)
      #expect(first.message == f.message)
      #expect((first.line, first.column) == (f.line, f.column), "\(issues)")
    }
  }

  @Test func reportsEveryProblemNotJustTheFirst() throws {
    // A broken operand checks as the error type, which fits anywhere, so each mistake is
    // reported once rather than cascading into its parents.
    let result = Self.environment.compile("visit + 1 > 0 && size(visits) > 0 && 'a' - 1 > 0")
    guard case .failure(let issues) = result else {
      Issue.record("expected issues")
      return
    }
    #expect(
      issues.issues.map(\.message) == [
        "undeclared reference to 'visit' (did you mean 'visits'?)",
        "found no matching overload for 'size' applied to '(int)'",
        "found no matching overload for '_-_' applied to '(string, int)'",
      ])
  }

  @Test func validLiteralsAndComputedArgumentsPass() throws {
    let env = Self.environment
    #expect(throws: Never.self) { try env.compile("duration('1h30m') > duration('90m')").get() }
    #expect(throws: Never.self) { try env.compile("customer.matches('^[a-z]+$')").get() }
    #expect(throws: Never.self) { try env.compile("duration(customer) > duration('1h')").get() }
  }
}

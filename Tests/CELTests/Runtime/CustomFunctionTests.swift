import Testing

@testable import CEL

@Suite struct CustomFunctionTests {
  private let shout = CELFunction(
    "shout",
    overloads: [
      CELOverload("shout_string", [.string], .string) { args in
        guard case .string(let s) = args[0] else { return .error(CELError(code: "type", "not a string")) }
        return .string(s.uppercased() + "!")
      }
    ])

  @Test func customGlobalFunction() throws {
    let env = CELEnvironment(variables: ["name": .string], functions: [shout])
    let program = try env.compile("shout(name)").get()
    #expect(program.resultType == .string)
    #expect(program.evaluate(CELBindings(["name": "hi"])) == .string("HI!"))
  }

  @Test func customMemberFunction() throws {
    let twice = CELFunction(
      "twice", overloads: [CELOverload("int_twice", [.int], .int, member: true) { args in
        if case .int(let i) = args[0] { return .int(i * 2) }
        return .error(CELError(code: "type", "not an int"))
      }])
    let program = try CELEnvironment(functions: [twice]).compile("21.twice()").get()
    #expect(program.evaluate() == .int(42))
  }

  /// Functions whose answer depends on the command being run get their implementation from
  /// the activation, by overload id.
  @Test func implementationFromTheActivation() throws {
    let open = CELFunction("open_tickets", overloads: [CELOverload("open_tickets_string", [.string], .int)])
    let program = try CELEnvironment(functions: [open]).compile("open_tickets('alice') > 2").get()
    let busy = CELBindings([:], implementations: ["open_tickets_string": { _ in .int(5) }])
    let idle = CELBindings([:], implementations: ["open_tickets_string": { _ in .int(0) }])
    #expect(program.evaluate(busy) == .bool(true))
    #expect(program.evaluate(idle) == .bool(false))
    #expect(program.evaluate().isError)
  }

  @Test func typeErrorsAreFoundBeforeRunning() throws {
    let env = CELEnvironment(variables: ["fee": .double, "kind": .string])
    guard case .failure(let issues) = env.compile("kind + 1") else {
      Issue.record("expected a type error")
      return
    }
    let issue = try #require(issues.first)
    #expect(issue.id == "cel_no_matching_overload")
    #expect(issue.message == "found no matching overload for '_+_' applied to '(string, int)'")
    #expect(issue.column == 6)
  }

  @Test func uncheckedProgramsReportTypeErrorsWhenRun() throws {
    let program = try CELEnvironment().compile("[1, 'a'][1] + 1", checked: false).get()
    #expect(program.evaluate().isError)
  }
}

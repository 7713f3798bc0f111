import Testing

@testable import CEL

/// Compiles and evaluates; a compile failure becomes an `.error` so tests stay one-liners.
/// Bound names the environment does not declare are declared `dyn`, so the checker accepts them.
func eval(_ source: String, _ bindings: CELBindings = CELBindings(), env: CELEnvironment = CELEnvironment())
  -> CELValue
{
  var env = env
  for name in bindings.values.keys where env.variables[name] == nil { env.variables[name] = .dyn }
  switch env.compile(source) {
  case .success(let program): return program.evaluate(bindings)
  case .failure(let issues): return .error(CELError(code: "compile", issues.description))
  }
}

@Suite struct EvaluationTests {
  @Test func guardOverFields() {
    let bindings: CELBindings = ["plan_ok": true, "kind": "minor", "fee": 2.5]
    #expect(eval("plan_ok && kind == \"minor\" && fee > 0.0", bindings) == .bool(true))
    #expect(eval("fee > 3.0 || kind != 'minor'", bindings) == .bool(false))
  }

  @Test func arithmeticFollowsCEL() {
    #expect(eval("1 + 2 * 3") == .int(7))
    #expect(eval("7 / 2") == .int(3))
    #expect(eval("-7 % 3") == .int(-1))
    #expect(eval("3u - 1u") == .uint(2))
    #expect(eval("9223372036854775807 + 1").isError)
    #expect(eval("0u - 1u").isError)
    #expect(eval("1 / 0").isError)
    #expect(eval("-9223372036854775808") == .int(Int64.min))
  }

  @Test func heterogeneousEquality() {
    #expect(eval("1 == 1.0 && 1u == 1 && 1.0 == 1u") == .bool(true))
    #expect(eval("[1, 2] == [1.0, 2u]") == .bool(true))
    #expect(eval("{1: 'a'}[1u]") == .string("a"))
    #expect(eval("'a' == 1") == .bool(false))
    #expect(eval("1 < 1.5 && 2u > -1") == .bool(true))
  }

  @Test func errorsAreAbsorbedCommutatively() {
    #expect(eval("false && 1 / 0 > 0") == .bool(false))
    #expect(eval("1 / 0 > 0 && false") == .bool(false))
    #expect(eval("1 / 0 > 0 || true") == .bool(true))
    #expect(eval("1 / 0 > 0 && true").isError)
  }

  @Test func macros() {
    #expect(eval("[1, 2, 3].all(x, x > 0)") == .bool(true))
    #expect(eval("[1, 2, 3].exists(x, x == 2)") == .bool(true))
    #expect(eval("[1, 2, 3].exists_one(x, x > 1)") == .bool(false))
    #expect(eval("[1, 2, 3].map(x, x * 2)") == .list([2, 4, 6]))
    #expect(eval("[1, 2, 3].filter(x, x % 2 == 1)") == .list([1, 3]))
    #expect(eval("has({'a': 1}.a) && !has({'a': 1}.b)") == .bool(true))
    #expect(eval("cel.bind(x, 2, x * x)") == .int(4))
  }

  @Test func itemsExist() {
    let items = CELValue.list((0..<100).map { i in CELValue.map(CELMap(strings: ["price": .double(Double(i))])) })
    #expect(eval("items.exists(i, i.price > 100.0)", ["items": items]) == .bool(false))
    #expect(eval("items.exists(i, i.price > 98.0)", ["items": items]) == .bool(true))
  }

  @Test func timeArithmetic() {
    let bindings: CELBindings = [
      "now": .timestamp(CELTimestamp(parsing: "2024-05-02T12:00:00Z")!),
      "created_at": .timestamp(CELTimestamp(parsing: "2024-05-01T08:00:00+08:00")!),
    ]
    #expect(eval("now - created_at > duration('24h')", bindings) == .bool(true))
    #expect(eval("created_at.getHours('Asia/Shanghai')", bindings) == .int(8))
    #expect(eval("created_at.getHours()", bindings) == .int(0))
  }

  @Test func errorsPointAtTheFailingNode() throws {
    let program = try CELEnvironment(variables: ["x": .int]).compile("1 + 2 / (x - x)").get()
    let value = program.evaluate(CELBindings(["x": 3]))
    guard case .error(let e) = value else {
      Issue.record("expected an error, got \(value)")
      return
    }
    #expect(e.message == "division by zero")
    #expect(program.range(of: e) == 6..<7)
  }

  @Test func unboundVariableIsAnError() {
    #expect(eval("missing + 1").isError)
  }
}

@Suite struct ConcurrentEvaluationTests {
  /// A program is compiled once and evaluated from many threads at once.
  @Test func programsAreSharedAcrossTasks() async throws {
    let env = CELEnvironment(variables: ["n": .int, "s": .string])
    let program = try env.compile("[1, 2, 3].map(x, x * n).exists(y, y == 3 * n) && s.matches('^a+$')").get()
    let results = await withTaskGroup(of: Bool.self) { group in
      for i in 0..<64 {
        group.addTask {
          var ok = true
          for j in 0..<200 {
            let expected = j % 2 == 0
            let v = program.evaluate(CELBindings(["n": .int(Int64(i + j)), "s": expected ? "aaa" : "ab"]))
            ok = ok && v == .bool(expected)
          }
          return ok
        }
      }
      var all: [Bool] = []
      for await r in group { all.append(r) }
      return all
    }
    #expect(results.count == 64)
    #expect(results.allSatisfy { $0 })
  }
}

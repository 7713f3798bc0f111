import Testing

@testable import CEL

/// The math extension: mixed-kind extremes, rounding, bit operations, and overflow or bad
/// arguments as error values.
@Suite struct MathExtensionTests {
  private func eval(_ source: String, _ vars: [String: CELValue] = [:]) -> CELValue {
    let env = CELEnvironment(variables: vars.mapValues { _ in CELType.dyn })
    switch env.compile(source) {
    case .success(let program): return program.evaluate(CELBindings(vars))
    case .failure(let issues): return .error(CELError(code: "check", "\(issues)"))
    }
  }

  @Test(arguments: [
    ("math.greatest(1, 2.5, 2u)", CELValue.double(2.5)),
    ("math.least(3u, -1, 0.5)", .int(-1)),
    ("math.greatest([7, 3])", .int(7)),
    ("math.round(2.5)", .double(3)),
    ("math.round(-2.5)", .double(-3)),
    ("math.trunc(-2.7)", .double(-2)),
    ("math.abs(-7)", .int(7)),
    ("math.sign(-0.5)", .double(-1)),
    ("math.sqrt(16)", .double(4)),
    ("math.bitShiftRight(-1, 60)", .int(15)),
    ("math.bitShiftLeft(1, 64)", .int(0)),
    ("math.bitXor(6u, 3u)", .uint(5)),
  ])
  func results(_ source: String, _ expected: CELValue) {
    #expect(eval(source) == expected, "\(source)")
  }

  @Test func variadicArgumentsMayComeFromVariables() {
    #expect(eval("math.greatest(a, b, 1)", ["a": .int(4), "b": .double(9)]) == .double(9))
    guard case .error = eval("math.least(a, b, 1)", ["a": .int(4), "b": .string("x")]) else {
      Issue.record("a string among the numbers should be an error")
      return
    }
  }

  @Test(arguments: [
    "math.abs(-9223372036854775807 - 1)", "math.greatest(dyn([]))",
    "math.bitShiftLeft(1, -1)", "math.greatest(dyn(['a']))", "math.ceil(dyn(1))",
  ])
  func failuresAreErrorValues(_ source: String) {
    guard case .error = eval(source) else {
      Issue.record("\(source) should be an error, got \(eval(source))")
      return
    }
  }
}

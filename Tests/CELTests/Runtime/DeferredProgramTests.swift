import Synchronization
import Testing

@testable import CEL

/// A deferred program behaves as the program it compiles to, compiles once however many
/// threads ask, and turns a failed compile into error values instead of a crash.
@Suite struct DeferredProgramTests {
  @Test func evaluatesAsTheCompiledProgramAndCompilesOnFirstUse() throws {
    let env = CELEnvironment(variables: ["n": .int])
    let compiles = Mutex(0)
    let program = CELProgram.deferred(source: "n * 2 + 1") {
      compiles.withLock { $0 += 1 }
      return env.compile("n * 2 + 1")
    }
    #expect(compiles.withLock { $0 } == 0)
    #expect(program.evaluate(CELBindings(["n": .int(20)])) == .int(41))
    #expect(program.resultType == .int)
    #expect(program.evaluate(CELBindings(["n": .int(1)])) == .int(3))
    #expect(compiles.withLock { $0 } == 1)
  }

  @Test func anErrorPointsIntoTheSourceAsTheCompiledProgramsDo() throws {
    let env = CELEnvironment(variables: ["n": .int])
    let source = "1 +\n  10 / n"
    let program = CELProgram.deferred(source: source) { env.compile(source) }
    let eager = try env.compile(source).get()
    guard case .error(let error) = program.evaluate(CELBindings(["n": .int(0)])),
      case .error(let expected) = eager.evaluate(CELBindings(["n": .int(0)]))
    else {
      Issue.record("division by zero should be an error value")
      return
    }
    #expect(error == expected)
    #expect(program.position(of: error)?.line == 2)
    #expect(program.range(of: error) == eager.range(of: expected))
  }

  @Test func aSourceThatNoLongerCompilesEvaluatesToAnError() {
    let program = CELProgram.deferred(source: "missing + 1") {
      CELEnvironment().compile("missing + 1")
    }
    guard case .error(let error) = program.evaluate() else {
      Issue.record("expected an error value")
      return
    }
    #expect(error.code == "not_compiled")
    #expect(error.message.contains("missing + 1"))
    #expect(program.resultType == .error)
  }

  @Test func manyThreadsShareOneCompile() async {
    let compiles = Mutex(0)
    let program = CELProgram.deferred(source: "[1, 2, 3].map(x, x * x)") {
      compiles.withLock { $0 += 1 }
      return CELEnvironment().compile("[1, 2, 3].map(x, x * x)")
    }
    let results = await withTaskGroup(of: CELValue.self) { group in
      for _ in 0..<32 { group.addTask { program.evaluate() } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 32)
    #expect(Set(results.map { "\($0)" }).count == 1)
    #expect(compiles.withLock { $0 } == 1)
  }
}

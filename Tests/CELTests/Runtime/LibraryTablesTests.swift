import Testing

@testable import CEL

/// The built-in libraries build each function when it is first called for; they must
/// still offer every function they list, each under its own name, and mix with libraries
/// and custom functions given whole as they did when built up front.
@Suite struct LibraryTablesTests {
  @Test func everyListedNameBuildsThatFunctionAndTheCheckerDeclaresIt() {
    for library in CELLibrary.builtIn {
      guard case .deferred(let deferred) = library.contents else {
        Issue.record("\(library.name) is built up front")
        continue
      }
      #expect(Set(deferred.names).count == deferred.names.count, "\(library.name)")
      for name in deferred.names {
        let function = deferred.function(named: name)
        #expect(function?.name == name, "\(library.name).\(name)")
        #expect(function?.overloads.isEmpty == false, "\(library.name).\(name)")
        let declared = CheckerDeclarations.all.function(named: name)?.overloads.map(\.id) ?? []
        for id in function?.overloads.map(\.id) ?? [] {
          #expect(declared.contains(id), "\(name): \(id)")
        }
      }
      #expect(library.functions.map(\.name) == deferred.names)
      #expect(deferred.function(named: "no_such_function") == nil)
    }
  }

  @Test func builtInFunctionsWorkWhenCalled() throws {
    let env = CELEnvironment()
    #expect(try env.compile("'abc'.reverse() + base64.encode(b'hi')").get().evaluate() == "cbaaGk=")
    #expect(try env.compile("math.greatest(1, 5, 3)").get().evaluate() == .int(5))
    #expect(try env.compile("'%d items'.format([3])").get().evaluate() == "3 items")
  }

  /// A library given whole after the built-in ones, then custom functions: overloads of a
  /// name are tried in that order.
  @Test func librariesGivenWholeAndCustomFunctionsStillPlan() throws {
    let mine = CELLibrary(
      name: "mine",
      functions: [
        CELFunction("echo", overloads: [CELOverload("echo_string", [.string], .string) { $0[0] }])
      ])
    let echoInt = CELFunction(
      "echo", overloads: [CELOverload("echo_int", [.int], .int) { _ in .int(7) }])
    let env = CELEnvironment(functions: [echoInt], libraries: CELLibrary.builtIn + [mine])
    #expect(try env.compile("echo('a').upperAscii()").get().evaluate() == "A")
    #expect(try env.compile("echo(1)").get().evaluate() == .int(7))
    let prepared = PreparedCELEnvironment(env)
    #expect(try prepared.compile("echo(2) + math.abs(-1)").get().evaluate() == .int(8))
  }

  /// Functions taken out of a built-in library are no longer there to call.
  @Test func aLibraryCutDownKeepsOnlyItsFunctions() throws {
    var math = CELLibrary.math
    math.functions.removeAll { $0.name != "math.abs" }
    let env = CELEnvironment(libraries: [math])
    #expect(try env.compile("math.abs(-3)").get().evaluate() == .int(3))
    let sqrt = try env.compile("math.sqrt(4.0)").get().evaluate()
    guard case .error = sqrt else {
      Issue.record("math.sqrt planned without its library: \(sqrt)")
      return
    }
  }
}

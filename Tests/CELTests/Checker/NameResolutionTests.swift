import Testing

@testable import CEL

@Suite struct NameResolutionTests {
  @Test func containerNamesResolveInnermostFirst() throws {
    let env = CELEnvironment(
      variables: ["com.example.y": .bool, "y": .string], container: "com.example")
    #expect(try env.compile("y").get().resultType == .bool)
    #expect(try env.compile(".y").get().resultType == .string)
  }

  @Test func comprehensionVariablesShadowDeclaredNames() throws {
    let env = CELEnvironment(variables: ["y.z": .string, "y": .string])
    #expect(try env.compile("[{'z': 1}].map(y, y.z)").get().resultType == .list(.int))
    #expect(try env.compile("y.z").get().resultType == .string)
  }

  @Test func qualifiedVariablesAndMapFields() throws {
    let env = CELEnvironment(variables: ["a.b": .map(.string, .int)])
    #expect(try env.compile("a.b.c").get().resultType == .int)
  }
}

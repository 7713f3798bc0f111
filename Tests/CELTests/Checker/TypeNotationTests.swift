import Testing

@testable import CEL

@Suite struct TypeNotationTests {
  static let roundTrips = [
    "int", "uint", "double", "bool", "string", "bytes", "null_type", "dyn",
    "google.protobuf.Timestamp", "google.protobuf.Duration", "list(int)", "map(string, dyn)",
    "type(int)", "optional_type(int)", "list(map(string, list(T)))", "tuple(T, U, V)",
  ]

  @Test(arguments: roundTrips)
  func readsWhatItPrints(_ text: String) throws {
    let t = try #require(CELType(notation: text))
    #expect(t.description == text)
  }

  @Test func namesItDoesNotKnowAreParametersOrOpaqueTypes() {
    #expect(CELType(notation: "T") == .typeParam("T"))
    #expect(CELType(notation: "net.IP") == .opaque("net.IP", []))
    #expect(CELType(notation: " map( int ,list(K) ) ") == .map(.int, .list(.typeParam("K"))))
  }

  @Test(arguments: ["", "list(", "map(int)", "list(int))", "int int", "list()", "(int)"])
  func refusesMalformedText(_ text: String) {
    #expect(CELType(notation: text) == nil)
  }

  @Test func refusesHostileNesting() {
    let deep =
      String(repeating: "list(", count: 10_000) + "int" + String(repeating: ")", count: 10_000)
    #expect(CELType(notation: deep) == nil)
  }
}

@Suite struct TypeUnificationTests {
  @Test func bindsAndWidensParameters() {
    var s = TypeSubstitution()
    let boundToInt = s.isAssignable(.int, .typeParam("A"))
    #expect(boundToInt)
    #expect(s.substitute(.typeParam("A"), unboundToDyn: true) == .int)
    // Meeting dyn widens the binding rather than failing.
    let widenedToDyn = s.isAssignable(.dyn, .typeParam("A"))
    #expect(widenedToDyn)
    #expect(s.substitute(.list(.typeParam("A")), unboundToDyn: true) == .list(.dyn))
  }

  @Test func refusesConflictingBindingsAndLeavesTheSubstitutionUnchanged() {
    var s = TypeSubstitution()
    let conflicting = s.isAssignable([.int, .string], [.typeParam("A"), .typeParam("A")])
    #expect(!conflicting)
    #expect(s.binding(of: "A") == nil)
  }

  @Test func unboundParametersBecomeDynOnlyAtTheEnd() {
    let s = TypeSubstitution()
    #expect(
      s.substitute(.map(.typeParam("K"), .int), unboundToDyn: false) == .map(.typeParam("K"), .int))
    #expect(s.substitute(.map(.typeParam("K"), .int), unboundToDyn: true) == .map(.dyn, .int))
  }

  @Test func theOccursCheckPreventsCycles() {
    var s = TypeSubstitution()
    let cyclic = s.isAssignable(.list(.typeParam("A")), .typeParam("A"))
    #expect(!cyclic)
  }

  @Test func nullFitsNullableTypesOnly() {
    var s = TypeSubstitution()
    let nullAsTimestamp = s.isAssignable(.null, .timestamp)
    #expect(nullAsTimestamp)
    let optionalFromNull = s.isAssignable(.optional(.int), .null)
    #expect(optionalFromNull)
    let nullAsInt = s.isAssignable(.null, .int)
    #expect(!nullAsInt)
    #expect(TypeSubstitution.mostGeneral(.optional(.int), .null) == .optional(.int))
  }
}

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

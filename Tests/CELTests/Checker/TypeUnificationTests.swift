import Testing

@testable import CEL

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

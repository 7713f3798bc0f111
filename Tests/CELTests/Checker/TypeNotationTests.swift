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

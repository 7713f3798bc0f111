import Testing

@testable import CEL

@Suite struct JSONTests {
  @Test func typedJSONRoundTrips() throws {
    let text = #"{"map":[[{"string":"a"},{"list":[{"int":"-3"},{"uint":"18446744073709551615"},{"double":"NaN"},{"bytes":"AP8="}]}]]}"#
    let value = try CELValue(typedJSON: CELJSON(parsing: text))
    #expect(value.typedJSON.text == text)
  }

  @Test func plainJSONTakesATypeHint() throws {
    #expect(try CELValue(jsonText: "3", as: .int) == .int(3))
    #expect(try CELValue(jsonText: "3") == .double(3))
    #expect(throws: CELJSONError.self) { try CELValue(jsonText: "3.5", as: .int) }
    let ts = try CELValue(jsonText: #""2024-01-02T03:04:05Z""#, as: .timestamp)
    #expect(try ts.toJSON() == .string("2024-01-02T03:04:05Z"))
    let m = try CELValue(jsonText: #"{"n": [1, 2]}"#, as: .map(.string, .list(.int)))
    #expect(m == .map(CELMap(strings: ["n": [1, 2]])))
  }
}

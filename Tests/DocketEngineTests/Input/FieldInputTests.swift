import DocketEngine
import DocketModel
import Foundation
import Testing

/// One `--set` text for one field type, and what is stored (nil: refused as invalid_value).
struct SetCase: CustomStringConvertible, Sendable {
  var field: FieldName
  var text: String
  var stored: JSONValue?
  var description: String { "\(field)=\(text)" }
}

private func everyType() -> WorkflowDefinition {
  WorkflowBuilder(
    "forms", prefix: "FRM", roles: ["specialist"],
    fields: [
      field("s", .string), field("t", .text), field("i", .int, min: 1, max: 10),
      field("n", .number, max: 99.5), field("b", .bool), field("e", .enum(["red", "green"])),
      field("d", .date), field("dt", .datetime), field("du", .duration), field("l", .list),
    ]
  ).build(initial: "open", states: [state("open", assign: "specialist")])
}

@Suite("Typed input from --set and fixtures")
struct FieldInputTests {
  static let cases: [SetCase] = [
    SetCase(field: "s", text: "李伟 x", stored: "李伟 x"),
    SetCase(field: "i", text: "7", stored: 7),
    SetCase(field: "i", text: "7.5", stored: nil),
    SetCase(field: "i", text: "11", stored: nil),
    SetCase(field: "i", text: "0", stored: nil),
    SetCase(field: "n", text: "12.25", stored: 12.25),
    SetCase(field: "n", text: "100", stored: nil),
    SetCase(field: "n", text: "nan", stored: nil),
    SetCase(field: "b", text: "yes", stored: true),
    SetCase(field: "b", text: "0", stored: false),
    SetCase(field: "b", text: "maybe", stored: nil),
    SetCase(field: "e", text: "green", stored: "green"),
    SetCase(field: "e", text: "blue", stored: nil),
    SetCase(field: "d", text: "2024-02-29", stored: "2024-02-29"),
    SetCase(field: "d", text: "2026-02-29", stored: nil),
    SetCase(field: "dt", text: "2026-03-02T01:00:00Z", stored: "2026-03-02T09:00:00+08:00"),
    SetCase(field: "dt", text: "2026-03-02 09:00", stored: nil),
    SetCase(field: "du", text: "90m", stored: "1h30m"),
    SetCase(field: "du", text: "an hour", stored: nil),
    SetCase(field: "l", text: "a, b,,c", stored: .array(["a", "b", "c"])),
    SetCase(field: "l", text: "[\"x,y\", \"z\"]", stored: .array(["x,y", "z"])),
    SetCase(field: "l", text: "[1,", stored: nil),
  ]

  @Test(arguments: cases) func setTextIsParsedByFieldType(_ c: SetCase) throws {
    let desk = Desk([everyType()])
    let result = desk.new("forms", as: "li.wei", [c.field: .text(c.text)])
    if let stored = c.stored {
      #expect(try result.get().fields[c.field.rawValue] == stored)
    } else {
      #expect(result.code == "invalid_value")
    }
  }

  @Test func refusalMessageSaysWhatTheFieldAccepts() throws {
    let desk = Desk([everyType()])
    guard case .failure(let r) = desk.new("forms", as: "li.wei", ["e": .text("blue")]) else {
      Issue.record("expected a refusal")
      return
    }
    #expect(r.message == "'blue' is not a valid value for 'e': e takes one of red, green.")
  }

  @Test func emptyTextClearsAField() throws {
    let desk = Desk([everyType()])
    let id = try desk.new("forms", as: "li.wei", ["s": .text("x")]).get().id
    #expect(desk[id]?.fields["s"] == "x")
    let cleared = desk.engine.create("forms", input: ["s": .text("")], actor: "li.wei", at: desk.now, reader: desk.store)
    #expect(try cleared.get().instances.first?.fields["s"] == nil)
  }

  @Test func typedValuesAreCheckedToo() throws {
    let desk = Desk([everyType()])
    #expect(desk.new("forms", as: "li.wei", ["b": .value(3)]).code == "invalid_value")
    #expect(desk.new("forms", as: "li.wei", ["l": .value(.array(["a", .object([:])]))]).code == "invalid_value")
    #expect(try desk.new("forms", as: "li.wei", ["i": .value(4.0)]).get().fields["i"] == 4)
  }
}

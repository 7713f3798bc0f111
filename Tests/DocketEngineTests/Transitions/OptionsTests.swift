import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Options for show")
struct OptionsTests {
  @Test func listsEveryEventWithPermissionAndReason() throws {
    let desk = try Desk()
    let t = try desk.new().get()
    let options = desk.engine.options(for: t, actor: "li.wei", at: desk.now)
    #expect(options.map(\.event) == ["accept", "escalate"])
    #expect(options[0].isPermitted)
    #expect(options[1].refusal?.code == "not_permitted")
    #expect(options[1].targets == ["handling"])
    #expect(desk[t.id] == t, "options change nothing")
  }

  @Test func reportsGuardValueAndMissingFields() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    let t = try desk.advance(id, "accept").get()
    let resolve = try #require(desk.engine.options(for: t, actor: "li.wei", at: desk.now).first { $0.event == "resolve" })
    #expect(resolve.isPermitted)
    #expect(resolve.missingFields == ["resolution"])
  }

  @Test func closedTicketHasNoOptionsAndUnknownActorIsRefused() throws {
    let desk = try Desk()
    let t = try desk.new().get()
    #expect(desk.engine.options(for: t, actor: "ghost", at: desk.now).allSatisfy { $0.refusal?.code == "unknown_user" })
  }
}

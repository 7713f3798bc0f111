import DocketDSL
import DocketEngine
import DocketModel
import Foundation
import Testing

/// A guard that reads a field the step requires: leaving the field out must be reported as a
/// missing field by its label, not as a guard failing on null.
@Suite("require is checked before the guard")
struct RequireBeforeGuardTests {
  func deskWithRepair() throws -> (Desk, InstanceID) {
    let loaded = try HomeLoader.load(home: repositoryRoot)
    let repair = try #require(loaded.home.workflows["repair"])
    let desk = Desk([repair], staff: loaded.home.staff)
    let input: FieldInput = [
      "kind": .value("tenant"), "requester": .value("王先生"), "unit": .value("L2-015"),
      "equipment": .value("hvac"), "description": .value("空调不制冷"),
    ]
    let id = try desk.new("repair", as: "li.wei", input).get().id
    return (desk, id)
  }

  @Test func missingRequiredFieldIsMissingNotAGuardFailure() throws {
    let (desk, id) = try deskWithRepair()
    let refused = desk.advance(id, "dispatch", as: "li.wei")
    guard case .failure(let refusal) = refused else {
      Issue.record("dispatch without due_at should be refused")
      return
    }
    #expect(refusal.code == "missing_fields")
    #expect(refusal.message.contains("约定完成时间"))
  }

  @Test func guardStillJudgesTheFilledField() throws {
    let (desk, id) = try deskWithRepair()
    let past: FieldInput = ["due_at": .text("2000-01-01T00:00:00+08:00")]
    #expect(desk.advance(id, "dispatch", as: "li.wei", past).code == "guard_failed")
  }

  @Test func showListsTheMissingFieldInsteadOfJudgingTheGuard() throws {
    let (desk, id) = try deskWithRepair()
    let ticket = try #require(desk[id])
    let dispatch = try #require(
      desk.engine.options(for: ticket, actor: "li.wei", at: desk.now).first { $0.event == "dispatch" })
    #expect(dispatch.refusal == nil)
    #expect(dispatch.missingFields == ["due_at"])
  }
}

import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Assignment")
struct AssignmentTests {
  @Test func personKeepsTicketAcrossStatesWhileHoldingTheRole() throws {
    let desk = try Desk()
    let id = try desk.new(as: "wang.fang").get().id
    desk.advance(id, "accept", as: "wang.fang")
    desk.advance(id, "wait_customer", as: "wang.fang")
    #expect(desk[id]?.assignee == Assignee(role: "specialist", user: "wang.fang"), "a state without assign keeps the holder")
    desk.advance(id, "resume", as: "wang.fang")
    desk.advance(id, "resolve", as: "wang.fang", ["resolution": .text("done")])
    let t = try desk.advance(id, "record_visit", as: "wang.fang", ["satisfaction": .text("unsatisfied")]).get()
    #expect(t.state == "supervisor_revisit")
    #expect(t.assignee == Assignee(role: "supervisor", user: "wang.fang"))
    #expect(t.history.last?.assignee == Assignee(role: "supervisor", user: "wang.fang"))
  }

  @Test func ticketWaitsInQueueWhenHolderLacksTheNewRole() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    desk.advance(id, "accept")
    desk.advance(id, "resolve", ["resolution": .text("done")])
    let t = try desk.advance(id, "record_visit", ["satisfaction": .text("unsatisfied")]).get()
    #expect(t.assignee == Assignee(role: "supervisor", user: nil))
  }

  @Test func transitionAssignOverridesTargetStateRole() throws {
    let desk = try Desk()
    let id = try desk.new(as: "wang.fang").get().id
    let t = try desk.advance(id, "escalate", as: "wang.fang").get()
    #expect(t.assignee == Assignee(role: "supervisor", user: "wang.fang"))
  }

  @Test func staffMayClaimATicketOfTheirRole() throws {
    let desk = try Desk()
    let id = try desk.new(as: "chen.jie").get().id
    let t = try desk.assign(id, to: "zhao.min", as: "zhao.min").get()
    #expect(t.assignee == Assignee(role: "specialist", user: "zhao.min"))
    #expect(t.history.last?.event == "assign")
    #expect(t.revision == 2)
  }

  @Test func staffOfTheWorkflowMayGiveATicketToSomeoneHoldingItsRole() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    #expect(try desk.assign(id, to: "zhao.min", as: "chen.jie").get().assignee.user == "zhao.min")
  }

  @Test func refusesAssigneeWithoutTheRoleAndOutsidersAndClosedTickets() throws {
    let desk = try Desk()
    let id = try desk.new().get().id
    #expect(desk.assign(id, to: "chen.jie", as: "li.wei").code == "not_permitted")
    #expect(desk.assign(id, to: "zhao.min", as: "guard.zhou").code == "not_permitted")
    #expect(desk.assign(id, to: "ghost", as: "li.wei").code == "unknown_user")
    #expect(desk.assign("CMP-000077", to: "zhao.min", as: "li.wei").code == "unknown_id")
    desk.advance(id, "accept")
    desk.advance(id, "resolve", ["resolution": .text("done")])
    desk.advance(id, "record_visit", ["satisfaction": .text("satisfied")])
    #expect(desk.assign(id, to: "zhao.min", as: "li.wei").code == "final_state")
  }
}

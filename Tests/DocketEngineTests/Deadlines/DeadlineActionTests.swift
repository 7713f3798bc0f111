import DocketEngine
import DocketModel
import Foundation
import Testing

/// A chain of one-hour state clocks (a → b → c) plus an SLA with a warning, to test order,
/// several due points in one tick, and every kind of action.
private func chain() throws -> WorkflowDefinition {
  let b = WorkflowBuilder(
    "chain", prefix: "CHN", roles: ["specialist", "supervisor"],
    fields: [field("title", .string), field("bumps", .int, default: 0), field("level", .enum(["low", "high"]))])
  func clock(_ s: StateID, _ breach: [ActionDefinition]) -> DeadlineDefinition {
    DeadlineDefinition(name: DeadlineName(s.rawValue), within: hours(1), scope: .state(s), breach: breach)
  }
  return b.build(
    initial: "a",
    states: [
      state("a", assign: "specialist", deadline: clock("a", [.fire("next", target: .self, span: nil)]), [on("next", to: "b")]),
      state(
        "b", assign: "specialist",
        deadline: clock("b", [
          .set([FieldAssignment(field: "bumps", value: try b.expr("bumps + 1"))], span: nil),
          .fire("next", target: .self, span: nil),
        ]),
        [on("next", to: "c", by: ["supervisor"])]),
      state(
        "c",
        deadline: clock("c", [
          .fire("missing", target: .self, span: nil),
          .set([FieldAssignment(field: "level", value: try b.expr("\"medium\""))], span: nil),
          .assign("supervisor", span: nil),
        ]),
        [on("finish", to: "done")]),
      state("done", final: true),
    ],
    deadlines: [
      DeadlineDefinition(
        name: "sla", within: hours(10), scope: .workflow(start: .created, stop: ["done"], pause: []),
        warning: WarningDefinition(
          before: hours(2),
          actions: [
            .notify(
              roles: ["supervisor"],
              message: b.template([
                .text("SLA soon: "), .expression(try b.expr("instance.id")), .text(" in "),
                .expression(try b.expr("instance.state")), .text(" "), .expression(try b.expr("1 / (bumps - 1)")),
              ]), span: nil)
          ]),
        breach: [.notify(roles: ["specialist", "supervisor"], message: nil, span: nil)])
    ])
}

@Suite("Deadline actions and tick order")
struct DeadlineActionTests {
  @Test func severalDuePointsRunInOrderInOneTick() throws {
    let desk = Desk([try chain()])
    let id = try desk.new("chain", as: "li.wei", .none).get().id
    desk.wait(hours: 5)
    let t = try #require(desk[id])
    #expect(t.state == "c", "a breached at 1h → b; b breached at 2h → c; c breached at 3h stays")
    #expect(t.deadlines["a"]?.breachedAt == at(hours: 1))
    #expect(t.deadlines["b"]?.breachedAt == at(hours: 2))
    #expect(t.deadlines["c"]?.breachedAt == at(hours: 3))
    #expect(t.fields["bumps"] == 1)
    let events = t.history.map(\.event)
    #expect(
      events == [
        "create", "breach:a", "next", "breach:b", "set", "next", "breach:c", "failed:missing",
        "failed:set", "assign",
      ])
    #expect(t.history.map(\.seq) == Array(1...events.count))
    #expect(t.revision == 2, "one tick writes the ticket once")
  }

  @Test func eventThatIsNotPermittedIsRecordedNotFatal() throws {
    let desk = Desk([try chain()])
    let id = try desk.new("chain", as: "li.wei", .none).get().id
    desk.wait(hours: 2.5)
    let t = try #require(desk[id])
    #expect(t.state == "c", "system is never restricted by `by`")
    desk.wait(hours: 1)
    let failed = try #require(desk[id]?.history.first { $0.event == "failed:missing" })
    #expect(failed.actor == "system")
    #expect(failed.note?.contains("not an event of state 'c'") == true)
    #expect(desk[id]?.assignee == Assignee(role: "supervisor", user: nil))
  }

  @Test func warningRunsOnceBeforeDueAndRendersTemplates() throws {
    let desk = Desk([try chain()])
    let id = try desk.new("chain", as: "li.wei", .none).get().id
    desk.wait(hours: 8.5)
    let warnings = desk.store.outbox
    #expect(warnings.count == 1)
    #expect(warnings.first?.at == at(hours: 8))
    #expect(warnings.first?.message == "SLA soon: CHN-000001 in c ⟨error: division by zero⟩")
    #expect(desk[id]?.deadlines["sla"]?.warnedAt == at(hours: 8))
    desk.wait(hours: 0.25)
    #expect(desk.store.outbox.count == 1, "the warning runs once")
    desk.wait(hours: 2)
    #expect(desk.store.outbox.count == 2)
    #expect(desk.store.outbox.last?.to == ["specialist", "supervisor"])
    #expect(desk.store.outbox.last?.message == "CHN-000001: deadline 'sla' is overdue")
  }

  @Test func warningAndBreachBothDueRunInOrderInOneTick() throws {
    let desk = Desk([try chain()])
    desk.new("chain", as: "li.wei", .none)
    desk.wait(hours: 11)
    #expect(desk.store.outbox.map(\.at) == [at(hours: 8), at(hours: 10)])
  }

  @Test func ticketsRunInDueTimeThenIdOrder() throws {
    let desk = Desk([try chain()])
    let first = try desk.new("chain", as: "li.wei", .none).get().id
    desk.now = at(hours: -1)
    let earlier = try desk.new("chain", as: "li.wei", .none).get().id
    desk.now = morning
    let third = try desk.new("chain", as: "li.wei", .none).get().id
    desk.now = at(hours: 12)
    let changes = desk.tick()
    #expect(changes.outbox.map(\.instance) == [earlier, first, third, earlier, first, third])
    #expect(changes.instances.count == 3)
  }

  @Test func breachesOfOneTicketAtTheSameTimeRunInDeadlineNameOrder() throws {
    let b = WorkflowBuilder("twin", prefix: "TWN", roles: ["specialist"], fields: [])
    func sla(_ name: DeadlineName) -> DeadlineDefinition {
      DeadlineDefinition(
        name: name, within: hours(1), scope: .workflow(start: .created, stop: [], pause: []),
        breach: [.notify(roles: ["specialist"], message: MessageTemplate(literal: name.rawValue), span: nil)])
    }
    let wf = b.build(initial: "open", states: [state("open")], deadlines: [sla("zeta"), sla("alpha")])
    let desk = Desk([wf])
    desk.new("twin", as: "li.wei", .none)
    desk.wait(hours: 2)
    #expect(desk.store.outbox.map(\.message) == ["alpha", "zeta"])
  }
}

import DocketTestSupport
import Foundation
import Testing

/// Every refusal of contract §6: its code, its exit status, a message on stderr (or the
/// envelope with --json), and not one byte changed under data/.
@Suite("Refusals")
struct RefusalTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var code: String
    var status: Int32
    /// Sets the ticket up (given its id); returns the refused command's arguments and actor.
    var setup: @Sendable (TemporaryHome, String) throws -> ([String], String)
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "a role not in `by`", code: "not_permitted", status: 1) { _, id in
      (["advance", id, "start"], "bob")
    },
    Case(name: "a false guard", code: "guard_failed", status: 1) { home, _ in
      let id = try home.newTask("急件", priority: "high")
      try home.docket("advance", id, "start", as: "ann")
      return (["advance", id, "finish", "--set", "answer=好了"], "ann")
    },
    Case(name: "a required field left empty", code: "missing_fields", status: 1) { home, id in
      try home.docket("advance", id, "start", as: "ann")
      return (["advance", id, "finish"], "ann")
    },
    Case(name: "a value of the wrong type", code: "invalid_value", status: 1) { _, id in
      (["advance", id, "bump", "--set", "count=many"], "ann")
    },
    Case(name: "an enum value not in `values`", code: "invalid_value", status: 1) { _, _ in
      (["new", "task", "--set", "title=x", "--set", "priority=urgent"], "ann")
    },
    Case(name: "an event the state does not have", code: "unknown_event", status: 1) { _, id in
      (["advance", id, "finish"], "ann")
    },
    Case(name: "no branch holds", code: "no_branch", status: 1) { home, id in
      try home.docket("advance", id, "start", as: "ann")
      return (["advance", id, "route"], "ann")
    },
    Case(name: "a closed ticket", code: "final_state", status: 1) { home, id in
      try home.docket("advance", id, "start", as: "ann")
      try home.docket("advance", id, "finish", "--set", "answer=完成", as: "ann")
      return (["advance", id, "bump"], "ann")
    },
    Case(name: "an id that does not exist", code: "unknown_id", status: 2) { _, _ in
      (["advance", "TSK-000099", "start"], "ann")
    },
    Case(name: "a path in the id", code: "unknown_id", status: 2) { _, _ in
      (["show", "../x"], "ann")
    },
    Case(name: "a path after a real id", code: "unknown_id", status: 2) { _, id in
      (["advance", "\(id)/../..", "start"], "ann")
    },
    Case(name: "a workflow that does not exist", code: "unknown_workflow", status: 2) { _, _ in
      (["new", "tsak", "--set", "title=x"], "ann")
    },
    Case(name: "an actor not in staff.yaml", code: "unknown_user", status: 2) { _, id in
      (["advance", id, "start"], "mallory")
    },
    Case(name: "showing a ticket as someone not in staff.yaml", code: "unknown_user", status: 2) {
      _, id in (["show", id], "mallory")
    },
    Case(name: "assigning to someone not in staff.yaml", code: "unknown_user", status: 2) { _, id in
      (["assign", id, "--to", "mallory"], "ann")
    },
  ]

  @Test("refused commands exit with the contract's status and code and change nothing",
    arguments: cases)
  func refusalChangesNothing(_ c: Case) throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let (arguments, actor) = try c.setup(home, id)
    let before = home.dataSnapshot()

    let text = try home.docket(arguments, as: actor)
    #expect(text.status == c.status, "\(text)")
    #expect(text.stderr.contains(c.code), "\(text)")
    #expect(text.stdout.isEmpty, "\(text)")

    let json = try home.docket(arguments + ["--json"], as: actor)
    #expect(json.status == c.status, "\(json)")
    #expect(json.errorCode == c.code, "\(json)")
    let message = (json.json?["error"] as? [String: Any])?["message"] as? String
    #expect(message?.isEmpty == false)

    let after = home.dataSnapshot()
    #expect(after == before, "changed: \(after.differences(from: before))")
  }

  @Test("a guard's own message is shown on refusal")
  func guardMessage() throws {
    let home = try TaskHome.make()
    let id = try home.newTask("急件", priority: "high")
    try home.docket("advance", id, "start", as: "ann")
    let result = try home.docket("advance", id, "finish", "--set", "answer=好了", as: "ann")
    #expect(result.stderr.contains("高优先级任务须先经主管批准"), "\(result)")
  }

  @Test("new, advance and assign need someone acting")
  func noActor() throws {
    let home = try TaskHome.make()
    let result = try home.docket("new", "task", "--set", "title=x", "--json")
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "usage")
    #expect(result.stdout.contains("--as"))
  }
}

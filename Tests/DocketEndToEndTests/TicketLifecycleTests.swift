import DocketTestSupport
import Foundation
import Testing

/// `new`, `advance`, `show`, `history`, `assign`: what staff see when things go right.
@Suite("Ticket lifecycle")
struct TicketLifecycleTests {
  @Test("new prints only the new id on stdout; ids count up per prefix")
  func newPrintsID() throws {
    let home = try TaskHome.make()
    #expect(try home.newTask() == "TSK-000001")
    #expect(try home.newTask() == "TSK-000002")
    #expect(FileManager.default.fileExists(atPath: home.data.path + "/instances/task/TSK-000002.json"))
  }

  @Test("new --json prints the ticket in the instance-file shape")
  func newJSON() throws {
    let home = try TaskHome.make()
    let result = try home.docket("new", "task", "--set", "title=报表", "--json", as: "ann")
    #expect(result.status == 0, "\(result)")
    let json = try #require(result.json)
    #expect(json["id"] as? String == "TSK-000001")
    #expect(json["state"] as? String == "open")
    #expect(json["status"] as? String == "open")
    #expect(json["format"] as? Int == 1)
    #expect((json["fields"] as? [String: Any])?["title"] as? String == "报表")
    #expect((json["assignee"] as? [String: Any])?["user"] as? String == "ann")
    #expect(json["created_at"] as? String == "2026-03-02T09:00:00+08:00")
  }

  @Test("advance moves the ticket and says from where to where")
  func advanceMoves() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let result = try home.docket("advance", id, "start", as: "ann")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("待办"))
    #expect(result.stdout.contains("进行中"))
    let json = try #require(try home.docket("show", id, "--json").json)
    #expect(json["state"] as? String == "doing")
  }

  @Test("a self-loop event stays in the state and applies its set")
  func selfLoop() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    try home.docket("advance", id, "bump", as: "ann")
    try home.docket("advance", id, "bump", as: "ann")
    let json = try #require(try home.docket("show", id, "--json").json)
    #expect((json["fields"] as? [String: Any])?["count"] as? Int == 2)
    #expect((json["history"] as? [Any])?.count == 3)
  }

  @Test("show gives labels, owner name, due time, what the actor may do and why not the rest")
  func showForStaff() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let result = try home.docket("show", id, as: "ann", now: "2026-03-02T09:40:00+08:00")
    #expect(result.status == 0, "\(result)")
    let text = result.stdout
    #expect(text.contains("任务"))
    #expect(text.contains("待办"))
    #expect(text.contains("安娜"))
    #expect(text.contains("标题"))
    #expect(text.contains("打印机卡纸"))
    #expect(text.contains("due in 1h 20m"), "\(text)")
    #expect(text.contains("start"))
    // `approve` is the boss's: listed with the reason it is refused.
    let approveLine = text.split(separator: "\n").first { $0.contains("approve") }
    #expect(approveLine?.contains("boss") == true, "\(text)")
  }

  @Test("show --json lists options with allowed flags and refusal codes")
  func showJSONOptions() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let json = try #require(try home.docket("show", id, "--json", as: "ann").json)
    let options = try #require(json["options"] as? [[String: Any]])
    let byEvent = Dictionary(uniqueKeysWithValues: options.compactMap { o in
      (o["event"] as? String).map { ($0, o) }
    })
    #expect(byEvent["start"]?["allowed"] as? Bool == true)
    #expect(byEvent["approve"]?["allowed"] as? Bool == false)
    #expect((byEvent["approve"]?["refusal"] as? [String: Any])?["code"] as? String == "not_permitted")
  }

  @Test("a deadline past due reads 'overdue by', and after tick 'breached'")
  func overdueThenBreached() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let late = "2026-03-02T12:00:00+08:00"
    #expect(try home.docket("show", id, now: late).stdout.contains("overdue by 1h"))
    let tick = try home.docket("tick", "--json", now: late)
    #expect(tick.status == 0, "\(tick)")
    let fired = try #require(tick.json?["fired"] as? [[String: Any]])
    #expect(fired.count == 1)
    #expect(fired.first?["kind"] as? String == "breach")
    let shown = try home.docket("show", id, now: late)
    #expect(shown.stdout.contains("breached"), "\(shown)")
    // The breach gave it to the boss role's queue.
    #expect(try home.docket("show", id, "--json", now: late).json.flatMap {
      ($0["assignee"] as? [String: Any])?["role"] as? String
    } == "boss")
    #expect(try home.docket("tick", now: late).stdout == "nothing due\n")
  }

  @Test("history lists every step with its actor's name")
  func historyTimeline() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    try home.docket("advance", id, "start", as: "ann")
    let result = try home.docket("history", id)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("create"))
    #expect(result.stdout.contains("start"))
    #expect(result.stdout.contains("安娜"))
    let json = try #require(try home.docket("history", id, "--json").json)
    #expect((json["history"] as? [Any])?.count == 2)
  }

  @Test("assign gives the ticket to another person who holds the role")
  func assignToPerson() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let result = try home.docket("assign", id, "--to", "cat", as: "ann")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("陈小猫咪"))
  }

  @Test("the queue shows my tickets, soonest deadline first")
  func queueOrder() throws {
    let home = try TaskHome.make()
    let first = try home.newTask("早", now: "2026-03-02T09:00:00+08:00")
    let second = try home.newTask("晚", now: "2026-03-02T08:00:00+08:00")
    let result = try home.docket(as: "ann", now: "2026-03-02T09:30:00+08:00")
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n")
    let a = lines.firstIndex { $0.contains(second) }
    let b = lines.firstIndex { $0.contains(first) }
    #expect((a ?? .max) < (b ?? .min), "\(result)")
    #expect(try home.docket(as: "bob").stdout.contains("nothing waiting"))
  }

  @Test("reindex rebuilds the index from the ticket files")
  func reindex() throws {
    let home = try TaskHome.make()
    _ = try home.newTask()
    _ = try home.newTask()
    let result = try home.docket("reindex", "--json")
    #expect(result.status == 0, "\(result)")
    #expect(result.json?["reindexed"] as? Int == 2)
  }
}

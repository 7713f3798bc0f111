import DocketTestSupport
import Foundation
import Testing

/// `new` and `advance` on a home with rules: what staff see rules do, and what lands on disk.
@Suite("Rules from the command line")
struct RuleCommandTests {
  @Test("advance prints the rules that fired and the tickets they started, linked both ways")
  func advanceReportsRules() throws {
    let home = try RuleHome.make()
    let id = try #require(try home.docket("new", "case", "--set", "customer=张三", as: "li.wei").stdout.split(separator: "\n").first)
    let result = try home.docket("advance", String(id), "close", as: "li.wei")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("CAS-000001: close: 处理中 → 已办结"))
    #expect(result.stdout.contains("rule 'closed-case-gets-visit' on CAS-000001: started VIS-000001 (回访, queue of 客服专员)"))
    #expect(result.stdout.contains("rule 'visit-noted' on VIS-000001: applied"))
    let parent = try #require(home.ticket("CAS-000001"))
    let child = try #require(home.ticket("VIS-000001"))
    #expect((parent["links"] as? [String: Any])?["children"] as? [String] == ["VIS-000001"])
    #expect((child["links"] as? [String: Any])?["parent"] as? String == "CAS-000001")
    let created = try #require((child["history"] as? [[String: Any]])?.first)
    #expect(created["rule"] as? String == "closed-case-gets-visit")
    #expect(created["actor"] as? String == "system")
    let history = try #require(try home.docket("history", "VIS-000001", "--json").json)
    #expect("\(history)".contains("visit-noted"))
  }

  @Test("--json adds fired_rules and started")
  func advanceJSON() throws {
    let home = try RuleHome.make()
    _ = try home.docket("new", "case", "--set", "customer=张三", as: "li.wei")
    let json = try #require(try home.docket("advance", "CAS-000001", "close", "--json", as: "li.wei").json)
    let fired = try #require(json["fired_rules"] as? [[String: Any]])
    #expect(fired.map { $0["rule"] as? String } == ["closed-case-gets-visit", "visit-noted"])
    #expect(fired.allSatisfy { $0["outcome"] as? String == "applied" })
    let started = try #require(json["started"] as? [[String: Any]])
    #expect(started.first?["id"] as? String == "VIS-000001")
    #expect(started.first?["parent"] as? String == "CAS-000001")
    #expect(json["id"] as? String == "CAS-000001")
  }

  @Test("new runs created rules; a lookup finds the customer's open case")
  func newRunsRules() throws {
    let home = try RuleHome.make()
    _ = try home.docket("new", "case", "--set", "customer=张三", as: "li.wei")
    let second = try home.docket("new", "case", "--set", "customer=张三", as: "li.wei")
    #expect(second.stdout == "CAS-000002\n", "stdout stays the bare id for scripts")
    #expect(second.stderr.contains("rule 'repeat-customer' on CAS-000002: applied"))
    #expect((home.ticket("CAS-000002")?["fields"] as? [String: Any])?["repeat"] as? Bool == true)
    #expect((home.ticket("CAS-000001")?["fields"] as? [String: Any])?["repeat"] as? Bool == false)
    #expect(home.read("data/outbox.jsonl")?.contains("重复投诉 CAS-000002（张三）") == true)
  }

  @Test("a rule that cannot apply refuses with rule_failed, naming the rule and the cause, and changes nothing")
  func ruleFailedRefuses() throws {
    let home = try RuleHome.make()
    _ = try home.docket("new", "case", "--set", "customer=张三", "--set", "broken=true", as: "li.wei")
    let before = home.dataSnapshot()
    let text = try home.docket("advance", "CAS-000001", "bump", as: "li.wei")
    #expect(text.status == 1)
    #expect(text.stderr.contains("rule_failed"))
    #expect(text.stderr.contains("rule 'broken-bump' (rules/service.yaml:"))
    #expect(text.stderr.contains("'archive' is not an event of state 'open'"))
    let json = try home.docket("advance", "CAS-000001", "bump", "--json", as: "li.wei")
    #expect(json.status == 1)
    let error = try #require(json.json?["error"] as? [String: Any])
    #expect(error["code"] as? String == "rule_failed")
    #expect(error["rule"] as? String == "broken-bump")
    let cause = try #require(error["cause"] as? [String: Any])
    #expect(cause["code"] as? String == "unknown_event")
    #expect(home.dataSnapshot() == before)
  }

  @Test("an unsatisfied visit reopens its parent through advance target: parent")
  func advanceParent() throws {
    let home = try RuleHome.make()
    _ = try home.docket("new", "case", "--set", "customer=张三", as: "li.wei")
    _ = try home.docket("advance", "CAS-000001", "close", as: "li.wei")
    let result = try home.docket("advance", "VIS-000001", "unsatisfied", as: "li.wei")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("rule 'unsatisfied-reopens-case' on VIS-000001: applied"))
    #expect(home.ticket("CAS-000001")?["state"] as? String == "open")
    let last = (home.ticket("CAS-000001")?["history"] as? [[String: Any]])?.last
    #expect(last?["event"] as? String == "reopen")
    #expect(last?["rule"] as? String == "unsatisfied-reopens-case")
  }
}

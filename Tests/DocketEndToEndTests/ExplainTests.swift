import DocketTestSupport
import Foundation
import Testing

/// `docket explain`: what `advance` would do now, check by check, with nothing changed.
@Suite("docket explain")
struct ExplainTests {
  static let now = "2026-03-02T09:00:00+08:00"

  /// A task is assigned to a worker, must be finished within 4 h, needs a result, may only be
  /// finished when the guard holds, and a review branches three ways; finishing starts a
  /// follow-up and notifies the boss through a rule.
  static func home() throws -> TemporaryHome {
    let home = try TemporaryHome()
    try home.write("docket.yaml", "timezone: Asia/Shanghai\n")
    try home.write(
      "staff.yaml",
      """
      staff:
        li.wei:    { name: 李伟, roles: [worker] }
        wang.fang: { name: 王芳, roles: [boss, worker] }

      """)
    try home.write(
      "workflows/task.yaml",
      """
      workflow: task
      title: 任务
      version: 1
      prefix: TSK
      roles: { worker: 专员, boss: 主管 }
      fields:
        title:  { type: string, required: true, label: 标题 }
        result: { type: text, label: 结果 }
        score:  { type: int, default: 0, label: 评分 }
        tries:  { type: int, default: 0 }
      initial: open
      states:
        open:
          label: 进行中
          assign: worker
          deadline: { name: finish_4h, label: 4小时内完成, within: 4h }
          on:
            finish:
              to: review
              by: [worker]
              require: [result]
              if: { expr: 'result != "不知道"', message: 结果不能是不知道 }
              set: { tries: "tries + 1" }
              note: optional
        review:
          label: 待评审
          assign: boss
          on:
            grade:
              by: [boss]
              to:
                - if: score >= 90
                  to: excellent
                - if: 100 / (score - 50) > 1
                  to: open
                - to: closed
        excellent: { label: 优秀, final: true }
        closed: { label: 已关闭, final: true }

      """)
    try home.write(
      "workflows/followup.yaml",
      """
      workflow: followup
      title: 跟进
      version: 1
      prefix: FUP
      roles: { worker: 专员 }
      fields:
        title: { type: string, required: true }
      initial: todo
      states:
        todo: { assign: worker, on: { done: { to: finished } } }
        finished: { final: true }

      """)
    try home.write(
      "rules/task.yaml",
      """
      rules:
        - id: finished-task-gets-followup
          on: transition
          workflow: task
          event: finish
          then:
            - start: followup
              fields: { title: title }
            - notify: [boss]
              message: "任务 ${instance.id} 已完成"

      """)
    return home
  }

  static func run(_ arguments: [String], _ home: TemporaryHome) throws -> DocketResult {
    try RunDocket.run(arguments + ["--now", now], home: home)
  }

  /// A task created by li.wei.
  static func homeWithTask() throws -> TemporaryHome {
    let home = try home()
    let created = try run(["new", "task", "--set", "title=修灯", "--as", "li.wei"], home)
    try #require(created.status == 0, "\(created)")
    return home
  }

  @Test("a permitted step: target, owner, clocks, set values, rules and notices, and not one byte changed")
  func permittedStep() throws {
    let home = try Self.homeWithTask()
    let before = home.dataSnapshot()
    let result = try Self.run(
      ["explain", "TSK-000001", "finish", "--set", "result=已修好", "--as", "li.wei", "--json"], home)
    #expect(result.status == 0, "\(result)")
    #expect(home.dataSnapshot() == before, "explain changed \(home.dataSnapshot().differences(from: before))")
    let json = try #require(result.json)
    #expect(json["allowed"] as? Bool == true)
    #expect(json["to"] as? String == "review")
    let checks = try #require(json["checks"] as? [String: Any])
    #expect((checks["roles"] as? [String: Any])?["ok"] as? Bool == true)
    #expect((checks["guard"] as? [String: Any])?["value"] as? Bool == true)
    let set = try #require((checks["set"] as? [[String: Any]])?.first)
    #expect(set["field"] as? String == "tries")
    #expect(set["value"] as? Int == 1)
    let assignee = try #require(json["assignee"] as? [String: Any])
    #expect((assignee["after"] as? [String: Any])?["role"] as? String == "boss")
    let clocks = try #require(json["deadlines"] as? [[String: Any]])
    #expect(clocks.contains { $0["name"] as? String == "finish_4h" && $0["change"] as? String == "met" })
    let rules = try #require(json["fired_rules"] as? [[String: Any]])
    #expect(rules.map { $0["rule"] as? String } == ["finished-task-gets-followup"])
    let others = try #require(json["other_tickets"] as? [[String: Any]])
    #expect(others.first?["id"] as? String == "FUP-000001")
    #expect(others.first?["started"] as? Bool == true)
    #expect((json["outbox"] as? [[String: Any]])?.first?["message"] as? String == "任务 TSK-000001 已完成")

    let text = try Self.run(
      ["explain", "TSK-000001", "finish", "--set", "result=已修好", "--as", "li.wei"], home)
    #expect(text.stdout.contains("allowed: 进行中 (open) → 待评审 (review)"), "\(text)")
    #expect(text.stdout.contains("hand over: 李伟 (li.wei) · 专员 → queue: 主管"), "\(text)")
    #expect(text.stdout.contains("stop the clock 4小时内完成: met"), "\(text)")
    #expect(text.stdout.contains("fire rule 'finished-task-gets-followup' on TSK-000001"), "\(text)")
    #expect(text.stdout.contains("start FUP-000001 (跟进, todo)"), "\(text)")
    #expect(home.dataSnapshot() == before)

    // The real step then does what explain said.
    let advanced = try Self.run(
      ["advance", "TSK-000001", "finish", "--set", "result=已修好", "--as", "li.wei", "--json"], home)
    #expect(advanced.status == 0, "\(advanced)")
    #expect(advanced.json?["state"] as? String == "review")
  }

  @Test("a refusal is explained with exit 0: each check with its value, store unchanged")
  func refusalExplained() throws {
    let home = try Self.homeWithTask()
    let before = home.dataSnapshot()
    // wang.fang is a worker too, so roles pass; result is "不知道": filled, but the guard fails.
    let guarded = try Self.run(
      ["explain", "TSK-000001", "finish", "--set", "result=不知道", "--as", "wang.fang", "--json"], home)
    #expect(guarded.status == 0, "\(guarded)")
    #expect(guarded.json?["allowed"] as? Bool == false)
    #expect((guarded.json?["refusal"] as? [String: Any])?["code"] as? String == "guard_failed")
    let guardCheck = (guarded.json?["checks"] as? [String: Any])?["guard"] as? [String: Any]
    #expect(guardCheck?["value"] as? Bool == false)
    #expect(guardCheck?["message"] as? String == "结果不能是不知道")

    // li.wei tries without a result: require is empty, and advance refuses with missing_fields.
    let missing = try Self.run(["explain", "TSK-000001", "finish", "--as", "li.wei", "--json"], home)
    #expect(missing.status == 0, "\(missing)")
    #expect((missing.json?["refusal"] as? [String: Any])?["code"] as? String == "missing_fields")
    let required = (missing.json?["checks"] as? [String: Any])?["require"] as? [[String: Any]]
    #expect(required?.first?["field"] as? String == "result")
    #expect(required?.first?["filled"] as? Bool == false)
    #expect(missing.json?["fired_rules"] as? [Any] != nil)
    #expect((missing.json?["fired_rules"] as? [Any])?.isEmpty == true, "a refused step fires no rule")

    let text = try Self.run(["explain", "TSK-000001", "finish", "--as", "li.wei"], home)
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.contains("refused (missing_fields)"), "\(text)")
    #expect(text.stdout.contains("✗ require   结果 (result): empty"), "\(text)")
    #expect(text.stdout.contains("once allowed, it would lead to 待评审 (review)"), "\(text)")
    #expect(home.dataSnapshot() == before)
  }

  @Test("branches: every condition with its value or error, the first that holds is taken")
  func branches() throws {
    let home = try Self.homeWithTask()
    let finished = try Self.run(
      ["advance", "TSK-000001", "finish", "--set", "result=已修好", "--as", "li.wei"], home)
    try #require(finished.status == 0, "\(finished)")
    let before = home.dataSnapshot()

    // li.wei is no boss: not permitted, yet every branch is still evaluated.
    let worker = try Self.run(["explain", "TSK-000001", "grade", "--set", "score=95", "--as", "li.wei", "--json"], home)
    #expect(worker.status == 0, "\(worker)")
    #expect((worker.json?["refusal"] as? [String: Any])?["code"] as? String == "not_permitted")
    let roles = (worker.json?["checks"] as? [String: Any])?["roles"] as? [String: Any]
    #expect(roles?["ok"] as? Bool == false)
    #expect(roles?["by"] as? [String] == ["boss"])
    let first = try #require(((worker.json?["checks"] as? [String: Any])?["branches"] as? [[String: Any]]))
    #expect(first.map { $0["taken"] as? Bool } == [true, false, false])
    #expect(first.first?["value"] as? Bool == true)

    // score 50: the first branch is false, the second divides by zero: advance cannot
    // choose, and explain shows the error where it happened.
    let stuck = try Self.run(["explain", "TSK-000001", "grade", "--set", "score=50", "--as", "wang.fang", "--json"], home)
    #expect(stuck.status == 0, "\(stuck)")
    #expect(stuck.json?["allowed"] as? Bool == false)
    let branches = try #require((stuck.json?["checks"] as? [String: Any])?["branches"] as? [[String: Any]])
    #expect(branches.count == 3)
    #expect(branches[0]["value"] as? Bool == false)
    let error = branches[1]["error"] as? [String: Any]
    #expect((error?["reason"] as? String)?.contains("division by zero") == true, "\(branches[1])")
    #expect((error?["location"] as? String)?.hasPrefix("workflows/task.yaml:") == true, "\(branches[1])")
    #expect(branches.allSatisfy { $0["taken"] as? Bool == false })

    // score 10: the fallback is taken and the ticket would close.
    let closing = try Self.run(["explain", "TSK-000001", "grade", "--set", "score=10", "--as", "wang.fang"], home)
    #expect(closing.status == 0, "\(closing)")
    #expect(closing.stdout.contains("allowed: 待评审 (review) → 已关闭 (closed)"), "\(closing)")
    #expect(closing.stdout.contains("← taken"), "\(closing)")
    #expect(closing.stdout.contains("(closes the ticket)"), "\(closing)")
    #expect(home.dataSnapshot() == before)
  }

  @Test("unknown id, user or event exit 2; an event of another state is explained (exit 0)")
  func unknowns() throws {
    let home = try Self.homeWithTask()
    let id = try Self.run(["explain", "TSK-000009", "finish", "--as", "li.wei", "--json"], home)
    #expect(id.status == 2, "\(id)")
    #expect(id.errorCode == "unknown_id")
    let user = try Self.run(["explain", "TSK-000001", "finish", "--as", "nobody", "--json"], home)
    #expect(user.status == 2, "\(user)")
    #expect(user.errorCode == "unknown_user")
    let event = try Self.run(["explain", "TSK-000001", "finsh", "--as", "li.wei", "--json"], home)
    #expect(event.status == 2, "\(event)")
    #expect(event.errorCode == "unknown_event")
    let elsewhere = try Self.run(["explain", "TSK-000001", "grade", "--as", "wang.fang", "--json"], home)
    #expect(elsewhere.status == 0, "\(elsewhere)")
    #expect((elsewhere.json?["unavailable"] as? [String: Any])?["code"] as? String == "unknown_event")
    let noActor = try RunDocket.run(["explain", "TSK-000001", "finish"], home: home)
    #expect(noActor.status == 2, "\(noActor)")
  }
}

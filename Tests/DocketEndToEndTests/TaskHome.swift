import DocketTestSupport
import Foundation
import Testing

/// A small home written from strings: a `task` workflow that can produce every refusal of
/// contract §6, a staff of three (one with a Chinese name wider than the others), and
/// `Asia/Shanghai` as the home's zone.
enum TaskHome {
  static let workflow = """
    workflow: task
    title: 任务
    version: 1
    prefix: TSK
    roles:
      worker: 办事员
      boss: 主管
    fields:
      title:    { type: string, required: true, label: 标题 }
      count:    { type: int, default: 0, label: 次数 }
      priority: { type: enum, values: [low, high], default: low, label: 优先级 }
      answer:   { type: text, label: 答复 }
      approved: { type: bool, default: false, label: 已批准 }
    initial: open
    states:
      open:
        label: 待办
        assign: worker
        deadline: { within: 2h, breach: [ { assign: boss } ] }
        on:
          bump:    { to: open, by: [worker, boss], set: { count: "count + 1" } }
          start:   { to: doing, by: [worker] }
          approve: { to: doing, by: [boss], set: { approved: "true" } }
      doing:
        label: 进行中
        assign: worker
        on:
          finish:
            by: [worker]
            require: [answer]
            if: { expr: 'priority != "high" || approved', message: 高优先级任务须先经主管批准 }
            to: done
          route:
            by: [worker]
            to:
              - if: priority == "high"
                to: done
      done:
        label: 已完成
        final: true

    """

  static let staff = """
    staff:
      ann: { name: 安娜, roles: [worker] }
      bob: { name: 鲍勃, roles: [boss] }
      cat: { name: 陈小猫咪, roles: [worker] }

    """

  static let settings = "timezone: Asia/Shanghai\n"

  /// 2026-03-02 09:00 in Shanghai.
  static let morning = "2026-03-02T09:00:00+08:00"

  static func make() throws -> TemporaryHome {
    let home = try TemporaryHome()
    try home.write("workflows/task.yaml", workflow)
    try home.write("staff.yaml", staff)
    try home.write("docket.yaml", settings)
    return home
  }
}

extension TemporaryHome {
  /// Runs `docket` on this home at `now` (default: the morning), as `user` if given.
  @discardableResult
  func docket(
    _ arguments: String..., as user: String? = nil, now: String = TaskHome.morning
  ) throws -> DocketResult {
    try docket(arguments, as: user, now: now)
  }

  /// The same with the arguments as an array.
  @discardableResult
  func docket(_ arguments: [String], as user: String? = nil, now: String = TaskHome.morning)
    throws -> DocketResult
  {
    var env = ["DOCKET_NOW": now]
    if let user { env["DOCKET_USER"] = user }
    return try RunDocket.run(arguments, home: self, environment: env)
  }

  /// Creates a task as `ann` and returns its id.
  func newTask(
    _ title: String = "打印机卡纸", priority: String = "low", now: String = TaskHome.morning,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try docket(
      "new", "task", "--set", "title=\(title)", "--set", "priority=\(priority)", as: "ann",
      now: now)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

import DocketTestSupport
import Foundation
import Testing

/// A home whose commands set off rules: closing a case starts a linked visit (which takes
/// its own created rule), a failed visit reopens its parent, a repeat customer is flagged
/// through a lookup, and one rule that always fails (for `rule_failed`).
enum RuleHome {
  static let caseWorkflow = """
    workflow: case
    title: 投诉
    version: 1
    prefix: CAS
    roles: { specialist: 客服专员, supervisor: 客服主管 }
    fields:
      customer: { type: string, required: true, label: 客户 }
      repeat:   { type: bool, default: false, label: 重复投诉 }
      level:    { type: int, default: 0, label: 级别 }
      broken:   { type: bool, default: false, label: 故障开关 }
    initial: open
    states:
      open:
        label: 处理中
        assign: specialist
        on:
          close:  { to: closed, by: [specialist, supervisor] }
          bump:   { to: open, by: [specialist] }
      closed:
        label: 已办结
        on:
          reopen: { to: open }
          archive: { to: archived, by: [supervisor] }
      archived: { label: 已归档, final: true }

    """

  static let visitWorkflow = """
    workflow: visit
    title: 回访
    version: 1
    prefix: VIS
    roles: { specialist: 客服专员, supervisor: 客服主管 }
    fields:
      customer: { type: string, required: true, label: 客户 }
      source:   { type: string, label: 来源 }
      noted:    { type: bool, default: false }
    initial: pending
    states:
      pending:
        label: 待回访
        assign: specialist
        on:
          satisfied:   { to: done, by: [specialist] }
          unsatisfied: { to: failed, by: [specialist] }
      done: { label: 已回访, final: true }
      failed: { label: 不满意, final: true }

    """

  static let rules = """
    lookups:
      cases_of:
        workflow: case
        key: [customer]
    rules:
      - id: repeat-customer
        description: 同一客户已有未结投诉的，标记为重复投诉
        on: created
        workflow: case
        if: cases_of(customer).exists(c, c.id != instance.id && c.status == "open")
        then:
          - set: { repeat: "true" }
          - notify: [supervisor]
            message: "重复投诉 ${instance.id}（${customer}）"
      - id: closed-case-gets-visit
        description: 投诉办结后回访客户
        on: transition
        workflow: case
        to: closed
        then:
          - start: visit
            fields: { customer: customer, source: instance.id }
            assign: specialist
      - id: visit-noted
        on: created
        workflow: visit
        then:
          - set: { noted: "true" }
      - id: unsatisfied-reopens-case
        description: 回访不满意的，重新打开投诉
        on: transition
        workflow: visit
        to: failed
        then:
          - advance: reopen
            target: parent
      - id: broken-bump
        on: transition
        workflow: case
        event: bump
        if: broken
        then:
          - advance: archive

    """

  static let staff = """
    staff:
      li.wei:    { name: 李伟, roles: [specialist] }
      wang.fang: { name: 王芳, roles: [supervisor, specialist] }

    """

  static func make() throws -> TemporaryHome {
    let home = try TemporaryHome()
    try home.write("workflows/case.yaml", caseWorkflow)
    try home.write("workflows/visit.yaml", visitWorkflow)
    try home.write("rules/service.yaml", rules)
    try home.write("staff.yaml", staff)
    try home.write("docket.yaml", TaskHome.settings)
    return home
  }
}

extension TemporaryHome {
  /// The ticket file of `id` as JSON (nil if missing or unreadable).
  func ticket(_ id: String) -> [String: Any]? {
    let workflow = id.hasPrefix("VIS") ? "visit" : "case"
    guard let text = read("data/instances/\(workflow)/\(id).json"),
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else { return nil }
    return object
  }
}

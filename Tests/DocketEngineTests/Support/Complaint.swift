import DocketEngine
import DocketModel
import Foundation

/// The contract §2 complaint workflow, built in code, with a sample team.
enum Complaint {
  static let fields: [FieldDefinition] = [
    field("customer", .string, required: true, label: "客户"),
    field("category", .enum(["noise", "hygiene", "facility", "service", "other"]), required: true),
    field("description", .text, required: true),
    field("urgent", .bool, default: false),
    field("amount", .number, min: 0),
    field("visits", .int, default: 0),
    field("visit_at", .datetime),
    field("resolution", .text, label: "处理结果"),
    field("satisfaction", .enum(["satisfied", "neutral", "unsatisfied"]), label: "满意度"),
  ]

  static var builder: WorkflowBuilder {
    WorkflowBuilder("complaint", prefix: "CMP", roles: ["specialist", "supervisor"], fields: fields)
  }

  static func workflow() throws -> WorkflowDefinition {
    let b = builder
    return b.build(
      initial: "received",
      states: [
        state(
          "received", assign: "specialist",
          deadline: DeadlineDefinition(
            name: "received", within: hours(1), scope: .state("received"),
            breach: [.fire("escalate", target: .self, span: nil)]),
          [
            on("accept", to: "handling", by: ["specialist"]),
            on("escalate", to: "handling", by: ["supervisor"], assign: "supervisor"),
          ]),
        state(
          "handling", assign: "specialist",
          [
            on("wait_customer", to: "waiting_customer", by: ["specialist"]),
            on(
              "resolve", to: "revisit", by: ["specialist", "supervisor"], require: ["resolution"],
              set: [FieldAssignment(field: "visits", value: try b.expr("visits + 1"))]),
          ]),
        state("waiting_customer", [on("resume", to: "handling", by: ["specialist"])]),
        state(
          "revisit",
          [
            on(
              "record_visit",
              branches: [
                BranchDefinition(
                  condition: try b.expr("satisfaction == \"unsatisfied\""),
                  target: "supervisor_revisit"),
                BranchDefinition(condition: nil, target: "closed"),
              ], by: ["specialist"], require: ["satisfaction"])
          ]),
        state("supervisor_revisit", assign: "supervisor", [on("close", to: "closed", by: ["supervisor"])]),
        state("closed", final: true),
      ],
      deadlines: [
        DeadlineDefinition(
          name: "handle_24h", label: "24小时内处理完毕", within: hours(24),
          scope: .workflow(start: .created, stop: ["revisit", "closed"], pause: ["waiting_customer"]),
          breach: [
            .assign("supervisor", span: nil), .notify(roles: ["supervisor"], message: nil, span: nil),
          ])
      ])
  }

  static let staff = Staff(
    members: [
      "li.wei": StaffMember(id: "li.wei", name: "李伟", roles: ["specialist"]),
      "zhao.min": StaffMember(id: "zhao.min", name: "赵敏", roles: ["specialist"]),
      "wang.fang": StaffMember(id: "wang.fang", name: "王芳", roles: ["supervisor", "specialist"]),
      "chen.jie": StaffMember(id: "chen.jie", name: "陈杰", roles: ["supervisor"]),
      "guard.zhou": StaffMember(id: "guard.zhou", name: "周保安", roles: ["security"]),
    ])

  static let newComplaint: FieldInput = [
    "customer": .text("张三"), "category": .text("noise"), "description": .text("夜间噪音"),
  ]
}

/// 2026-03-02T09:00:00+08:00, the start of every test's day.
let morning = RFC3339.parse("2026-03-02T09:00:00+08:00") ?? Date(timeIntervalSince1970: 0)

func at(hours h: Double, from start: Date = morning) -> Date {
  start.addingTimeInterval(h * 3600)
}

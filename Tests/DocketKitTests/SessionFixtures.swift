import DocketKit
import Foundation

/// A small home built in code (no YAML), so session tests do not depend on the loader:
/// a complaint is received (1 h to accept, else the supervisor gets it), handled, closed.
enum SessionFixtures {
  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
  static let start = RFC3339.parse("2026-03-02T09:00:00+08:00") ?? Date(timeIntervalSince1970: 0)

  static func workflow(version: Int = 1, digest: String = "sha256:v1") -> WorkflowDefinition {
    WorkflowDefinition(
      id: "complaint", title: "客户投诉", version: version, prefix: "CMP",
      roles: ["specialist": "客服专员", "supervisor": "客服主管"],
      fields: ["customer": FieldDefinition(name: "customer", type: .string, isRequired: true)],
      initial: "received",
      states: [
        "received": StateDefinition(
          id: "received", assignRole: "specialist",
          deadline: DeadlineDefinition(
            name: "received", within: .hours(1), scope: .state("received"),
            breach: [.assign("supervisor", span: nil)]),
          transitions: [
            "accept": TransitionDefinition(
              event: "accept", source: "received", target: .state("handling"),
              allowedRoles: ["specialist", "supervisor"])
          ]),
        "handling": StateDefinition(
          id: "handling", assignRole: "specialist",
          transitions: [
            "close": TransitionDefinition(
              event: "close", source: "handling", target: .state("closed"), allowedRoles: ["specialist"])
          ]),
        "closed": StateDefinition(id: "closed", isFinal: true),
      ], digest: digest, sourceText: "workflow: complaint\nversion: \(version)\n",
      path: "workflows/complaint.yaml")
  }

  static func home(_ workflow: WorkflowDefinition = workflow()) -> Home {
    Home(
      settings: Settings(timeZone: zone),
      staff: Staff(members: [
        "li.wei": StaffMember(id: "li.wei", name: "李伟", roles: ["specialist"]),
        "wang.fang": StaffMember(id: "wang.fang", name: "王芳", roles: ["supervisor", "specialist"]),
      ]),
      workflows: ["complaint": workflow])
  }

  static func session(store: (any InstanceStore)? = nil, clock: FixedClock = FixedClock(start)) -> DocketSession {
    let home = home()
    return DocketSession(home: home, store: store ?? DocketSession.memoryStore(for: home), clock: clock)
  }

  static let customer: FieldInput = ["customer": .text("张三")]
}

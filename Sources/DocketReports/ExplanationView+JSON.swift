import DocketKit
import Foundation

extension ExplanationView {
  /// The `--json` document of `docket explain` (documented in docs/cli.md).
  public var json: JSONValue {
    let e = explanation
    func time(_ d: Date) -> JSONValue { .string(RFC3339.format(d, in: zone)) }
    func refusal(_ r: Refusal?) -> JSONValue {
      r.map { .object(["code": .string($0.code), "message": .string($0.message)]) } ?? .null
    }
    func condition(_ c: ConditionResult) -> [String: JSONValue] {
      var o: [String: JSONValue] = ["expression": .string(c.expression), "value": .null, "error": .null]
      switch c.value {
      case .isTrue: o["value"] = .bool(true)
      case .isFalse: o["value"] = .bool(false)
      case .notBoolean(let v): o["error"] = .object(["reason": .string("not a bool: \(v)"), "location": .null])
      case .error(let reason, let location):
        o["error"] = .object(["reason": .string(reason), "location": location.map { .string($0) } ?? .null])
      }
      return o
    }
    var checks: [String: JSONValue] = [:]
    if let roles = e.roles {
      checks["roles"] = .object([
        "by": roles.allowed.map { .array($0.map { .string($0.rawValue) }) } ?? .null,
        "workflow_roles": .array(roles.workflowRoles.map { .string($0.rawValue) }),
        "ok": .bool(roles.isPermitted),
      ])
    }
    checks["input"] = .object([
      "ok": .bool(e.inputProblem == nil), "refusal": refusal(e.inputProblem),
    ])
    checks["require"] = .array(
      e.required.map { .object(["field": .string($0.field.rawValue), "filled": .bool($0.isFilled)]) })
    checks["guard"] = e.guardCheck.map { g in
      var o = condition(g)
      o["message"] = g.message.map { .string($0) } ?? .null
      return .object(o)
    } ?? .null
    checks["set"] = .array(
      e.assignments.map { a in
        switch a.value {
        case .success(let v):
          .object(["field": .string(a.field.rawValue), "expression": .string(a.expression), "value": v, "error": .null])
        case .failure(let r):
          .object(["field": .string(a.field.rawValue), "expression": .string(a.expression), "value": .null, "error": refusal(r)])
        }
      })
    checks["branches"] = .array(
      e.branches.map { b in
        var o: [String: JSONValue] = b.condition.map(condition) ?? ["expression": .null, "value": .null, "error": .null]
        o["to"] = .string(b.target.rawValue)
        o["taken"] = .bool(b.isChosen)
        return .object(o)
      })
    checks["note"] = .object(["requirement": .string(e.note.rawValue), "given": .bool(e.noteGiven)])

    var verdict: [String: JSONValue] = [
      "id": .string(e.instance.id.rawValue), "workflow": .string(e.instance.workflow.rawValue),
      "state": .string(e.instance.state.rawValue), "event": .string(e.event.rawValue),
      "actor": .object([
        "user": .string(e.actor.rawValue), "roles": .array(e.actorRoles.map { .string($0.rawValue) }),
      ]),
      "unavailable": refusal(e.unavailable),
      "checks": e.unavailable == nil ? .object(checks) : .null,
      "to": e.target.map { .string($0.rawValue) } ?? .null,
    ]
    switch e.outcome {
    case .success: verdict["allowed"] = .bool(true); verdict["refusal"] = .null
    case .failure(let r): verdict["allowed"] = .bool(false); verdict["refusal"] = refusal(r)
    }
    let after = e.after
    verdict["assignee"] = .object([
      "before": InstanceJSON.assignee(e.instance.assignee),
      "after": after.map { InstanceJSON.assignee($0.assignee) } ?? .null,
    ])
    verdict["deadlines"] = .array(
      e.clockChanges.map { c in
        .object([
          "name": .string(c.name.rawValue), "change": .string(c.kind.rawValue),
          "state": .string(c.clock.state.rawValue), "due_at": time(c.clock.dueAt),
        ])
      })
    verdict["fired_rules"] = .array(
      e.firedRules.map { f in
        var o: [String: JSONValue] = ["rule": .string(f.rule.rawValue), "instance": .string(f.instance.rawValue)]
        switch f.outcome {
        case .applied: o["outcome"] = .string("applied")
        case .skipped(let reason): o["outcome"] = .string("skipped"); o["reason"] = .string(reason)
        }
        return .object(o)
      })
    verdict["other_tickets"] = .array(
      e.otherChanges.map { t in
        .object([
          "id": .string(t.id.rawValue), "workflow": .string(t.workflow.rawValue),
          "state": .string(t.state.rawValue), "started": .bool(t.revision == 1),
        ])
      })
    verdict["outbox"] = .array(
      e.outbox.map { m in
        .object([
          "to": .array(m.to.map { .string($0.rawValue) }), "instance": .string(m.instance.rawValue),
          "message": .string(m.message),
        ])
      })
    return .object(verdict)
  }
}

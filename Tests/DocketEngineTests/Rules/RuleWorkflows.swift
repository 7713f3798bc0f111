import DocketEngine
import DocketModel
import Foundation
import Testing

/// Two small workflows for rule tests: a case that can start visits, and the visit.
enum RuleWorkflows {
  static let caseYAML = """
    workflow: case
    version: 1
    prefix: CAS
    roles: { specialist: 专员, supervisor: 主管 }
    fields:
      customer: { type: string, required: true }
      category: { type: enum, values: [noise, repair, other], default: other }
      level:    { type: int, default: 0 }
      flagged:  { type: bool, default: false }
      remark:   { type: string }
    initial: open
    deadlines:
      sla:
        within: 24h
        start: created
        stop: [closed]
        breach: [ { set: { level: "level + 10" } } ]
    states:
      open:
        assign: specialist
        on:
          escalate: { to: escalated, by: [specialist] }
          ping:     { to: open }
          close:    { to: closed }
      escalated:
        assign: supervisor
        on:
          close:    { to: closed }
      closed: { final: true }
    """

  static let visitYAML = """
    workflow: visit
    version: 1
    prefix: VIS
    roles: { specialist: 专员, supervisor: 主管 }
    fields:
      customer: { type: string, required: true }
      level:    { type: int, default: 1 }
      source:   { type: string }
      seen:     { type: bool, default: false }
    initial: pending
    states:
      pending:
        assign: specialist
        on:
          finish: { to: done }
          fail:   { to: failed }
      done: { final: true }
      failed: { final: true }
    """

  static func all() throws -> [WorkflowDefinition] {
    [try yamlWorkflow(caseYAML, id: "case"), try yamlWorkflow(visitYAML, id: "visit")]
  }

  static let newCase: FieldInput = ["customer": .text("张三"), "category": .text("noise")]
}

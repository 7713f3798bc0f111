import DocketDSL
import DocketEngine
import DocketModel
import Foundation
import Testing

@Suite("Workflows loaded from YAML")
struct YAMLWorkflowTests {
  static let calc = """
    workflow: calc
    version: 1
    prefix: CAL
    roles: { specialist: 专员 }
    fields:
      divisor: { type: int, default: 0 }
    initial: open
    states:
      open:
        on:
          check: { to: done, if: "10 / divisor > 1" }
          notify_me: { to: open }
      done: { final: true }
    """

  @Test func guardEvaluationErrorPointsAtTheFailingNodeInTheFile() throws {
    let desk = Desk([try yamlWorkflow(Self.calc, id: "calc")])
    let id = try desk.new("calc", as: "li.wei", .none).get().id
    guard case .failure(let refusal) = desk.advance(id, "check") else {
      Issue.record("expected a refusal")
      return
    }
    let line = Self.calc.split(separator: "\n", omittingEmptySubsequences: false)[10]
    let scalars = line.unicodeScalars
    let slash = try #require(scalars.firstIndex(of: "/"))
    let column = scalars.distance(from: scalars.startIndex, to: slash) + 1
    #expect(refusal.code == "guard_failed")
    #expect(refusal.message.contains("division by zero at workflows/calc.yaml:11:\(column)"), "\(refusal.message)")
    #expect(try desk.advance(id, "check", ["divisor": .text("2")]).get().state == "done")
  }
}

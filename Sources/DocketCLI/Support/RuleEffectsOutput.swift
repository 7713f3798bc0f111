import DocketModel
import DocketReports
import Foundation

/// How `new` and `advance` tell what rules did: one line per rule that fired, with the
/// tickets it started, and the same as `--json` members.
enum RuleEffectsOutput {
  /// Text lines, two spaces in: `rule 'x' on CMP-000001: started RVT-000002 (回访, queue of
  /// 客服专员)`, `rule 'y' on CMP-000001: skipped: …`. Empty when no rule fired.
  static func text(_ change: TicketChange, home: Home) -> String {
    var lines = ""
    var reported = Set<InstanceID>()
    for firing in change.firedRules {
      var line = "  rule '\(firing.rule)' on \(firing.instance)"
      switch firing.outcome {
      case .applied:
        let children = change.started.filter {
          $0.history.first?.rule == firing.rule.rawValue && $0.links.parent == firing.instance
            && !reported.contains($0.id)
        }
        if children.isEmpty {
          line += ": applied"
        } else {
          line += ": started " + children.map { describe($0, home: home) }.joined(separator: ", ")
          reported.formUnion(children.map(\.id))
        }
      case .skipped(let reason):
        line += ": skipped: \(reason)"
      }
      lines += line + "\n"
    }
    return lines
  }

  private static func describe(_ instance: Instance, home: Home) -> String {
    let names = Describe(home: home, instance: instance)
    return "\(instance.id) (\(names.title), \(names.owner))"
  }

  /// `fired_rules` (rule, instance, outcome, reason when skipped) and `started` (id,
  /// workflow, state, parent) members for the `--json` document.
  static func members(_ change: TicketChange) -> [String: JSONValue] {
    [
      "fired_rules": .array(
        change.firedRules.map { f in
          var o: [String: JSONValue] = ["rule": .string(f.rule.rawValue), "instance": .string(f.instance.rawValue)]
          switch f.outcome {
          case .applied: o["outcome"] = "applied"
          case .skipped(let reason):
            o["outcome"] = "skipped"
            o["reason"] = .string(reason)
          }
          return .object(o)
        }),
      "started": .array(
        change.started.map { s in
          .object([
            "id": .string(s.id.rawValue), "workflow": .string(s.workflow.rawValue),
            "state": .string(s.state.rawValue),
            "parent": s.links.parent.map { .string($0.rawValue) } ?? .null,
          ])
        }),
    ]
  }

  /// The instance document with the rule members added.
  static func document(_ change: TicketChange, zone: TimeZone) -> JSONValue {
    guard case .object(var o) = InstanceJSON.document(change.instance, zone: zone) else {
      return InstanceJSON.document(change.instance, zone: zone)
    }
    for (k, v) in members(change) { o[k] = v }
    return .object(o)
  }
}

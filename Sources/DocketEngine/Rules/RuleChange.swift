import DocketModel
import Foundation

/// A change the engine made that rules may react to: a ticket created, moved by an event,
/// or one of its deadlines warning or breaching.
struct RuleChange {
  var trigger: RuleTrigger
  var instance: InstanceID
  var workflow: WorkflowID
  /// The history event of the change, which rules see as `event`: `create`, the fired
  /// event, `warn:NAME` or `breach:NAME`.
  var event: EventName
  /// For `transition`: the event fired, its source and target state. For `created`: the
  /// initial state (`to`).
  var firedEvent: EventName?
  var from: StateID?
  var to: StateID?
  /// For `breach` and `warning`.
  var deadline: DeadlineName?
  /// When the change took effect; rule actions take effect then too.
  var time: Date

  static func created(_ instance: Instance, at time: Date) -> RuleChange {
    RuleChange(
      trigger: .created, instance: instance.id, workflow: instance.workflow, event: "create",
      to: instance.state, time: time)
  }

  static func transition(
    _ instance: Instance, event: EventName, from: StateID, at time: Date
  ) -> RuleChange {
    RuleChange(
      trigger: .transition, instance: instance.id, workflow: instance.workflow, event: event,
      firedEvent: event, from: from, to: instance.state, time: time)
  }

  static func deadline(
    _ instance: Instance, _ name: DeadlineName, breach: Bool, at time: Date
  ) -> RuleChange {
    RuleChange(
      trigger: breach ? .breach : .warning, instance: instance.id, workflow: instance.workflow,
      event: EventName("\(breach ? "breach" : "warn"):\(name)"), deadline: name, time: time)
  }

  /// Whether the rule's filters (beyond trigger and workflow) admit this change.
  func passes(_ filter: RuleFilter) -> Bool {
    func admits<T: Equatable>(_ list: [T], _ value: T?) -> Bool {
      list.isEmpty || value.map { list.contains($0) } == true
    }
    return admits(filter.events, firedEvent) && admits(filter.from, from)
      && admits(filter.to, to) && admits(filter.deadlines, deadline)
  }
}

/// The rules that led to the one running now, outermost first: for the depth limit and for
/// naming a runaway chain (`rule 'a' (CMP-000001) → rule 'b' (RVT-000002)`).
struct RuleChain {
  private(set) var links: [(rule: RuleID, instance: InstanceID)] = []

  var depth: Int { links.count }
  var isEmpty: Bool { links.isEmpty }

  func appending(_ rule: RuleID, on instance: InstanceID) -> RuleChain {
    var next = self
    next.links.append((rule, instance))
    return next
  }

  var names: [String] { links.map { "rule '\($0.rule)' (\($0.instance))" } }
}

/// Who the rules' failures are answered to.
enum RuleMode {
  /// A person's command: a failing rule refuses the whole command unless it says
  /// `on_error: skip`.
  case command
  /// `tick`: nobody to refuse, so a failing rule triggered by a deadline is skipped (as if
  /// it said `on_error: skip`), and one bad rule cannot hold up every deadline.
  case tick
}

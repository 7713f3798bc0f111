import DocketModel

/// A workflow as a diagram: boxes for states, arrows for events, small diamonds where an event
/// branches, and a legend for the clocks that span states.
///
/// Built once from a loaded ``WorkflowDefinition`` and rendered by ``dot`` (Graphviz) or
/// ``mermaid``; both renderers read only this, so the two pictures always say the same thing.
/// Every text here is plain (unescaped); each renderer escapes for its own syntax.
public struct WorkflowGraph: Sendable, Equatable {
  /// What a node stands for.
  public enum NodeKind: Sendable, Equatable {
    case state(isInitial: Bool, isFinal: Bool)
    /// Where a branching event chooses its target (`to:` with `if:` branches).
    case choice
  }

  public struct Node: Sendable, Equatable {
    /// Unique within the graph: the state id, or `STATE__EVENT` for a choice.
    public var id: String
    public var kind: NodeKind
    /// The title (the state's label), then detail lines (id, assignee role, deadline).
    public var lines: [String]
  }

  public struct Edge: Sendable, Equatable {
    public var from: String
    public var to: String
    /// The event and its conditions, one fact a line; a branch's condition.
    public var lines: [String]
    /// The last branch without `if` (taken when no other branch holds): drawn dashed.
    public var isFallback: Bool
  }

  public var workflow: String
  /// `客户投诉 (complaint, version 1)`.
  public var title: String
  public var initial: String
  public var nodes: [Node]
  public var edges: [Edge]
  /// The workflow-level deadlines (SLA clocks), one line each; empty when there are none.
  public var legend: [String]

  /// Guards and branch conditions longer than this many characters are cut with `…`.
  public static let conditionLimit = 48

  public init(_ workflow: WorkflowDefinition) {
    self.workflow = workflow.id.rawValue
    title = "\(workflow.displayName) (\(workflow.id.rawValue), version \(workflow.version))"
    initial = workflow.initial.rawValue
    let roles = RoleNames(workflow.roles)
    var nodes: [Node] = []
    var edges: [Edge] = []
    for state in workflow.states.values {
      nodes.append(Self.node(for: state, initial: workflow.initial, roles: roles))
      for transition in state.transitions.values {
        let lines = Self.lines(for: transition, roles: roles)
        switch transition.target {
        case .state(let target):
          edges.append(
            Edge(from: state.id.rawValue, to: target.rawValue, lines: lines, isFallback: false))
        case .branches(let branches):
          let choice = "\(state.id.rawValue)__\(transition.event.rawValue)"
          nodes.append(Node(id: choice, kind: .choice, lines: []))
          edges.append(Edge(from: state.id.rawValue, to: choice, lines: lines, isFallback: false))
          for branch in branches {
            let condition = branch.condition.map { "[\(Self.abbreviate($0.source))]" } ?? "else"
            edges.append(
              Edge(
                from: choice, to: branch.target.rawValue, lines: [condition],
                isFallback: branch.condition == nil))
          }
        }
      }
    }
    self.nodes = nodes
    self.edges = edges
    legend = workflow.deadlines.map { Self.legendLine(for: $0, roles: roles) }
  }

  /// A state's box: its label, its id when the label differs, who holds it, its own clock.
  static func node(for state: StateDefinition, initial: StateID, roles: RoleNames) -> Node {
    var lines = [state.displayName]
    if state.label != nil, state.label != state.id.rawValue { lines.append(state.id.rawValue) }
    if let role = state.assignRole { lines.append("assign: \(roles[role])") }
    if let deadline = state.deadline {
      // A state's unnamed clock is called after the state: its name would only repeat it.
      let isUnnamed = deadline.label == nil && deadline.name.rawValue == state.id.rawValue
      lines.append(
        "deadline: "
          + (isUnnamed
            ? durationText(deadline.within)
              + (deadline.calendar.map { " (calendar \($0.rawValue))" } ?? "")
            : clockText(deadline)))
    }
    return Node(
      id: state.id.rawValue, kind: .state(isInitial: state.id == initial, isFinal: state.isFinal),
      lines: lines)
  }

  /// An event's arrow: the event, who may fire it, its guard and what it needs or changes.
  static func lines(for transition: TransitionDefinition, roles: RoleNames) -> [String] {
    var lines = [transition.event.rawValue]
    if let label = transition.label, label != transition.event.rawValue { lines[0] += " (\(label))" }
    if let by = transition.allowedRoles, !by.isEmpty {
      lines.append("by: " + by.map { roles[$0] }.joined(separator: ", "))
    }
    if let guardCondition = transition.guardCondition {
      lines.append("if: " + abbreviate(guardCondition.expression.source))
    }
    if !transition.requiredFields.isEmpty {
      lines.append("require: " + transition.requiredFields.map(\.rawValue).joined(separator: ", "))
    }
    if let role = transition.assignRole { lines.append("assign: \(roles[role])") }
    if transition.note == .required { lines.append("note required") }
    return lines
  }

  /// `30分钟内接单 30m` or `24小时内处理完毕 24h (calendar china)`.
  static func clockText(_ deadline: DeadlineDefinition) -> String {
    var text = "\(deadline.displayName) \(durationText(deadline.within))"
    if let calendar = deadline.calendar { text += " (calendar \(calendar.rawValue))" }
    return text
  }

  /// Whole hours up to two days as hours (`24h`, `48h`, as owners write SLAs), else the
  /// canonical text (`3d`, `1h30m`, `5wd`).
  static func durationText(_ duration: DocketDuration) -> String {
    let s = duration.seconds
    guard duration.workingDays == 0, s > 0, s % 3600 == 0, s <= 48 * 3600 else {
      return duration.description
    }
    return "\(s / 3600)h"
  }

  /// One workflow deadline for the legend: its clock, when it starts, stops and pauses.
  static func legendLine(for deadline: DeadlineDefinition, roles: RoleNames) -> String {
    var text = clockText(deadline)
    if deadline.label != nil { text += " [\(deadline.name.rawValue)]" }
    guard case .workflow(let start, let stop, let pause) = deadline.scope else { return text }
    switch start {
    case .created: text += ": from creation"
    case .states(let states): text += ": from " + states.map(\.rawValue).joined(separator: ", ")
    }
    if !stop.isEmpty { text += "; stops at " + stop.map(\.rawValue).joined(separator: ", ") }
    if !pause.isEmpty { text += "; paused in " + pause.map(\.rawValue).joined(separator: ", ") }
    return text
  }

  /// The expression on one line (runs of whitespace become one space), cut to
  /// ``conditionLimit`` characters with `…`.
  public static func abbreviate(_ expression: String, limit: Int = conditionLimit) -> String {
    let oneLine = expression.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard oneLine.count > limit, limit > 1 else { return oneLine }
    return String(oneLine.prefix(limit - 1)) + "…"
  }
}

/// Role labels as the workflow names them (`客服专员`), else the role id.
struct RoleNames {
  let labels: [RoleID: String]

  init(_ roles: some Sequence<(key: RoleID, value: String)>) {
    var labels: [RoleID: String] = [:]
    for (id, label) in roles where !label.isEmpty { labels[id] = label }
    self.labels = labels
  }

  subscript(role: RoleID) -> String { labels[role] ?? role.rawValue }
}

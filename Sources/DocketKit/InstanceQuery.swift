import DocketModel
import DocketStore
import Foundation

/// What `docket list` (and the personal queue) asks for. Every filter is optional.
public struct InstanceQuery: Sendable, Hashable {
  public enum Status: Sendable, Hashable { case open, closed, any }

  public var workflow: WorkflowID?
  public var state: StateID?
  /// Tickets this person holds.
  public var assignee: UserID?
  public var status: Status
  /// Only tickets with a deadline past due (running and due, or breached) that are still open.
  public var overdue: Bool
  /// The queue of this person: tickets they hold, and tickets waiting (no person) in the
  /// queue of a role they hold.
  public var queueOf: UserID?

  public init(
    workflow: WorkflowID? = nil, state: StateID? = nil, assignee: UserID? = nil,
    status: Status = .open, overdue: Bool = false, queueOf: UserID? = nil
  ) {
    self.workflow = workflow
    self.state = state
    self.assignee = assignee
    self.status = status
    self.overdue = overdue
    self.queueOf = queueOf
  }
}

extension InstanceSummary {
  /// Whether a deadline of this open ticket is past due at `now` (running and due, or
  /// breached).
  public func isOverdue(at now: Date) -> Bool {
    status == .open
      && deadlines.contains { $0.state == .breached || ($0.state == .running && $0.dueAt <= now) }
  }

  /// The earliest due time of a running deadline, for "due in 3h" and queue order.
  public var nextDeadline: Deadline? {
    deadlines.filter { $0.state == .running }.min { ($0.dueAt, $0.name) < ($1.dueAt, $1.name) }
  }
}

import DocketModel
import Foundation

/// What the index keeps of one ticket: enough for `list`, `tick` and `validate` without
/// opening its file. Derived from the instance file, so it can always be rebuilt.
public struct InstanceSummary: Sendable, Hashable {
  /// One deadline as `list` shows it.
  public struct Deadline: Sendable, Hashable {
    public var name: DeadlineName
    public var state: DeadlineClock.State
    public var dueAt: Date
  }

  public var id: InstanceID
  public var workflow: WorkflowID
  public var version: Int
  public var digest: String
  public var state: StateID
  public var status: InstanceStatus
  public var role: RoleID?
  public var user: UserID?
  public var createdAt: Date
  public var updatedAt: Date
  public var closedAt: Date?
  /// The next instant `tick` has work on this ticket (a warning or breach), if any.
  public var nextDueAt: Date?
  /// Every started deadline, by name.
  public var deadlines: [Deadline]
  /// A short description for listings (chosen by the session, e.g. the customer's name).
  public var title: String?
  public var revision: Int

  public init(_ instance: Instance, title: String?) {
    id = instance.id
    workflow = instance.workflow
    version = instance.version
    digest = instance.digest
    state = instance.state
    status = instance.status
    role = instance.assignee.role
    user = instance.assignee.user
    createdAt = instance.createdAt
    updatedAt = instance.updatedAt
    closedAt = instance.closedAt
    nextDueAt = instance.isOpen ? instance.nextDueAt : nil
    deadlines = instance.deadlines.sorted { $0.key < $1.key }.map {
      Deadline(name: $0.key, state: $0.value.state, dueAt: $0.value.dueAt)
    }
    self.title = title
    revision = instance.revision
  }

  public init(
    id: InstanceID, workflow: WorkflowID, version: Int, digest: String, state: StateID,
    status: InstanceStatus, role: RoleID?, user: UserID?, createdAt: Date, updatedAt: Date,
    closedAt: Date?, nextDueAt: Date?, deadlines: [Deadline], title: String?, revision: Int
  ) {
    self.id = id
    self.workflow = workflow
    self.version = version
    self.digest = digest
    self.state = state
    self.status = status
    self.role = role
    self.user = user
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.closedAt = closedAt
    self.nextDueAt = nextDueAt
    self.deadlines = deadlines
    self.title = title
    self.revision = revision
  }
}

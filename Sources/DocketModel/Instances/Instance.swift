import Foundation

/// Whether a ticket is still moving: `closed` once it reaches a final state.
public enum InstanceStatus: String, Sendable, Hashable, Codable {
  case open, closed
}

/// Who holds a ticket: a role, and a person when someone has it.
public struct Assignee: Sendable, Hashable, Codable {
  public var role: RoleID?
  public var user: UserID?

  public init(role: RoleID? = nil, user: UserID? = nil) {
    self.role = role
    self.user = user
  }
}

/// A ticket's links to tickets started from it or that started it.
public struct Links: Sendable, Hashable, Codable {
  public var parent: InstanceID?
  public var children: [InstanceID]

  public init(parent: InstanceID? = nil, children: [InstanceID] = []) {
    self.parent = parent
    self.children = children
  }
}

/// One running or finished ticket (contract §5). A value: the engine returns changed copies.
public struct Instance: Sendable, Hashable {
  public var id: InstanceID
  public var workflow: WorkflowID
  /// The definition this ticket is pinned to: its author's version and the file's digest.
  public var version: Int
  public var digest: String
  public var state: StateID
  public var status: InstanceStatus
  /// Field values by name; unset fields are absent or `.null`.
  public var fields: [String: JSONValue]
  public var assignee: Assignee
  public var createdAt: Date
  public var updatedAt: Date
  public var closedAt: Date?
  public var deadlines: [DeadlineName: DeadlineClock]
  public var links: Links
  /// Append-only.
  public var history: [HistoryEntry]
  /// Incremented on every write; the store refuses a write based on a stale revision.
  public var revision: Int

  public init(
    id: InstanceID, workflow: WorkflowID, version: Int, digest: String, state: StateID,
    status: InstanceStatus = .open, fields: [String: JSONValue] = [:],
    assignee: Assignee = Assignee(), createdAt: Date, updatedAt: Date? = nil,
    closedAt: Date? = nil, deadlines: [DeadlineName: DeadlineClock] = [:], links: Links = Links(),
    history: [HistoryEntry] = [], revision: Int = 1
  ) {
    self.id = id
    self.workflow = workflow
    self.version = version
    self.digest = digest
    self.state = state
    self.status = status
    self.fields = fields
    self.assignee = assignee
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.closedAt = closedAt
    self.deadlines = deadlines
    self.links = links
    self.history = history
    self.revision = revision
  }

  public var isOpen: Bool { status == .open }

  /// A field's value, `.null` when unset.
  public func field(_ name: FieldName) -> JSONValue { fields[name.rawValue] ?? .null }

  /// The earliest instant at which `tick` has something to do for this ticket: the next
  /// warning or breach of a running clock. Nil when nothing is pending.
  public var nextDueAt: Date? {
    deadlines.values.compactMap(\.nextActionAt).min()
  }
}

import DocketModel
import Foundation

/// One line of `docket list` or the queue: what the index knows about a ticket, with display
/// names already resolved by the caller.
public struct TicketRow: Sendable, Hashable {
  public var id: InstanceID
  public var workflow: WorkflowID
  public var workflowTitle: String
  public var state: StateID
  public var stateLabel: String
  public var status: InstanceStatus
  public var assignee: Assignee
  /// `李伟` or `queue: 客服主管`.
  public var ownerText: String
  /// A short description of the ticket (its first text field), if any.
  public var summary: String
  /// The soonest pending warning or breach, if any.
  public var nextDue: Date?
  /// Whether a deadline is already breached.
  public var isBreached: Bool
  public var createdAt: Date

  public init(
    id: InstanceID, workflow: WorkflowID, workflowTitle: String, state: StateID,
    stateLabel: String, status: InstanceStatus, assignee: Assignee, ownerText: String,
    summary: String, nextDue: Date?, isBreached: Bool, createdAt: Date
  ) {
    self.id = id
    self.workflow = workflow
    self.workflowTitle = workflowTitle
    self.state = state
    self.stateLabel = stateLabel
    self.status = status
    self.assignee = assignee
    self.ownerText = ownerText
    self.summary = summary
    self.nextDue = nextDue
    self.isBreached = isBreached
    self.createdAt = createdAt
  }

  /// Whether it is late now: breached, or past a due time that `tick` has not yet handled.
  public func isOverdue(at now: Date) -> Bool {
    isBreached || (nextDue.map { $0 <= now } ?? false)
  }

  public func json(now: Date, zone: TimeZone) -> JSONValue {
    .object([
      "id": .string(id.rawValue), "workflow": .string(workflow.rawValue),
      "state": .string(state.rawValue), "status": .string(status.rawValue),
      "assignee": InstanceJSON.assignee(assignee), "summary": .string(summary),
      "next_due_at": nextDue.map { .string(RFC3339.format($0, in: zone)) } ?? .null,
      "overdue": .bool(isOverdue(at: now)),
      "created_at": .string(RFC3339.format(createdAt, in: zone)),
    ])
  }
}

/// `docket list` and the queue: an aligned table of tickets.
public struct TicketTable: Sendable {
  public var rows: [TicketRow]
  public var now: Date
  public var zone: TimeZone

  public init(rows: [TicketRow], now: Date, zone: TimeZone) {
    self.rows = rows
    self.now = now
    self.zone = zone
  }

  public func render(palette: Palette = .plain) -> String {
    var table = TextTable(columns: [
      .init("ID", maxWidth: 14), .init("WORKFLOW", maxWidth: 12), .init("STATE", maxWidth: 14),
      .init("OWNER", maxWidth: 20), .init("DUE", maxWidth: 20), .init("SUMMARY", maxWidth: 30),
    ])
    for row in rows {
      table.append([
        .init(row.id.rawValue, paint: palette.accent), .init(row.workflowTitle),
        .init(row.stateLabel), .init(row.ownerText), due(row, palette: palette),
        .init(row.summary),
      ])
    }
    return table.render(palette: palette)
  }

  private func due(_ row: TicketRow, palette: Palette) -> TextTable.Cell {
    if row.status == .closed { return .init("closed", paint: palette.dim) }
    if row.isBreached {
      return .init("breached", paint: palette.bad)
    }
    guard let next = row.nextDue else { return .init("—", paint: palette.dim) }
    if next <= now {
      return .init("overdue " + TimeText.span(from: next, to: now), paint: palette.bad)
    }
    return .init("in " + TimeText.span(from: now, to: next), paint: palette.warning)
  }

  public var json: JSONValue {
    .object(["tickets": .array(rows.map { $0.json(now: now, zone: zone) })])
  }
}

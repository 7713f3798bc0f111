import Foundation

/// One line of a ticket's append-only history.
public struct HistoryEntry: Sendable, Hashable {
  /// 1, 2, 3 … strictly increasing within a ticket.
  public var seq: Int
  public var at: Date
  /// The person, or `system` for deadline and rule actions.
  public var actor: UserID
  /// `create`, an event name, or a system entry such as `assign`, `breach:handle_24h`,
  /// `warn:handle_24h`.
  public var event: String
  public var from: StateID?
  public var to: StateID?
  /// Fields changed by this step, with their new values.
  public var set: [String: JSONValue]
  public var note: String?
  /// The assignee after this step, when it changed.
  public var assignee: Assignee?
  /// The rule that caused this step, when one did.
  public var rule: String?

  /// Inlinable so the engine builds each step's entry in place: called across the module
  /// boundary, the entry was built, copied out and destroyed (a retain and release of each
  /// of its strings and its `set` map) on every step.
  @inlinable
  public init(
    seq: Int, at: Date, actor: UserID, event: String, from: StateID? = nil, to: StateID? = nil,
    set: [String: JSONValue] = [:], note: String? = nil, assignee: Assignee? = nil,
    rule: String? = nil
  ) {
    self.seq = seq
    self.at = at
    self.actor = actor
    self.event = event
    self.from = from
    self.to = to
    self.set = set
    self.note = note
    self.assignee = assignee
    self.rule = rule
  }
}

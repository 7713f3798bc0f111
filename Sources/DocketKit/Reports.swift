import DocketDiagnostics
import DocketModel
import Foundation

/// What one `docket tick` did: every warning and breach it ran, in the order it ran them.
public struct TickReport: Sendable {
  public enum Kind: String, Sendable, Hashable { case warning, breach }

  /// One deadline action.
  public struct Firing: Sendable, Hashable {
    public var instance: InstanceID
    public var deadline: DeadlineName
    public var kind: Kind
    /// When it fell due.
    public var dueAt: Date
  }

  /// When the tick ran.
  public var at: Date
  public var firings: [Firing]
  /// Every ticket the tick changed, as written.
  public var changed: [Instance]
  /// Notifications it appended to the outbox.
  public var outbox: [OutboxMessage]
  /// Rules that reacted to the warnings, breaches and moves, in firing order (a failing one
  /// is recorded as skipped: `tick` has nobody to refuse).
  public var firedRules: [RuleFiring]

  public init(
    at: Date, firings: [Firing] = [], changed: [Instance] = [], outbox: [OutboxMessage] = [],
    firedRules: [RuleFiring] = []
  ) {
    self.at = at
    self.firings = firings
    self.changed = changed
    self.outbox = outbox
    self.firedRules = firedRules
  }
}

/// What `docket validate` found on a home that loaded without errors.
public struct ValidationReport: Sendable {
  /// An open ticket that runs on an older version of its workflow than the file has now.
  public struct PinnedTicket: Sendable, Hashable {
    public var id: InstanceID
    public var workflow: WorkflowID
    /// The version and digest it runs on.
    public var version: Int
    public var digest: String
    /// The workflow file's version now.
    public var currentVersion: Int
    /// Whether the store still has a copy of the definition it runs on.
    public var definitionKept: Bool
  }

  /// Warnings (errors never reach a report: the session would not have opened).
  public var diagnostics: DiagnosticBag
  /// The loaded files, by display path, to render diagnostics with context.
  public var sources: [String: SourceFile]
  public var pinned: [PinnedTicket]
  /// Ticket files that could not be read while checking.
  public var problems: [StoreError]

  public init(
    diagnostics: DiagnosticBag = DiagnosticBag(), sources: [String: SourceFile] = [:],
    pinned: [PinnedTicket] = [], problems: [StoreError] = []
  ) {
    self.diagnostics = diagnostics
    self.sources = sources
    self.pinned = pinned
    self.problems = problems
  }
}

/// What `docket reindex` did.
public struct ReindexReport: Sendable {
  /// Tickets now in the index.
  public var indexed: Int
  /// Ticket files that could not be read (left out of the index, ids still reserved).
  public var problems: [StoreError]
}

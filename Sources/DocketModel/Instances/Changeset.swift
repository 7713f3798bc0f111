import Foundation

/// A message appended to `data/outbox.jsonl` (contract §2): one JSON object a line.
public struct OutboxMessage: Sendable, Hashable {
  public var at: Date
  public var to: [RoleID]
  public var instance: InstanceID
  public var message: String

  public init(at: Date, to: [RoleID], instance: InstanceID, message: String) {
    self.at = at
    self.to = to
    self.instance = instance
    self.message = message
  }
}

/// Everything one command changes: committed whole or not at all.
///
/// Each instance carries its new `revision`; the store writes it only if the file on disk
/// still has `revision - 1` (a new instance has revision 1 and must not exist yet).
public struct Changeset: Sendable {
  public var instances: [Instance]
  public var outbox: [OutboxMessage]
  /// Every rule that fired during the command, in the order it fired (for reports, `explain`
  /// and fixture coverage; not written to the store).
  public var firedRules: [RuleFiring]

  public init(instances: [Instance] = [], outbox: [OutboxMessage] = [], firedRules: [RuleFiring] = []) {
    self.instances = instances
    self.outbox = outbox
    self.firedRules = firedRules
  }

  public var isEmpty: Bool { instances.isEmpty && outbox.isEmpty }
}

/// What the engine may read of the store while deciding one command.
///
/// The session holds the store's lock for the whole command, so what it reads cannot change
/// underneath it.
public protocol InstanceReader {
  /// The ticket with this id, or nil if there is none. Throws when its file is unreadable.
  func instance(_ id: InstanceID) throws -> Instance?
  /// The ticket with this id, handed over to be changed: a reader that can moves it out of
  /// its storage, so the caller holds the only reference and changes it in place (holding on
  /// to it would make every change copy its fields and history first). The caller then owes
  /// the ticket back: its next revision in a committed changeset, or ``giveBack(_:)``
  /// unchanged when the command is refused. Only a command that will commit may ask.
  /// The default reads a copy, as ``instance(_:)`` does.
  func lend(_ id: InstanceID) throws -> Instance?
  /// Takes back, unchanged, a ticket ``lend(_:)`` handed over (the command was refused).
  /// The default does nothing: a reader that lent a copy still holds the ticket.
  func giveBack(_ instance: consuming Instance)
  /// The highest id number ever used with this prefix (0 if none), so new ids never repeat.
  func lastNumber(forPrefix prefix: String) throws -> Int
  /// The tickets of `lookup.workflow` whose key fields equal `key` (in the lookup's key
  /// order), in id order, as stored before this command. Answered from an index: it must not
  /// read every ticket file.
  func lookup(_ lookup: LookupDefinition, key: [JSONValue]) throws -> [LookupEntry]
}

extension InstanceReader {
  public func lend(_ id: InstanceID) throws -> Instance? { try instance(id) }
  public func giveBack(_ instance: consuming Instance) {}
}

/// One rule that fired on one ticket during a command.
public struct RuleFiring: Sendable, Hashable {
  public enum Outcome: Sendable, Hashable {
    /// Every action applied.
    case applied
    /// An action could not apply and the rule says `on_error: skip`: the reason, also
    /// written into the ticket's history.
    case skipped(reason: String)
  }

  public var rule: RuleID
  /// The ticket whose change triggered the rule.
  public var instance: InstanceID
  public var outcome: Outcome

  public init(rule: RuleID, instance: InstanceID, outcome: Outcome) {
    self.rule = rule
    self.instance = instance
    self.outcome = outcome
  }
}

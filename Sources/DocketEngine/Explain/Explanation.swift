import DocketModel
import Foundation

/// What would happen if an actor fired an event on a ticket now, step by step, without
/// changing anything: `docket explain`.
///
/// ``outcome`` is the real answer: the engine's own `advance` run on the store as it is and
/// thrown away, so it matches what `docket advance` would do (rules included). The other
/// members break that answer down: each check with its value, even the ones `advance` never
/// reached because an earlier step refused.
public struct Explanation: Sendable {
  public var instance: Instance
  public var event: EventName
  public var actor: UserID
  /// The actor's roles (empty for `system`).
  public var actorRoles: [RoleID]

  /// What `docket advance` would do: the changeset it would commit, or its refusal.
  public var outcome: Result<Changeset, Refusal>

  /// Nil when the current state handles the event; else why it cannot (final state, or an
  /// event of the workflow that this state does not handle). No check below was run then.
  public var unavailable: Refusal?
  public var roles: RoleCheckResult?
  /// Why the `--set` input was rejected, if it was (the checks below then see the ticket
  /// without the input).
  public var inputProblem: Refusal?
  /// `require`d fields, each with whether it is filled after the input.
  public var required: [(field: FieldName, isFilled: Bool)]
  public var note: NoteRequirement
  public var noteGiven: Bool
  public var guardCheck: ConditionResult?
  public var assignments: [AssignmentResult]
  /// Every branch's condition, evaluated (after `set`), in file order; empty for a plain `to`.
  public var branches: [BranchResult]
  /// The state the event leads to: the only one, or the first branch that holds.
  public var target: StateID?

  /// The ticket after the step, when it would be taken.
  public var after: Instance? {
    guard case .success(let changes) = outcome else { return nil }
    return changes.instances.first { $0.id == instance.id }
  }

  /// Every clock whose state the step would change, in name order.
  public var clockChanges: [ClockChange] {
    guard let after else { return [] }
    let names = Set(instance.deadlines.keys).union(after.deadlines.keys).sorted()
    return names.compactMap { name in
      ClockChange(name: name, before: instance.deadlines[name], after: after.deadlines[name])
    }
  }

  /// Rules that would fire, in firing order (from the dry run).
  public var firedRules: [RuleFiring] {
    guard case .success(let changes) = outcome else { return [] }
    return changes.firedRules
  }

  /// Other tickets the step would create or change (through rules), in first-changed order.
  public var otherChanges: [Instance] {
    guard case .success(let changes) = outcome else { return [] }
    return changes.instances.filter { $0.id != instance.id }
  }

  /// Messages the step would append to the outbox.
  public var outbox: [OutboxMessage] {
    guard case .success(let changes) = outcome else { return [] }
    return changes.outbox
  }
}

/// Whether the actor holds a role the event allows.
public struct RoleCheckResult: Sendable {
  /// The `by` roles; nil when the event names none (any role of the workflow may).
  public var allowed: [RoleID]?
  /// The workflow's roles, which `allowed == nil` stands for.
  public var workflowRoles: [RoleID]
  public var isPermitted: Bool
  /// The refusal `advance` would give, when not permitted.
  public var refusal: Refusal?
}

/// The value of one condition (a guard or a branch's `if`).
public enum ConditionValue: Sendable, Equatable {
  case isTrue
  case isFalse
  /// It gave something other than a bool (described), which counts as not holding.
  case notBoolean(String)
  /// Evaluation failed: why, and where in the definition file.
  case error(reason: String, location: String?)

  public var holds: Bool { self == .isTrue }
}

public struct ConditionResult: Sendable {
  public var expression: String
  /// The guard's own refusal message, if it has one.
  public var message: String?
  public var value: ConditionValue
}

/// One `set:` entry: the value it would write, or why it cannot.
public struct AssignmentResult: Sendable {
  public var field: FieldName
  public var expression: String
  public var value: Result<JSONValue, Refusal>
}

public struct BranchResult: Sendable {
  /// Nil for the unconditional last branch.
  public var condition: ConditionResult?
  public var target: StateID
  /// The branch that would be taken (the first that holds).
  public var isChosen: Bool
}

/// How one deadline's clock would change.
public struct ClockChange: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// Started (or restarted, when the state is entered again).
    case starts, pauses, resumes
    /// Stopped in time.
    case met
    case breached
  }

  public var name: DeadlineName
  public var kind: Kind
  /// The clock after the step.
  public var clock: DeadlineClock

  /// Nil when the clock is unchanged in kind.
  init?(name: DeadlineName, before: DeadlineClock?, after: DeadlineClock?) {
    guard let after, before != after else { return nil }
    self.name = name
    self.clock = after
    switch (before?.state, after.state) {
    case (nil, .running), (.met, .running), (.breached, .running): kind = .starts
    case (.running, .running):
      guard before?.startedAt != after.startedAt else { return nil }
      kind = .starts
    case (.running, .paused): kind = .pauses
    case (.paused, .running): kind = .resumes
    case (let b, .met) where b != .met: kind = .met
    case (let b, .breached) where b != .breached: kind = .breached
    default: return nil
    }
  }
}

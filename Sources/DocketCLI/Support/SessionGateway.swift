import CEL
import DocketDiagnostics
import DocketEngine
import DocketModel
import DocketReports
import Foundation

/// What the commands need from an opened home, in the command line's own terms.
///
/// Commands talk to this, never to the session directly: the adaptor
/// (``DocketKitGateway``) turns the session's values and errors into rows, choices and
/// ``CommandFailure``s in one place, and commands stay a few lines each.
protocol SessionGateway {
  var home: Home { get }
  /// The time this command runs at (`--now`, `$DOCKET_NOW`, else the clock when opened).
  var now: Date { get }

  /// Creates a ticket; with what rules did because of it.
  func createReporting(_ workflow: WorkflowID, fields: [FieldAssignment], actor: UserID)
    throws(CommandFailure) -> TicketChange
  /// Fires an event; with what rules did because of it.
  func advanceReporting(
    _ id: InstanceID, event: EventName, fields: [FieldAssignment], note: String?, actor: UserID
  ) throws(CommandFailure) -> TicketChange
  func assign(_ id: InstanceID, to user: UserID, actor: UserID) throws(CommandFailure) -> Instance
  func tick() throws(CommandFailure) -> [TickFiring]
  func instance(_ id: InstanceID) throws(CommandFailure) -> Instance
  func choices(for id: InstanceID, actor: UserID) throws(CommandFailure) -> [EventChoice]
  func tickets(_ filter: TicketFilter) throws(CommandFailure) -> [TicketRow]
  /// Warnings and notes about the home (it opened, so it has no errors).
  func validationNotes() -> ValidationNotes
  /// Rebuilds derived files; returns how many tickets were indexed.
  func reindex() throws(CommandFailure) -> Int
  /// What a guard on this ticket sees: its fields, `instance`, `now` (and `actor` when one
  /// is given), declared with the types a guard is checked against.
  func evaluationScope(for id: InstanceID, actor: UserID?) throws(CommandFailure)
    -> EvaluationScope
  /// What firing `event` would do now, changing nothing (`docket explain`).
  func explain(
    _ id: InstanceID, event: EventName, fields: [FieldAssignment], note: String?, actor: UserID
  ) throws(CommandFailure) -> Explanation
}

extension SessionGateway {
  func create(_ workflow: WorkflowID, fields: [FieldAssignment], actor: UserID)
    throws(CommandFailure) -> Instance
  {
    try createReporting(workflow, fields: fields, actor: actor).instance
  }

  func advance(
    _ id: InstanceID, event: EventName, fields: [FieldAssignment], note: String?, actor: UserID
  ) throws(CommandFailure) -> Instance {
    try advanceReporting(id, event: event, fields: fields, note: note, actor: actor).instance
  }
}

/// A ticket a person created or advanced, as written, and what rules did because of it.
struct TicketChange: Sendable {
  var instance: Instance
  /// Tickets rules started, in creation order.
  var started: [Instance] = []
  /// Every rule that fired, in firing order.
  var firedRules: [RuleFiring] = []
  /// Other tickets rules changed (not started ones), in first-changed order.
  var alsoChanged: [Instance] = []
  /// The advanced ticket before the command, when the session read it (nil for `new`).
  var before: Instance? = nil
}

/// Variables for `docket eval`: declared types for checking, values for evaluation.
///
/// With `--id`, `base` is the engine's own guard scope for the ticket; `values` (from `--var`
/// and `now`) are looked up first.
struct EvaluationScope: CELActivation {
  var types: [String: CELType] = [:]
  var values: [String: CELValue] = [:]
  var base: (any CELActivation)?

  func value(of name: String) -> CELValue? { values[name] ?? base?.value(of: name) }

  func implementation(ofOverload id: String) -> CELImplementation? {
    base?.implementation(ofOverload: id)
  }
}

/// One warning or breach that `tick` ran.
struct TickFiring: Sendable, Hashable {
  var id: InstanceID
  var deadline: String
  /// The deadline's label (`24小时内处理完毕`), or its name when it has none.
  var label: String
  /// `warning` or `breach`.
  var kind: String
  var at: Date
}

/// The filters of `docket list` and the queue.
struct TicketFilter: Sendable, Equatable {
  enum Status: Sendable, Equatable { case open, closed, any }
  var workflow: WorkflowID?
  var state: StateID?
  var assignee: UserID?
  var status: Status = .open
  var overdueOnly = false
  /// The queue: tickets this person holds or that wait in a queue of a role they hold.
  var queueOf: UserID?
}

/// What `validate` reports on a home without errors.
struct ValidationNotes: Sendable {
  var warnings: [Diagnostic] = []
  var sources: [String: SourceFile] = [:]
  /// Open tickets running on an older version of their workflow, one sentence each.
  var pinned: [String] = []
}

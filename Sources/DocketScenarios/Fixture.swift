import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation

/// One scenario file of contract §7, decoded and checked against the home: a name, the
/// workflow it exercises, the instant its virtual clock starts at, and its steps.
///
/// Every part keeps the span it was written at, so a failed expectation is reported at its
/// `file:line:col` like a compiler error.
public struct Fixture: Sendable {
  public var name: String
  /// The workflow `new` steps create unless they name another.
  public var workflow: WorkflowID
  public var start: Date
  public var steps: [FixtureStep]
  /// The display path of the file (relative to the home when it lies inside it).
  public var path: String
  /// Where `name:` is written (the fixture's place in JUnit and JSON output).
  public var span: SourceSpan
}

/// One step: what to do, and what to check afterwards.
public struct FixtureStep: Sendable {
  public var action: FixtureAction
  public var expect: Expectation?
  /// Where the step's action key is written.
  public var span: SourceSpan
  /// The step as written, short (`advance c1 accept`), for messages.
  public var summary: String
}

/// What a step does to the scratch store or to the virtual clock.
public enum FixtureAction: Sendable {
  /// Creates a ticket as `actor` and names it `ref` for later steps.
  case new(workflow: WorkflowID, ref: String?, actor: UserID, fields: [FieldName: FieldValueText])
  /// Fires `event` on the ticket named `ref`.
  case advance(ref: String, event: EventName, actor: UserID, fields: [FieldName: FieldValueText], note: String?)
  /// Gives the ticket named `ref` to `to`.
  case assign(ref: String, to: UserID, actor: UserID)
  /// Moves the clock forward, running every warning and breach that falls due on the way.
  case wait(seconds: Int64)
  /// Moves the clock to an instant (never backwards), running what falls due on the way.
  case at(Date)
}

/// A field value as a fixture gives it: text parsed by the field's type (like `--set`), or a
/// list.
public enum FieldValueText: Sendable, Hashable {
  case text(String)
  case list([String])
  case null
}

/// What a step checks. Only what is named is checked (contract §7); each check keeps the
/// span of its key, where a failure is reported.
public struct Expectation: Sendable {
  /// Another ticket to check than the step's own.
  public var ref: String?
  public var state: Checked<String>?
  public var status: Checked<String>?
  public var assignee: Checked<ExpectedAssignee>?
  public var fields: Checked<[(name: String, value: ExpectedValue)]>?
  public var deadlines: Checked<[(name: String, clock: ExpectedDeadline)]>?
  public var error: Checked<ExpectedError>?
  public var children: Checked<[ExpectedChild]>?
  public var outbox: Checked<[ExpectedOutboxLine]>?
  public var history: Checked<[ExpectedHistoryEntry]>?
  /// The `expect:` key itself.
  public var span: SourceSpan
}

/// One expectation and where its key is written.
public struct Checked<Value: Sendable>: Sendable {
  public var value: Value
  public var span: SourceSpan
}

/// `assignee: { role: supervisor }`: each named part must match; `user: null` means nobody.
public struct ExpectedAssignee: Sendable {
  /// Nil: not checked; `.some(nil)`: must be empty.
  public var role: String??
  public var user: String??
}

/// An expected field value, compared with the ticket's value by the value's text (so `3`
/// matches an `int` 3 and `true` a `bool`).
public indirect enum ExpectedValue: Sendable, Hashable, CustomStringConvertible {
  case null
  case scalar(String)
  case list([ExpectedValue])

  public var description: String {
    switch self {
    case .null: "null"
    case .scalar(let s): s
    case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    }
  }
}

/// `handle_24h: breached`, or `{ state: running, due_at: 2026-03-03T09:00:00+08:00 }`.
public struct ExpectedDeadline: Sendable {
  public var state: String?
  public var dueAt: Date?
}

/// `error: guard_failed`, or `{ code: guard_failed, message: 紧急投诉 }` (the message must
/// appear in the refusal's message).
public struct ExpectedError: Sendable {
  public var code: String
  public var message: String?
}

/// A linked child ticket, in the order the parent lists them.
public struct ExpectedChild: Sendable {
  public var workflow: String?
  public var state: String?
}

/// A notification this step appended: its roles must include `to`, its message must contain
/// `message`.
public struct ExpectedOutboxLine: Sendable {
  public var to: [String]?
  public var message: String?
}

/// One of the last history entries (the list is matched against the tail of the history).
public struct ExpectedHistoryEntry: Sendable {
  public var event: String?
  public var actor: String?
  public var from: String?
  public var to: String?
}

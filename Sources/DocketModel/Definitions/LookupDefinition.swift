import CEL
import DocketDiagnostics
import Foundation

/// A named question about other tickets, answered from an index rather than by reading
/// ticket files: "the complaints with this customer and this category".
///
/// Declared under `lookups:` in a rules file; a CEL function of the same name takes one
/// argument per key field and returns the matching tickets as a list of maps (`id`,
/// `workflow`, `state`, `status`, `created_at`, `updated_at`, `closed_at`, and the key fields
/// by name), including the ticket being changed and tickets changed earlier in the same command.
public struct LookupDefinition: Sendable {
  /// The function name CEL expressions call: `[a-z][a-z0-9_]*`.
  public var name: String
  /// The workflow whose tickets are looked up.
  public var workflow: WorkflowID
  /// The fields whose values must all be equal, in argument order.
  public var keys: [FieldDefinition]
  public var span: SourceSpan?

  public init(name: String, workflow: WorkflowID, keys: [FieldDefinition], span: SourceSpan? = nil) {
    self.name = name
    self.workflow = workflow
    self.keys = keys
    self.span = span
  }

  /// The overload id the engine binds per evaluation (the answer depends on the store).
  public var overloadID: String { "lookup_\(name)" }

  /// The CEL declaration: `name(key1, key2, ...) -> list(map(string, dyn))`, with no
  /// implementation (the evaluation's activation supplies it).
  public var celFunction: CELFunction {
    CELFunction(
      name,
      overloads: [
        CELOverload(overloadID, keys.map(\.type.celType), .list(.map(.string, .dyn)))
      ])
  }
}

/// One ticket a lookup found: what a rule needs to tell a repeat or rework, without the
/// ticket's file.
public struct LookupEntry: Sendable, Hashable {
  public var id: InstanceID
  public var workflow: WorkflowID
  public var state: StateID
  public var status: InstanceStatus
  public var createdAt: Date
  public var updatedAt: Date
  public var closedAt: Date?
  /// The key fields' values, in the lookup's key order.
  public var key: [JSONValue]

  public init(
    id: InstanceID, workflow: WorkflowID, state: StateID, status: InstanceStatus,
    createdAt: Date, updatedAt: Date, closedAt: Date?, key: [JSONValue]
  ) {
    self.id = id
    self.workflow = workflow
    self.state = state
    self.status = status
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.closedAt = closedAt
    self.key = key
  }

  /// The one form lookup keys are compared in, so the store's index, its reference scan and
  /// the engine's view of a command's own tickets agree on which tickets match. Values that
  /// CEL calls equal get the same form: a whole number is an `int` whether stored as `3` or
  /// `3.0`, and text is in Unicode normalization form C (an `é` typed as one scalar or as `e`
  /// plus an accent is the same customer).
  public static func canonicalKey(_ key: [JSONValue]) -> [JSONValue] { key.map(canonical) }

  private static func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: .int(Int64(d))
    case .string(let s): .string(normalized(s))
    case .array(let items): .array(items.map(canonical))
    case .object(let members):
      .object(Dictionary(members.map { (normalized($0.key), canonical($0.value)) }) { a, _ in a })
    default: value
    }
  }

  /// NFC (most keys are already in it, which `nfc` sees without Foundation).
  private static func normalized(_ s: String) -> String { s.nfc }

  /// The entry for `instance` under `lookup`, or nil when the ticket is of another workflow.
  public init?(_ instance: Instance, for lookup: LookupDefinition) {
    guard instance.workflow == lookup.workflow else { return nil }
    self.init(
      id: instance.id, workflow: instance.workflow, state: instance.state,
      status: instance.status, createdAt: instance.createdAt, updatedAt: instance.updatedAt,
      closedAt: instance.closedAt, key: lookup.keys.map { instance.field($0.name) })
  }
}

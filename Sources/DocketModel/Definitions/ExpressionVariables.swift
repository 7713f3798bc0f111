import CEL
import OrderedCollections

/// The variables every CEL expression of a workflow sees (contract §3), declared once so the
/// loader's type checking, the engine's evaluation and `docket eval` cannot drift apart.
public enum ExpressionVariables {
  /// The variables besides the fields; field names may not shadow them.
  public static let builtIns: OrderedDictionary<String, CELType> = [
    "now": .timestamp,
    "instance": .map(.string, .dyn),
    "actor": .map(.string, .dyn),
    "event": .string,
  ]

  /// Every field by its ``FieldType/celType``, then the built-ins.
  /// Inlinable so callers get it specialised: unspecialised, its first call looks up the
  /// sequence's iterator type at run time, a scan of the binary's conformance records.
  @inlinable
  public static func declarations(for fields: some Sequence<FieldDefinition>) -> [String: CELType] {
    var variables: [String: CELType] = [:]
    for field in fields { variables[field.name.rawValue] = field.type.celType }
    for (name, type) in builtIns { variables[name] = type }
    return variables
  }
}

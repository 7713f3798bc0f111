import DocketDiagnostics
import DocketModel

/// The names one workflow declares (states, roles, fields), collected before its transitions
/// are read so that every reference, even a forward one, is checked where it is written.
package struct WorkflowNames: Sendable {
  /// State ids in file order (suggestions prefer earlier ones).
  package var states: [String]
  package var roles: [String]
  package var fields: [String: FieldDefinition]
  /// Field names in file order.
  package var fieldOrder: [String]

  private let stateSet: Set<String>
  private let roleSet: Set<String>

  package init(
    states: [String] = [], roles: [String] = [], fields: [FieldDefinition] = []
  ) {
    self.states = states
    self.roles = roles
    self.stateSet = Set(states)
    self.roleSet = Set(roles)
    self.fields = Dictionary(fields.map { ($0.name.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    self.fieldOrder = fields.map(\.name.rawValue)
  }

  /// The state named here; reports `unknown_state` (with a suggestion) when there is none.
  package func state(_ name: Located<String>, into bag: inout DiagnosticBag) -> StateID {
    if !stateSet.contains(name.value) {
      bag.add(.unknownState(name.value, known: Self.candidates(states, bag), at: name.span))
    }
    return StateID(name.value)
  }

  /// The role named here; reports `unknown_role` when the workflow does not declare it.
  package func role(_ name: Located<String>, into bag: inout DiagnosticBag) -> RoleID {
    if !roleSet.contains(name.value) {
      bag.add(.unknownRole(name.value, known: Self.candidates(roles, bag), at: name.span))
    }
    return RoleID(name.value)
  }

  /// The field named here, or nil after reporting `unknown_field`.
  package func field(_ name: Located<String>, into bag: inout DiagnosticBag) -> FieldDefinition? {
    guard let field = fields[name.value] else {
      bag.add(.unknownField(name.value, known: Self.candidates(fieldOrder, bag), at: name.span))
      return nil
    }
    return field
  }

  /// Names to search for "did you mean": none once a file has produced hundreds of
  /// diagnostics, so a hostile file with thousands of bad references stays fast (only the
  /// first 100 are shown anyway).
  private static func candidates(_ names: [String], _ bag: DiagnosticBag) -> [String] {
    bag.diagnostics.count < 200 ? names : []
  }
}

extension WorkflowNames {
  /// The names of a loaded workflow, for checking references to it from rule files.
  package init(_ workflow: WorkflowDefinition) {
    self.init(
      states: workflow.states.keys.map(\.rawValue), roles: workflow.roles.keys.map(\.rawValue),
      fields: Array(workflow.fields.values))
  }
}

extension WorkflowDefinition {
  /// Every event some state handles, in file order, each once.
  package var eventNames: [String] {
    var seen = Set<EventName>()
    return states.values.flatMap(\.transitions.keys).filter { seen.insert($0).inserted }
      .map(\.rawValue)
  }
}

import DocketModel
import OrderedCollections

/// A workflow definition prepared once for interpreting: shared by reference and with the
/// lookups every step needs precomputed.
///
/// Passing a `WorkflowDefinition` (a large value) through every step would copy and retain
/// its parts again and again; advancing must run at hundreds of thousands of steps a second,
/// so each step gets this reference instead.
final class WorkflowRuntime: Sendable {
  let definition: WorkflowDefinition
  /// Each field's type by raw name: all the CEL activation needs to convert a field (a
  /// whole definition would be copied on every variable read).
  let fieldTypes: NameTable<String, FieldType>
  /// Field definitions by name, for input and `set`.
  let fieldTable: NameTable<FieldName, FieldDefinition>
  /// The workflow's roles, in file order.
  let roleList: [RoleID]
  /// Whether a ticket held by a person refuses that person's colleagues (`holder_only`).
  let holderOnly: Bool
  /// Everything a step needs to know about a state, found with one lookup.
  let stateTable: NameTable<StateID, StateRuntime>
  /// The workflow-level clocks, in file order.
  let workflowClocks: [ClockPlan]
  /// Every deadline by name (for its actions).
  let deadlinesByName: NameTable<DeadlineName, DeadlineDefinition>

  init(_ definition: WorkflowDefinition, calendars: [CalendarID: BusinessCalendar]) {
    self.definition = definition
    fieldTypes = NameTable(definition.fields.values, key: { $0.name.rawValue }, value: { $0.type })
    fieldTable = NameTable(definition.fields.values, key: { $0.name }, value: { $0 })
    roleList = Array(definition.roles.keys)
    holderOnly = definition.holderOnly
    stateTable = NameTable(
      definition.states.values, key: { $0.id }, value: { StateRuntime($0, calendars: calendars) })
    workflowClocks = definition.deadlines.map { ClockPlan($0, calendars: calendars) }
    deadlinesByName = NameTable(definition.allDeadlines, key: { $0.name }, value: { $0 })
  }

  var id: WorkflowID { definition.id }
  var fields: OrderedDictionary<FieldName, FieldDefinition> { definition.fields }
  var states: OrderedDictionary<StateID, StateDefinition> { definition.states }
  var roles: OrderedDictionary<RoleID, String> { definition.roles }
  var prefix: String { definition.prefix }
  var version: Int { definition.version }
  var digest: String { definition.digest }
  var initial: StateID { definition.initial }

  func isFinal(_ state: StateID) -> Bool { stateTable[state]?.isFinal == true }
  func deadline(named name: DeadlineName) -> DeadlineDefinition? { deadlinesByName[name] }
}

/// A transition shared by reference (see ``WorkflowRuntime``).
final class TransitionBox: Sendable {
  let transition: TransitionDefinition
  init(_ transition: TransitionDefinition) { self.transition = transition }
}

/// One state prepared for interpreting (see ``WorkflowRuntime``).
final class StateRuntime: Sendable {
  let id: StateID
  let isFinal: Bool
  let assignRole: RoleID?
  /// The state's own clock.
  let clock: ClockPlan?
  let transitions: NameTable<EventName, TransitionBox>

  init(_ state: StateDefinition, calendars: [CalendarID: BusinessCalendar]) {
    id = state.id
    isFinal = state.isFinal
    assignRole = state.assignRole
    clock = state.deadline.map { ClockPlan($0, calendars: calendars) }
    transitions = NameTable(state.transitions, key: { $0.key }, value: { TransitionBox($0.value) })
  }
}

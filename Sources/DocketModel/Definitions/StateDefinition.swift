import DocketDiagnostics
import OrderedCollections

/// One state of a workflow and the events it handles.
public struct StateDefinition: Sendable {
  public var id: StateID
  public var label: String?
  /// The role responsible while the ticket is here.
  public var assignRole: RoleID?
  /// A final state closes the ticket and handles no events.
  public var isFinal: Bool
  /// The state's own clock (`deadline:`), named after the state unless it has `name:`.
  public var deadline: DeadlineDefinition?
  /// Events handled here, in file order.
  public var transitions: OrderedDictionary<EventName, TransitionDefinition>
  public var span: SourceSpan?

  public init(
    id: StateID, label: String? = nil, assignRole: RoleID? = nil, isFinal: Bool = false,
    deadline: DeadlineDefinition? = nil,
    transitions: OrderedDictionary<EventName, TransitionDefinition> = [:], span: SourceSpan? = nil
  ) {
    self.id = id
    self.label = label
    self.assignRole = assignRole
    self.isFinal = isFinal
    self.deadline = deadline
    self.transitions = transitions
    self.span = span
  }

  /// The label if there is one, else the state's id.
  public var displayName: String { label ?? id.rawValue }
}

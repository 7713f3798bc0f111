import DocketModel

/// One event of a ticket's current state as `show` presents it: whether the actor may fire it
/// now, and if not, the refusal they would get.
public struct EventOption: Sendable {
  public var event: EventName
  public var label: String?
  /// The states it can lead to (several for branches), in file order.
  public var targets: [StateID]
  /// Nil when the actor may fire it now (as far as can be told without input).
  public var refusal: Refusal?
  /// Fields this step requires that are empty now: they must be given with the event.
  public var missingFields: [FieldName]
  /// Whether the step needs `--note`.
  public var needsNote: Bool

  public init(
    event: EventName, label: String? = nil, targets: [StateID], refusal: Refusal? = nil,
    missingFields: [FieldName] = [], needsNote: Bool = false
  ) {
    self.event = event
    self.label = label
    self.targets = targets
    self.refusal = refusal
    self.missingFields = missingFields
    self.needsNote = needsNote
  }

  public var isPermitted: Bool { refusal == nil }
}

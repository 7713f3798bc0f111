import DocketModel

/// One event of a ticket's current state, as `show` lists it: whether this actor may fire it
/// now, and if not, the refusal's code and sentence.
///
/// A report-side value so renderers do not depend on the engine's types.
public struct EventChoice: Sendable, Hashable {
  public var event: EventName
  /// Where it leads (several targets for a branching event).
  public var targets: [StateID]
  public var isAllowed: Bool
  public var refusalCode: String?
  public var refusalMessage: String?

  public init(
    event: EventName, targets: [StateID], isAllowed: Bool, refusalCode: String? = nil,
    refusalMessage: String? = nil
  ) {
    self.event = event
    self.targets = targets
    self.isAllowed = isAllowed
    self.refusalCode = refusalCode
    self.refusalMessage = refusalMessage
  }

  public var json: JSONValue {
    .object([
      "event": .string(event.rawValue), "to": .array(targets.map { .string($0.rawValue) }),
      "allowed": .bool(isAllowed),
      "refusal": refusalCode.map {
        .object(["code": .string($0), "message": .string(refusalMessage ?? "")])
      } ?? .null,
    ])
  }
}

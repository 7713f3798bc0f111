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
  /// For an allowed event, what it needs with it (`--set resolution=… --note …`).
  public var hint: String?

  public init(
    event: EventName, targets: [StateID], isAllowed: Bool, refusalCode: String? = nil,
    refusalMessage: String? = nil, hint: String? = nil
  ) {
    self.hint = hint
    self.event = event
    self.targets = targets
    self.isAllowed = isAllowed
    self.refusalCode = refusalCode
    self.refusalMessage = refusalMessage
  }

  public var json: JSONValue {
    .object([
      "event": .string(event.rawValue), "to": .array(targets.map { .string($0.rawValue) }),
      "allowed": .bool(isAllowed), "needs": hint.map { .string($0) } ?? .null,
      "refusal": refusalCode.map {
        .object(["code": .string($0), "message": .string(refusalMessage ?? "")])
      } ?? .null,
    ])
  }
}

import DocketModel

/// Everything one `new` or `advance` did, for output that tells what rules did: the ticket
/// the person acted on as written, the tickets rules started, and every rule that fired.
public struct CommandEffects: Sendable {
  /// The ticket created or advanced, as written.
  public var instance: Instance
  /// The advanced ticket as it was before the command (nil for a created one), read in the
  /// same transaction, so a command can show the move without reading the ticket again.
  public var before: Instance?
  /// Tickets rules started during the command, in the order they were created.
  public var started: [Instance]
  /// Every rule that fired, in firing order (skipped ones with their reason).
  public var firedRules: [RuleFiring]
  /// Every ticket the command wrote (the acted-on one included).
  public var changed: [Instance]
  public var outbox: [OutboxMessage]

  init(instance: Instance, changeset: Changeset, before: Instance? = nil) {
    self.instance = instance
    self.before = before
    started = changeset.instances.filter { $0.revision == 1 && $0.id != instance.id }
    firedRules = changeset.firedRules
    changed = changeset.instances
    outbox = changeset.outbox
  }
}

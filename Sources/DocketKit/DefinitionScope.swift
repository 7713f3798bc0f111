import DocketModel

/// Which definitions a command needs, so a session on a home already validated as a whole
/// can skip decoding workflows the command cannot touch (see ``ValidatedHomeRecord``).
public enum DefinitionScope: Sendable, Hashable {
  /// Every definition (the default; `validate`, `list`, `tick` and anything home-wide).
  case everything
  /// A command on one ticket: its workflow and whatever rules can reach from it.
  case ticket(InstanceID)
  /// A command on a workflow (`new`): it and whatever rules can reach from it.
  case workflow(WorkflowID)
}

import DocketModel

/// Which definitions a command needs, so a session on a home already validated as a whole
/// can skip decoding workflows the command cannot touch (see ``ValidatedHomeRecord``).
public enum DefinitionScope: Sendable, Hashable {
  /// Every definition, each file checked anew with its warnings (the default; `validate`).
  case everything
  /// Every workflow, for a home-wide command that needs no warnings (`list`, `tick`, the
  /// queue): read from the compiled home when an earlier command found these exact files
  /// valid, else loaded and checked as ``everything``.
  case allWorkflows
  /// A command on one ticket: its workflow and whatever rules can reach from it.
  case ticket(InstanceID)
  /// A command on a workflow (`new`): it and whatever rules can reach from it.
  case workflow(WorkflowID)
}

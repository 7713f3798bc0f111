import DocketDSL
import DocketDiagnostics
import DocketModel

/// Name checks for the parts of `expect:` that name roles, states, workflows and users
/// (assignee roles, children, history entries, outbox recipients), so a misspelt name is a
/// `file:line:col` error before anything runs instead of a check that can never pass.
extension FixtureDecoder {
  /// A role of `workflow` (or, when the ticket's workflow is unknown, of any workflow).
  func checkRole(_ name: Located<String>, workflow: WorkflowDefinition?) {
    let known = workflow.map { Array($0.roles.keys) } ?? home.workflows.values.flatMap(\.roles.keys)
    guard !known.contains(RoleID(name.value)) else { return }
    let message = workflow.map { "workflow '\($0.id)' has no role '\(name.value)'" }
      ?? "no workflow declares role '\(name.value)'"
    reader.bag.error(
      "unknown_role", message, at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: known.map(\.rawValue)))
  }

  /// A role of any workflow: outbox lines may come from any ticket a step touched.
  func checkAnyRole(_ name: Located<String>) {
    checkRole(name, workflow: nil)
  }

  /// A state of `workflow`; nothing to check when the workflow is unknown.
  func checkState(_ name: Located<String>, workflow: WorkflowDefinition?) {
    guard let workflow, workflow.states[StateID(name.value)] == nil else { return }
    reader.bag.error(
      "unknown_state", "workflow '\(workflow.id)' has no state '\(name.value)'", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: workflow.states.keys.map(\.rawValue)))
  }

  /// A workflow of the home, returned when known.
  func checkWorkflow(_ name: Located<String>) -> WorkflowDefinition? {
    if let workflow = home.workflows[WorkflowID(name.value)] { return workflow }
    reader.bag.error(
      "unknown_workflow", "the home has no workflow '\(name.value)'", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: home.workflows.keys.map(\.rawValue)))
    return nil
  }

  /// A user in `staff.yaml`, or `system`.
  func checkUser(_ name: Located<String>) {
    guard home.staff[UserID(name.value)] == nil, name.value != UserID.system.rawValue else { return }
    reader.bag.error(
      "unknown_user", "'\(name.value)' is not listed in staff.yaml", at: name.span,
      suggestion: Suggestion.closest(to: name.value, in: home.staff.members.keys.map(\.rawValue)))
  }
}

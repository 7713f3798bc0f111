import CEL
import DocketModel
import Foundation

/// What an expression on one ticket sees: the declared variable types to compile against and
/// the bound values, exactly as the engine evaluates a guard. For tools such as
/// `docket eval --id`, so trying an expression there gives the answer a guard would get.
public struct ExpressionScope {
  public let declarations: [String: CELType]
  public let activation: any CELActivation
}

extension Engine {
  /// The scope of a guard on `instance` fired by `actor` at `now` (no event bound).
  ///
  /// - Returns: the scope, or `unknown_user` / `unknown_workflow` when the actor or the
  ///   ticket's pinned definition is not known.
  public func expressionScope(for instance: Instance, actor: UserID, at now: Date)
    -> Result<ExpressionScope, Refusal>
  {
    let runtime: WorkflowRuntime
    switch definition(for: instance) {
    case .success(let r): runtime = r
    case .failure(let refusal): return .failure(refusal)
    }
    let resolved: Actor
    switch resolveActor(actor) {
    case .success(let a): resolved = a
    case .failure(let refusal): return .failure(refusal)
    }
    let context = EvaluationContext(
      instance: instance, definition: runtime, now: now, actor: resolved.id,
      actorRoles: resolved.roles, event: nil)
    return .success(
      ExpressionScope(
        declarations: ExpressionVariables.declarations(for: runtime.definition.fields.values),
        activation: context))
  }
}

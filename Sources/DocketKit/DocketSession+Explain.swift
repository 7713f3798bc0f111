import DocketEngine
import DocketModel
import DocketStore

extension DocketSession {
  /// What would happen if `actor` fired `event` on ticket `id` now, without changing anything.
  ///
  /// Runs in a read transaction (shared lock) and commits nothing: the engine's `advance` is
  /// run as a dry run on the store as it is, with the definition the ticket is pinned to, so
  /// the answer (rules included) is the one `advance` would give at this moment.
  ///
  /// - Throws: `unknown_id`, `unknown_user`, `unknown_event` (no state of the workflow handles
  ///   it) as refusals; storage trouble.
  public func explain(
    _ id: InstanceID, event: EventName, input: FieldInput, note: String?, actor: UserID
  ) throws(DocketError) -> Explanation {
    let now = clock.now()
    let result = try read { transaction throws(DocketError) in
      let instance = try existing(id, in: transaction)
      let engine = try engine(for: [instance], in: transaction)
      return engine.explain(
        id, event: event, input: input, note: note, actor: actor, at: now, reader: transaction)
    }
    switch result {
    case .success(let explanation): return explanation
    case .failure(let refusal): throw .refused(refusal)
    }
  }
}

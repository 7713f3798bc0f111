import DocketKit

extension DocketKitGateway {
  /// `docket explain`: the session's dry run. An event no state of the workflow handles is
  /// `unknown_event` with exit 2 here (a name that does not exist, like an unknown id),
  /// unlike `advance`, where it is the workflow's refusal (exit 1).
  func explain(
    _ id: InstanceID, event: EventName, fields: [FieldAssignment], note: String?, actor: UserID
  ) throws(CommandFailure) -> Explanation {
    do {
      return try session.explain(
        id, event: event, input: FieldInput(text: fields.map { ($0.name, $0.text) }), note: note,
        actor: actor)
    } catch {
      var failure = ErrorMapping.failure(error)
      if failure.code == "unknown_event" { failure.status = .usage }
      throw failure
    }
  }
}

import DocketModel

/// What a command produced: the text for people, the document for `--json`, and its status.
///
/// Commands describe both forms and never print; ``DocketMain`` chooses one, so `--json` works
/// the same way for every command. The document is built only when it is asked for: a text
/// run never needs it, and building a ticket's document cost `advance` 0.08 M instructions
/// (docs/performance.md §13).
struct CommandOutput {
  var text: String
  var status: ExitStatus = .success
  /// Lines for stderr even on success (warnings from `validate`), text mode only.
  var notes: String = ""
  private let document: () -> JSONValue

  /// The `--json` document.
  var json: JSONValue { document() }

  init(
    text: String, json: @autoclosure @escaping () -> JSONValue, status: ExitStatus = .success,
    notes: String = ""
  ) {
    self.text = text
    self.document = json
    self.status = status
    self.notes = notes
  }
}

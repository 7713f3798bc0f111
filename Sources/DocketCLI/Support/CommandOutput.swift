import DocketModel

/// What a command produced: the text for people, the document for `--json`, and its status.
///
/// Commands build both forms and never print; ``DocketMain`` chooses one, so `--json` works
/// the same way for every command.
struct CommandOutput: Sendable {
  var text: String
  var json: JSONValue
  var status: ExitStatus = .success
  /// Lines for stderr even on success (warnings from `validate`), text mode only.
  var notes: String = ""

  init(text: String, json: JSONValue, status: ExitStatus = .success, notes: String = "") {
    self.text = text
    self.json = json
    self.status = status
    self.notes = notes
  }
}

import DocketModel

/// A failure the command line reports: a contract error code, a sentence, an exit status,
/// and for invalid definitions the diagnostics to print as `file:line:col: error: …`.
///
/// Every error any layer throws is turned into one of these in exactly one place
/// (``ErrorMapping``), so text output, `--json` envelopes and exit statuses always agree.
struct CommandFailure: Error, Sendable {
  var code: String
  var message: String
  var status: ExitStatus
  /// Rendered diagnostics (with source context), for `invalid_definition`.
  var diagnostics: String?
  /// Extra members for the `--json` error object (e.g. the diagnostics as data).
  var details: [String: JSONValue] = [:]

  init(
    code: String, message: String, status: ExitStatus, diagnostics: String? = nil,
    details: [String: JSONValue] = [:]
  ) {
    self.code = code
    self.message = message
    self.status = status
    self.diagnostics = diagnostics
    self.details = details
  }

  static func usage(_ message: String) -> CommandFailure {
    CommandFailure(code: "usage", message: message, status: .usage)
  }

  static func unknownID(_ id: String) -> CommandFailure {
    CommandFailure(code: "unknown_id", message: "no ticket with id '\(id)'", status: .usage)
  }

  static func unknownUser(_ user: String, suggestion: String?) -> CommandFailure {
    let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    return CommandFailure(
      code: "unknown_user", message: "'\(user)' is not listed in staff.yaml\(hint)",
      status: .usage)
  }

  static func missingActor() -> CommandFailure {
    .usage("who is acting? pass --as USER or set DOCKET_USER")
  }
}

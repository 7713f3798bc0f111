import DocketDiagnostics
import DocketEngine
import DocketKit
import DocketModel
import Foundation

/// The one place where failures become output: text on stderr or the contract's
/// `{"error": {"code": …, "message": …}}` on stdout, always with the same exit status.
enum ErrorMapping {
  /// The `--json` error document. Invalid definitions add `diagnostics`: one object per
  /// problem with `file`, `line`, `column`, `severity`, `id` and `message`.
  static func envelope(_ failure: CommandFailure) -> JSONValue {
    var error: [String: JSONValue] = [
      "code": .string(failure.code), "message": .string(failure.message),
    ]
    for (key, value) in failure.details { error[key] = value }
    return .object(["error": .object(error)])
  }

  /// Text for stderr: the rendered diagnostics for invalid definitions (the contract's
  /// `file:line:col: error: …` lines with context), else `docket: <code>: <message>`.
  static func text(_ failure: CommandFailure) -> String {
    if let diagnostics = failure.diagnostics { return diagnostics }
    switch failure.status {
    case .refused: return "refused (\(failure.code)): \(failure.message)\n"
    default: return "error (\(failure.code)): \(failure.message)\n"
    }
  }

  /// Diagnostics as `--json` data.
  static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
    .array(
      diagnostics.map { d in
        var o: [String: JSONValue] = [
          "severity": .string(d.severity.rawValue), "id": .string(d.id),
          "message": .string(d.fullMessage),
        ]
        if let span = d.span {
          o["file"] = .string(span.file)
          o["line"] = .int(Int64(span.start.line))
          o["column"] = .int(Int64(span.start.column))
        }
        return .object(o)
      })
  }

  /// A failure for invalid definitions: exit 3, diagnostics rendered with source context.
  static func invalidDefinitions(_ bag: DiagnosticBag, sources: [String: SourceFile])
    -> CommandFailure
  {
    let rendered = DiagnosticRenderer(sources: sources).render(bag)
    let count = bag.errors.count
    return CommandFailure(
      code: "invalid_definition",
      message: "the home's definitions have \(count) error\(count == 1 ? "" : "s")",
      status: .invalidDefinitions,
      diagnostics: rendered + "\(count) error\(count == 1 ? "" : "s") found\n",
      details: ["diagnostics": json(bag.sorted)])
  }

  /// Anything else that escaped a command: reading or writing files failed.
  static func storage(_ error: any Error, path: String? = nil) -> CommandFailure {
    let place = path.map { "\($0): " } ?? ""
    return CommandFailure(
      code: "storage", message: "\(place)\(error.localizedDescription)", status: .storage)
  }

  /// A refusal by the engine: exit 1 for the workflow's own refusals, 2 for unknown ids,
  /// workflows and users, 4 when a ticket file could not be read.
  static func failure(_ refusal: Refusal) -> CommandFailure {
    let status: ExitStatus =
      refusal.isWorkflowRefusal ? .refused : refusal.code == "storage" ? .storage : .usage
    var details: [String: JSONValue] = [:]
    if let rule = refusal.rule { details["rule"] = .string(rule.rawValue) }
    if let cause = refusal.cause {
      details["cause"] = .object(["code": .string(cause.code), "message": .string(cause.message)])
    }
    return CommandFailure(code: refusal.code, message: refusal.message, status: status, details: details)
  }

  /// Any session error: each kind with its contract code and exit status.
  static func failure(_ error: DocketError) -> CommandFailure {
    switch error {
    case .invalidDefinitions(let bag, let sources):
      return invalidDefinitions(bag, sources: sources)
    case .refused(let refusal):
      return failure(refusal)
    case .storage, .conflict, .usage:
      let status = ExitStatus(rawValue: error.exitStatus) ?? .storage
      return CommandFailure(code: error.code, message: error.message, status: status)
    }
  }
}

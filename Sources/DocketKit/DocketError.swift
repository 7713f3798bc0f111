import DocketDiagnostics
import DocketEngine
import DocketModel
import DocketStore

/// Everything a session call can fail with, each with the contract's code and exit status
/// (contract §6), so the command line maps errors to output in one place.
public enum DocketError: Error, Sendable {
  /// The workflow said no (exit 1), or an id, workflow or user does not exist (exit 2).
  case refused(Refusal)
  /// The home's definitions have errors (exit 3): the diagnostics and the files to render
  /// them with (by display path).
  case invalidDefinitions(DiagnosticBag, [String: SourceFile])
  /// A file could not be read, parsed or written (exit 4); names the file.
  case storage(StoreError)
  /// Someone else changed the ticket first (exit 4).
  case conflict(StoreError)
  /// The request itself is wrong (exit 2): says what would be right.
  case usage(String)

  /// The contract's error code for `--json`.
  public var code: String {
    switch self {
    case .refused(let r): r.code
    case .invalidDefinitions: "invalid_definition"
    case .storage: "storage"
    case .conflict: "conflict"
    case .usage: "usage"
    }
  }

  /// 1 refused by the workflow, 2 bad usage or unknown id/workflow/user, 3 invalid
  /// definitions, 4 storage trouble or conflict.
  public var exitStatus: Int32 {
    switch self {
    case .refused(let r):
      if case .storage = r { return 4 }
      return r.isWorkflowRefusal ? 1 : 2
    case .invalidDefinitions: return 3
    case .storage, .conflict: return 4
    case .usage: return 2
    }
  }

  /// One sentence (or a few) in user terms.
  public var message: String {
    switch self {
    case .refused(let r): r.message
    case .invalidDefinitions(let bag, _):
      "the home's definitions have \(bag.errors.count) error\(bag.errors.count == 1 ? "" : "s")"
    case .storage(let e), .conflict(let e): e.description
    case .usage(let text): text
    }
  }

  /// A store error as the session reports it: conflicts apart from other trouble.
  static func store(_ error: StoreError) -> DocketError {
    error.kind == .conflict ? .conflict(error) : .storage(error)
  }

  /// A refusal, unwrapping storage trouble the engine met while reading tickets.
  static func refusal(_ refusal: Refusal) -> DocketError {
    if case .storage(_, let underlying) = refusal, let error = underlying as? StoreError {
      return store(error)
    }
    return .refused(refusal)
  }
}

extension DocketError: CustomStringConvertible {
  public var description: String { message }
}

/// The exit statuses of contract §6, and nothing else: scripts branch on these.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Done.
  case success = 0
  /// Refused by the workflow (not permitted, guard false, missing field, invalid value, no
  /// branch, unknown event, final state); also a failed `eval`.
  case refused = 1
  /// Bad usage, or an unknown id, workflow or user.
  case usage = 2
  /// Invalid definitions: `validate` (or any command loading the home) found errors.
  case invalidDefinitions = 3
  /// Storage trouble: a conflict, an unreadable or corrupt file, a failed write.
  case storage = 4

  /// ArgumentParser's own codes, mapped onto the contract: `EX_USAGE` (64) and any other
  /// parse failure become 2; success stays 0.
  static func fromArgumentParser(_ code: Int32) -> ExitStatus {
    code == 0 ? .success : .usage
  }
}

/// Storage trouble: a file that cannot be read, parsed or written, or a write that lost a race.
///
/// Always names the file, so a user can find it: `data/instances/complaint/CMP-000007.json:
/// invalid JSON at line 3, column 5: expected ',' or '}'`. Contract §6: exit status 4.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// The file exists but could not be read (permissions, I/O).
    case unreadable
    /// The file was read but is not a valid instance file.
    case corrupt
    /// A file could not be written, renamed, locked or synced.
    case writeFailed
    /// The ticket changed since it was read (its revision or file is not what was read), or
    /// a new ticket's file already exists.
    case conflict
  }

  public var kind: Kind
  /// The file, relative to the home when the store knows it (`data/instances/…`).
  public var path: String
  /// What is wrong, in user terms.
  public var reason: String

  public init(_ kind: Kind, path: String, reason: String) {
    self.kind = kind
    self.path = path
    self.reason = reason
  }

  /// The contract's error code: `conflict` or `storage`.
  public var code: String { kind == .conflict ? "conflict" : "storage" }

  public var description: String { "\(path): \(reason)" }
}

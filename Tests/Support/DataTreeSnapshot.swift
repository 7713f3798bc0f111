import Foundation

/// The bytes of every file under a folder, for "this command changed nothing" checks.
///
/// Compare two snapshots with `==`; ``differences(from:)`` names the files that differ, so a
/// failing test says which file a refusal touched. ``digest`` is a short FNV-1a hash of the
/// whole tree (paths and bytes) for messages and logs.
public struct DataTreeSnapshot: Equatable, Sendable {
  public let files: [String: Data]

  public init(of root: URL) {
    var files: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    if let walker = FileManager.default.enumerator(atPath: base) {
      while let relative = walker.nextObject() as? String {
        let full = base + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
          !isDirectory.boolValue, let bytes = FileManager.default.contents(atPath: full)
        else { continue }
        files[relative] = bytes
      }
    }
    self.files = files
  }

  /// Paths added, removed or changed between `other` and this snapshot, sorted.
  public func differences(from other: DataTreeSnapshot) -> [String] {
    Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
  }

  /// FNV-1a over the sorted paths and their bytes, in hex.
  public var digest: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ byte: UInt8) {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    for path in files.keys.sorted() {
      for b in path.utf8 { mix(b) }
      mix(0)
      for b in files[path] ?? Data() { mix(b) }
      mix(0)
    }
    return String(hash, radix: 16)
  }
}

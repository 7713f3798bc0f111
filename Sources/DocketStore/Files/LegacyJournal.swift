import DocketFiles

/// The journal folder the previous versions of `docket` wrote (`journal/<n>.put` staged
/// files and a `journal/commit` manifest), recovered once by their rules so that upgrading
/// never loses a commit they left interrupted: files without a manifest are a commit that
/// never happened and are deleted; a manifest is applied (its staged files renamed over
/// their targets, its appends redone after cutting each file back to its recorded size),
/// synced, and removed. Then the folder itself is removed, so that later commands find
/// nothing with one failed `access`.
struct LegacyJournal {
  let root: String
  private var folder: String { root + "/journal" }
  private var manifest: String { folder + "/commit" }

  /// Whether the folder exists at all (cheap: one `access`).
  var isPresent: Bool { FileSystem.exists(folder) }

  /// EBADMSG: the manifest is not one the previous versions wrote.
  static let damaged: Int32 = 74

  /// Finishes or rolls back what the folder holds, then removes it. Call only with the lock.
  func recover() throws(FileSystem.Failure) {
    guard isPresent else { return }
    if FileSystem.exists(manifest) { try apply() }
    for name in try FileSystem.list(folder) { try FileSystem.remove("\(folder)/\(name)") }
    try FileSystem.removeDirectory(folder)
    try FileSystem.syncDirectory(root)
  }

  private func apply() throws(FileSystem.Failure) {
    guard let (lines, data) = Self.parse(try FileSystem.read(manifest)) else {
      // A manifest was published by rename only once complete; anything else is not ours.
      throw FileSystem.Failure(errno: Self.damaged)
    }
    var touched = Set<String>()
    var appends: [(size: Int64, bytes: ArraySlice<UInt8>, target: String)] = []
    for line in lines {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if parts.count == 3, parts[0] == "put", JournalRecord.isSafe(parts[2]), JournalRecord.isSafe(parts[1]) {
        let staged = "\(folder)/\(parts[1])"
        let target = "\(root)/\(parts[2])"
        if FileSystem.exists(staged) {
          try FileSystem.makeDirectories(FileSystem.directoryName(target))
          try FileSystem.rename(staged, target)
        }
        touched.insert(FileSystem.directoryName(target))
      } else if parts.count == 5, parts[0] == "append", let size = Int64(parts[1]),
        let offset = Int(parts[2]), let count = Int(parts[3]), offset >= 0, count >= 0,
        offset + count <= data.count, JournalRecord.isSafe(parts[4])
      {
        let start = data.startIndex + offset
        appends.append((size, data[start..<start + count], "\(root)/\(parts[4])"))
      } else {
        throw FileSystem.Failure(errno: Self.damaged)
      }
    }
    var appended: [String] = []
    for a in appends {
      if let current = try FileSystem.size(a.target), current > a.size { try FileSystem.truncate(a.target, to: a.size) }
      try FileSystem.makeDirectories(FileSystem.directoryName(a.target))
      try FileSystem.append(a.target, Array(a.bytes), sync: false)
      appended.append(a.target)
      touched.insert(FileSystem.directoryName(a.target))
    }
    // Runs once per upgraded store at most: sync everything it wrote, file by file.
    for target in appended { try FileSystem.sync(target) }
    for dir in touched.sorted() { try FileSystem.syncDirectory(dir) }
    try FileSystem.remove(manifest)
  }

  /// The manifest's lines (between the header and `end`) and its data section.
  private static func parse(_ bytes: [UInt8]) -> ([String], ArraySlice<UInt8>)? {
    var lines: [String] = []
    var start = 0
    for i in bytes.indices where bytes[i] == 0x0A {
      let line = String(decoding: bytes[start..<i], as: UTF8.self)
      start = i + 1
      if lines.isEmpty, line != "docket-journal 1" { return nil }
      if line.hasPrefix("end\t") {
        guard let count = Int(line.dropFirst(4)), bytes.count - start == count else { return nil }
        return (Array(lines.dropFirst()), bytes[start...])
      }
      lines.append(line)
    }
    return nil
  }
}

/// A write-ahead journal that makes a commit of several files all or nothing, even when the
/// process is killed midway.
///
/// A commit first writes every new file's contents and every append into `journal/` and
/// syncs them; then it writes the manifest listing them and renames it to `journal/commit`
/// (the commit point); then it applies the manifest (renames the staged files over their
/// targets, performs the appends); then it removes the manifest. Whoever next takes the
/// store's lock calls ``recover()``: a journal without a manifest is rolled back (deleted),
/// one with a manifest is applied again. Applying is idempotent: a staged file that is gone
/// was already renamed, and an append first cuts its target back to the length recorded
/// before it.
package struct Journal {
  /// One step of a commit, so a test can simulate a crash before it.
  package enum Step: String, Sendable, CaseIterable {
    case stageFiles, writeManifest, publishManifest, applyRenames, applyAppends, removeManifest
  }

  /// A file to replace, and its new contents.
  package struct Put: Sendable {
    /// Relative to the store root.
    package var target: String
    package var bytes: [UInt8]
  }

  /// Bytes to add at the end of a file.
  package struct Append: Sendable {
    package var target: String
    package var bytes: [UInt8]
  }

  /// Up to this many staged files are synced one by one; more, and the whole file system is
  /// synced at once (far cheaper for a big `tick`).
  static let syncEachLimit = 8

  /// The store root (absolute).
  package let root: String
  private var folder: String { root + "/journal" }
  private var manifest: String { folder + "/commit" }

  package init(root: String) { self.root = root }

  /// Whether a commit was interrupted (cheap: one `access`).
  package var needsRecovery: Bool { FileSystem.exists(folder + "/commit") || hasLeftovers }

  private var hasLeftovers: Bool { !((try? FileSystem.list(folder)) ?? []).isEmpty }

  /// Commits `puts` and `appends` as one unit. `failBefore` lets tests stop at any step as
  /// if the process had been killed there (nothing is cleaned up).
  package func commit(
    puts: [Put], appends: [Append], failBefore: ((Step) throws(FileSystem.Failure) -> Void)? = nil
  ) throws(FileSystem.Failure) {
    let step = { (s: Step) throws(FileSystem.Failure) -> Void in if let f = failBefore { try f(s) } }
    try FileSystem.makeDirectories(folder)
    try step(.stageFiles)
    var lines = ["docket-journal 1"]
    var data: [UInt8] = []
    do {
      for (n, put) in puts.enumerated() {
        try FileSystem.makeDirectories(FileSystem.directoryName(root + "/" + put.target))
        try FileSystem.write("\(folder)/\(n).put", put.bytes, sync: false)
        lines.append("put\t\(n).put\t\(put.target)")
      }
      let staged = puts.indices.map { "\(folder)/\($0).put" }
      if staged.count > Self.syncEachLimit {
        try FileSystem.syncFileSystem(containing: folder, fallback: staged)
      } else {
        for path in staged { try FileSystem.sync(path) }
      }
      // Appended bytes travel inside the manifest: one file to sync instead of one each.
      for append in appends {
        try FileSystem.makeDirectories(FileSystem.directoryName(root + "/" + append.target))
        let size = try FileSystem.size(root + "/" + append.target) ?? 0
        lines.append("append\t\(size)\t\(data.count)\t\(append.bytes.count)\t\(append.target)")
        data += append.bytes
      }
      try step(.writeManifest)
      let text = lines.joined(separator: "\n") + "\nend\t\(data.count)\n"
      try FileSystem.write(folder + "/commit.tmp", Array(text.utf8) + data, sync: true)
      try step(.publishManifest)
      try FileSystem.rename(folder + "/commit.tmp", manifest)
      try FileSystem.syncDirectory(folder)
    } catch let failure where failure.errno != Self.simulatedCrash {
      // Before the commit point nothing is visible yet: roll back.
      rollBack()
      throw failure
    }
    // From here on the commit has happened; an error leaves the journal for recovery.
    try apply(step: step)
  }

  /// Finishes or rolls back an interrupted commit. Call only while holding the lock.
  package func recover() throws(FileSystem.Failure) {
    guard FileSystem.exists(manifest) else { return rollBack() }
    try apply(step: nil)
  }

  /// The errno a simulated crash uses, so it is never mistaken for a real failure.
  package static let simulatedCrash: Int32 = -424_242

  /// EBADMSG: the manifest is not one this code wrote.
  private static let damagedManifest: Int32 = 74

  private func apply(step: ((Step) throws(FileSystem.Failure) -> Void)?) throws(FileSystem.Failure) {
    let bytes = try FileSystem.read(manifest)
    guard let (lines, data) = Self.parse(bytes) else {
      // A manifest is published by rename only once complete; anything else is not ours.
      throw FileSystem.Failure(errno: Self.damagedManifest)
    }
    var renamed = Set<String>()
    var appends: [(size: Int64, bytes: ArraySlice<UInt8>, target: String)] = []
    try step?(.applyRenames)
    for line in lines {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if parts.count == 3, parts[0] == "put", Self.isSafe(parts[2]) {
        let staged = "\(folder)/\(parts[1])"
        let target = "\(root)/\(parts[2])"
        if FileSystem.exists(staged) {
          try FileSystem.makeDirectories(FileSystem.directoryName(target))
          try FileSystem.rename(staged, target)
        }
        renamed.insert(FileSystem.directoryName(target))
      } else if parts.count == 5, parts[0] == "append", let size = Int64(parts[1]),
        let offset = Int(parts[2]), let count = Int(parts[3]), offset >= 0, count >= 0,
        offset + count <= data.count, Self.isSafe(parts[4])
      {
        let start = data.startIndex + offset
        appends.append((size, data[start..<start + count], "\(root)/\(parts[4])"))
      } else {
        throw FileSystem.Failure(errno: Self.damagedManifest)
      }
    }
    for dir in renamed.sorted() { try FileSystem.syncDirectory(dir) }
    try step?(.applyAppends)
    // Appends are synced after all are written (the file system flushes them together), and
    // a file an append created has its folder synced too, or a power cut could lose the
    // name. Recovery cannot tell which files it created, so it syncs every folder.
    var appended: [String] = []
    var createdIn = Set<String>()
    for a in appends {
      if let current = try FileSystem.size(a.target) {
        if current > a.size { try FileSystem.truncate(a.target, to: a.size) }
        if step == nil { createdIn.insert(FileSystem.directoryName(a.target)) }
      } else {
        try FileSystem.makeDirectories(FileSystem.directoryName(a.target))
        createdIn.insert(FileSystem.directoryName(a.target))
      }
      try FileSystem.append(a.target, Array(a.bytes), sync: false)
      appended.append(a.target)
    }
    if appended.count > Self.syncEachLimit {
      try FileSystem.syncFileSystem(containing: root, fallback: appended)
    } else {
      for target in appended { try FileSystem.sync(target) }
    }
    for dir in createdIn.sorted() { try FileSystem.syncDirectory(dir) }
    try step?(.removeManifest)
    try FileSystem.remove(manifest)
    rollBack()
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

  /// Removes everything in the journal folder except a published manifest's absence.
  private func rollBack() {
    for name in (try? FileSystem.list(folder)) ?? [] {
      try? FileSystem.remove("\(folder)/\(name)")
    }
  }

  /// A manifest path must stay inside the store.
  private static func isSafe(_ path: String) -> Bool {
    !path.isEmpty && !path.hasPrefix("/")
      && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
  }
}

import DocketFiles

/// Writes a file so that a reader, or the next command after a crash, sees either the old
/// contents or the new, never a mix: a temporary file in the same folder, written and synced,
/// renamed over the target, then the folder synced so the rename itself is durable.
package enum AtomicFile {
  /// Replaces (or creates) the file at `path` with `bytes`.
  ///
  /// The temporary name starts with `.` and ends in `.tmp`, carrying the process id so that
  /// two writers never share one; a crash can leave one behind, which
  /// ``removeStaleTemporaries(in:)`` clears.
  package static func write(_ bytes: [UInt8], to path: String) throws(FileSystem.Failure) {
    let folder = FileSystem.directoryName(path)
    let name = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    let temporary = "\(folder)/.\(name).\(processID()).tmp"
    do {
      try FileSystem.write(temporary, bytes, sync: true)
      try FileSystem.rename(temporary, path)
    } catch {
      try? FileSystem.remove(temporary)
      throw error
    }
    try FileSystem.syncDirectory(folder)
  }

  /// Removes temporaries a crashed writer left in `folder`. Call only while holding the lock.
  package static func removeStaleTemporaries(in folder: String) {
    guard let names = try? FileSystem.list(folder) else { return }
    for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
      try? FileSystem.remove("\(folder)/\(name)")
    }
  }
}

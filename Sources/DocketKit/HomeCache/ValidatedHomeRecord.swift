import DocketDSL
import DocketFiles
import DocketModel
import DocketStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a full load of a home established, kept so the next command on an unchanged home can
/// load only the workflows it needs: that the definitions with this fingerprint have no
/// errors, which workflow each id prefix belongs to, which workflows each one reaches, and
/// which calendars those count in; and each definition file's digest with the stat it was read
/// under, so the next command needs to hash only files whose stat changed (as git's index).
///
/// Kept in `data/cache/validated-home` (only for homes whose store is the default `data/`),
/// a derived file: deleting it costs one full load. Written without `fsync`: a torn or stale
/// record fails to parse or to match and is simply rewritten. Contract §6 still holds: every
/// command validates the definitions, either by checking them or by finding a record that
/// says these exact files (same contents, same executable) were checked and had no errors.
struct ValidatedHomeRecord: Sendable, Equatable {
  /// ``DefinitionFingerprint/key`` of the home when it was validated.
  var key: String
  /// Id prefix -> workflow, for every workflow.
  var workflowsByPrefix: [String: WorkflowID]
  /// Workflow -> the workflows a command on it needs (itself included).
  var reach: [WorkflowID: Set<WorkflowID>]
  /// Workflow -> the calendars the deadlines of the workflows it reaches count in.
  var calendars: [WorkflowID: Set<String>]
  /// Every definition file's digest and the stat of the descriptor it was read from.
  var files: [String: DefinitionFingerprint.Entry] = [:]
  /// The kernel's file clock just before the files were read: a file changed after it has time
  /// stamps at least this (see ``vouches(for:as:)``).
  var since = FileStat.Time(seconds: 0, nanoseconds: 0)
  /// The record file's own modification time when it was read (not kept in it).
  var written: FileStat.Time?

  static let header = "docket validated home 3"
  static let relativePath = "data/cache/validated-home"

  init(_ fingerprint: DefinitionFingerprint, since: FileStat.Time, home: Home) {
    key = fingerprint.key
    files = fingerprint.files
    self.since = since
    workflowsByPrefix = Dictionary(
      home.workflows.values.map { ($0.prefix, $0.id) }, uniquingKeysWith: { a, _ in a })
    let reach = WorkflowReach.groups(in: home)
    self.reach = reach
    calendars = reach.mapValues { reached in
      Set(
        reached.flatMap { home.workflows[$0]?.allDeadlines.compactMap(\.calendar?.rawValue) ?? [] })
    }
  }

  init(
    key: String, workflowsByPrefix: [String: WorkflowID], reach: [WorkflowID: Set<WorkflowID>],
    calendars: [WorkflowID: Set<String>], files: [String: DefinitionFingerprint.Entry] = [:],
    since: FileStat.Time = FileStat.Time(seconds: 0, nanoseconds: 0)
  ) {
    self.key = key
    self.workflowsByPrefix = workflowsByPrefix
    self.reach = reach
    self.calendars = calendars
    self.files = files
    self.since = since
  }

  /// Whether a file whose stat is now `stat` is still the one this record kept as `kept`,
  /// without reading it: git's racy-clean rule. The stats must match exactly (device, inode,
  /// size, modification and change time; users cannot set the change time), and both time
  /// stamps must be strictly older than the moment the files were read (``since``) and than
  /// the record file itself: time stamps come from a coarse clock, so a file written in the
  /// same tick as it was read may have changed again unseen, and must be hashed.
  func vouches(for stat: FileStat, as kept: FileStat?) -> Bool {
    guard let kept, stat == kept, let written else { return false }
    var limit = min(since, written)
    // A record stamped in whole seconds lives on a file system with coarse time stamps (one
    // or two seconds): only files older than the second before count as settled.
    if written.nanoseconds == 0 { limit = FileStat.Time(seconds: limit.seconds - 1, nanoseconds: 0) }
    return kept.modified < limit && kept.changed < limit
  }

  /// This record with the stats of `fingerprint` (same key: every digest matched), read
  /// from `since`: after a command had to hash files whose stat alone changed (an edit
  /// undone, `touch`, or files just written), so later commands need not hash them again.
  func refreshed(_ fingerprint: DefinitionFingerprint, since: FileStat.Time) -> ValidatedHomeRecord {
    var copy = self
    copy.files = fingerprint.files
    copy.since = max(since, self.since)
    copy.written = nil
    return copy
  }

  /// The workflows a command in `scope` on the home at `root` needs (every calendar when
  /// `calendars` is nil), or nil when the record cannot say: the scope is everything (which
  /// checks every file anew), names a workflow or prefix it does not know, or the
  /// ticket's file is not where its prefix says (a ticket kept from before a prefix changed,
  /// or no such ticket: the store then searches every workflow's folder, so load them all).
  func part(for scope: DefinitionScope, home root: String) -> (
    workflows: Set<WorkflowID>, calendars: Set<String>?
  )? {
    let workflow: WorkflowID
    switch scope {
    case .everything:
      return nil
    case .allWorkflows:
      return (Set(workflowsByPrefix.values), nil)
    case .workflow(let w):
      workflow = w
    case .ticket(let id):
      guard id.isWellFormed, let prefix = id.prefix, let w = workflowsByPrefix[prefix],
        FileSystem.exists("\(root)/data/instances/\(w.rawValue)/\(id.rawValue).json")
      else { return nil }
      workflow = w
    }
    guard let reached = reach[workflow] else { return nil }
    return (reached, calendars[workflow] ?? [])
  }

  /// After the header, the key and `since SECONDS.NANOSECONDS`: one line per definition
  /// file, `file` and tab-separated digest, device, inode, size, modification and change
  /// time (`-` for each stat field when unknown) and path; then one line per workflow,
  /// `workflow ID PREFIX REACHED,… CALENDAR,…` (`-` for none).
  func encoded() -> [UInt8] {
    var text = Self.header + "\nkey " + key + "\nsince " + since.description + "\n"
    for (path, entry) in files.sorted(by: { $0.key < $1.key })
    where !path.contains("\n") && !path.contains("\t") {
      // A path that cannot be written on one line is left out: always hashed.
      text += "file\t" + entry.digest + "\t"
      if let st = entry.stat {
        text += String(st.device) + "\t" + String(st.inode) + "\t" + String(st.size) + "\t"
        text += st.modified.description + "\t" + st.changed.description + "\t"
      } else {
        text += "-\t-\t-\t-\t-\t"
      }
      text += path + "\n"
    }
    let prefixes = Dictionary(workflowsByPrefix.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    func list(_ names: some Sequence<String>) -> String {
      let sorted = names.sorted()
      return sorted.isEmpty ? "-" : sorted.joined(separator: ",")
    }
    for (id, reached) in reach.sorted(by: { $0.key < $1.key }) {
      text += "workflow \(id.rawValue) \(prefixes[id] ?? "-") \(list(reached.map(\.rawValue)))"
      text += " \(list(calendars[id] ?? []))\n"
    }
    return Array(text.utf8)
  }

  /// The record in `bytes`, or nil when it is not one (any damage means "no record").
  static func decode(_ bytes: [UInt8]) -> ValidatedHomeRecord? {
    // Split as bytes (the record is ASCII apart from names): splitting a String walks it by
    // grapheme clusters, several times the cost, on every command.
    func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard lines.count >= 4, text(lines[0]) == header, lines[1].starts(with: Array("key ".utf8)),
      lines[2].starts(with: Array("since ".utf8)),
      let since = time(lines[2].dropFirst("since ".utf8.count)),
      lines[lines.count - 1].isEmpty
    else { return nil }
    var prefixes: [String: WorkflowID] = [:]
    var reach: [WorkflowID: Set<WorkflowID>] = [:]
    var calendars: [WorkflowID: Set<String>] = [:]
    var files: [String: DefinitionFingerprint.Entry] = [:]
    func list(_ field: ArraySlice<UInt8>) -> [String] {
      field.elementsEqual([0x2D]) ? [] : field.split(separator: 0x2C).map(text)
    }
    for line in lines[3..<(lines.count - 1)] {
      if line.starts(with: Array("file\t".utf8)) {
        guard let (path, entry) = file(line) else { return nil }
        files[path] = entry
        continue
      }
      let parts = line.split(separator: 0x20)
      guard parts.count == 5, text(parts[0]) == "workflow" else { return nil }
      let id = WorkflowID(text(parts[1]))
      if !parts[2].elementsEqual([0x2D]) { prefixes[text(parts[2])] = id }
      reach[id] = Set(list(parts[3]).map { WorkflowID($0) })
      calendars[id] = Set(list(parts[4]))
    }
    return ValidatedHomeRecord(
      key: text(lines[1].dropFirst("key ".utf8.count)), workflowsByPrefix: prefixes, reach: reach,
      calendars: calendars, files: files, since: since)
  }

  /// One `file` line (see ``encoded()``), or nil when damaged. Numbers are read from the
  /// bytes directly: this runs for every definition file on every command.
  private static func file(_ line: ArraySlice<UInt8>) -> (String, DefinitionFingerprint.Entry)? {
    let parts = line.split(separator: 0x09, maxSplits: 7, omittingEmptySubsequences: false)
    guard parts.count == 8, !parts[1].isEmpty, !parts[7].isEmpty else { return nil }
    let digest = String(decoding: parts[1], as: UTF8.self)
    let path = String(decoding: parts[7], as: UTF8.self)
    if parts[2].elementsEqual([0x2D]) {
      return (path, DefinitionFingerprint.Entry(digest: digest, stat: nil))
    }
    guard let device = number(parts[2]), let inode = number(parts[3]), let size = number(parts[4]),
      let modified = time(parts[5]), let changed = time(parts[6])
    else { return nil }
    let stat = FileStat(
      device: UInt64(device), inode: UInt64(inode), size: Int64(size), modified: modified,
      changed: changed)
    return (path, DefinitionFingerprint.Entry(digest: digest, stat: stat))
  }

  /// A decimal number of at most 19 digits (no sign), or nil.
  private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
    guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
    var value: Int64 = 0
    for b in bytes {
      guard b >= 0x30, b <= 0x39 else { return nil }
      value = value * 10 + Int64(b - 0x30)
    }
    return value
  }

  /// `SECONDS.NANOSECONDS` as ``FileStat/Time/description`` writes it (seconds may be
  /// negative: a file stamped before 1970), or nil.
  private static func time(_ bytes: ArraySlice<UInt8>) -> FileStat.Time? {
    let negative = bytes.first == 0x2D
    guard let dot = bytes.firstIndex(of: 0x2E), bytes.endIndex - dot == 10,
      let seconds = number(bytes[(negative ? bytes.startIndex + 1 : bytes.startIndex)..<dot]),
      let nanoseconds = number(bytes[(dot + 1)...])
    else { return nil }
    return FileStat.Time(seconds: negative ? -seconds : seconds, nanoseconds: nanoseconds)
  }

  /// The record kept for the home at `root`, if any, with its file's modification time.
  static func read(home root: String) -> ValidatedHomeRecord? {
    guard let (bytes, stat) = FileStat.read(path: root + "/" + relativePath),
      var record = decode(bytes)
    else { return nil }
    record.written = stat.modified
    return record
  }

  /// Keeps this record for the home at `root`; best effort (a read-only home just stays
  /// uncached). Only where `data/` exists: the session writes it after a commit.
  func write(home root: String) {
    let data = root + "/data"
    guard FileSystem.exists(data) else { return }
    let folder = data + "/cache"
    let path = root + "/" + Self.relativePath
    let temporary = "\(folder)/.validated-home.\(getpid()).tmp"
    do {
      try FileSystem.makeDirectories(folder)
      try FileSystem.write(temporary, encoded(), sync: false)
      try FileSystem.rename(temporary, path)
    } catch {
      try? FileSystem.remove(temporary)
    }
  }
}

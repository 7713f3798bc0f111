import DocketDSL
import DocketFiles
import DocketModel
import DocketStore

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
  /// The identity of the executable that validated it (also inside ``key``), so a command
  /// that finds every file as the record kept it knows the key without hashing anything.
  var executable = ""
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

  static let header = "docket validated home 4"
  static let relativePath = "data/cache/validated-home"

  init(_ fingerprint: DefinitionFingerprint, since: FileStat.Time, home: Home) {
    key = fingerprint.key
    executable = fingerprint.executable
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

  /// The header line, then in ``BinaryWriter``'s form: the key, the executable's identity,
  /// `since`, every definition file (path, digest, stat if known) and every workflow (id,
  /// prefix, the workflows it reaches, their calendars), each list sorted.
  func encoded() -> [UInt8] {
    var w = BinaryWriter()
    for b in Self.header.utf8 { w.byte(b) }
    w.byte(0x0A)
    w.string(key)
    w.string(executable)
    w.time(since)
    w.list(files.sorted(by: { $0.key < $1.key })) { w, entry in
      w.string(entry.key)
      w.string(entry.value.digest)
      w.optional(entry.value.stat) { w, st in
        w.unsigned(st.device)
        w.unsigned(st.inode)
        w.int(st.size)
        w.time(st.modified)
        w.time(st.changed)
      }
    }
    let prefixes = Dictionary(workflowsByPrefix.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    w.list(reach.sorted(by: { $0.key < $1.key })) { w, entry in
      w.string(entry.key.rawValue)
      w.optionalString(prefixes[entry.key])
      w.strings(entry.value.map(\.rawValue).sorted())
      w.strings((calendars[entry.key] ?? []).sorted())
    }
    return w.bytes
  }

  /// The record in `bytes`, or nil when it is not one (any damage means "no record").
  static func decode(_ bytes: [UInt8]) -> ValidatedHomeRecord? {
    let head = Array(header.utf8) + [0x0A]
    guard bytes.starts(with: head) else { return nil }
    var r = BinaryReader(bytes, from: head.count)
    return try? decode(&r)
  }

  private static func decode(_ r: inout BinaryReader) throws(MalformedBytes) -> ValidatedHomeRecord {
    let key = try r.string()
    let executable = try r.string()
    let since = try r.time()
    var files: [String: DefinitionFingerprint.Entry] = [:]
    let fileCount = try r.count()
    files.reserveCapacity(fileCount)
    for _ in 0..<fileCount {
      let path = try r.string()
      let digest = try r.string()
      let stat = try r.optional { r throws(MalformedBytes) in
        FileStat(
          device: try r.unsigned(), inode: try r.unsigned(), size: try r.int64(),
          modified: try r.time(), changed: try r.time())
      }
      files[path] = DefinitionFingerprint.Entry(digest: digest, stat: stat)
    }
    var prefixes: [String: WorkflowID] = [:]
    var reach: [WorkflowID: Set<WorkflowID>] = [:]
    var calendars: [WorkflowID: Set<String>] = [:]
    let workflowCount = try r.count()
    reach.reserveCapacity(workflowCount)
    calendars.reserveCapacity(workflowCount)
    for _ in 0..<workflowCount {
      let id = WorkflowID(try r.string())
      if let prefix = try r.optionalString() { prefixes[prefix] = id }
      reach[id] = Set(try r.strings().map(WorkflowID.init(rawValue:)))
      calendars[id] = Set(try r.strings())
    }
    guard r.isAtEnd else { throw MalformedBytes() }
    var record = ValidatedHomeRecord(
      key: key, workflowsByPrefix: prefixes, reach: reach, calendars: calendars, files: files,
      since: since)
    record.executable = executable
    return record
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
    CacheFile.write(encoded(), named: "validated-home", home: root)
  }
}

extension BinaryWriter {
  fileprivate mutating func time(_ t: FileStat.Time) {
    int(t.seconds)
    natural(Int(t.nanoseconds))
  }
}

extension BinaryReader {
  fileprivate mutating func time() throws(MalformedBytes) -> FileStat.Time {
    let seconds = try int64()
    let nanoseconds = try natural()
    guard nanoseconds < 1_000_000_000 else { throw MalformedBytes() }
    return FileStat.Time(seconds: seconds, nanoseconds: Int64(nanoseconds))
  }
}

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
/// which calendars those count in.
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

  static let header = "docket validated home 2"
  static let relativePath = "data/cache/validated-home"

  init(key: String, home: Home) {
    self.key = key
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
    calendars: [WorkflowID: Set<String>]
  ) {
    self.key = key
    self.workflowsByPrefix = workflowsByPrefix
    self.reach = reach
    self.calendars = calendars
  }

  /// The workflows a command in `scope` on the home at `root` needs, or nil when the record
  /// cannot say: the scope is everything, names a workflow or prefix it does not know, or the
  /// ticket's file is not where its prefix says (a ticket kept from before a prefix changed,
  /// or no such ticket: the store then searches every workflow's folder, so load them all).
  func part(for scope: DefinitionScope, home root: String) -> (
    workflows: Set<WorkflowID>, calendars: Set<String>
  )? {
    let workflow: WorkflowID
    switch scope {
    case .everything:
      return nil
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

  /// One line per workflow, `workflow ID PREFIX REACHED,… CALENDAR,…` (`-` for none), after
  /// the header and the key.
  func encoded() -> [UInt8] {
    var text = Self.header + "\nkey " + key + "\n"
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
    guard lines.count >= 3, text(lines[0]) == header, lines[1].starts(with: Array("key ".utf8)),
      lines[lines.count - 1].isEmpty
    else { return nil }
    var prefixes: [String: WorkflowID] = [:]
    var reach: [WorkflowID: Set<WorkflowID>] = [:]
    var calendars: [WorkflowID: Set<String>] = [:]
    func list(_ field: ArraySlice<UInt8>) -> [String] {
      field.elementsEqual([0x2D]) ? [] : field.split(separator: 0x2C).map(text)
    }
    for line in lines[2..<(lines.count - 1)] {
      let parts = line.split(separator: 0x20)
      guard parts.count == 5, text(parts[0]) == "workflow" else { return nil }
      let id = WorkflowID(text(parts[1]))
      if !parts[2].elementsEqual([0x2D]) { prefixes[text(parts[2])] = id }
      reach[id] = Set(list(parts[3]).map { WorkflowID($0) })
      calendars[id] = Set(list(parts[4]))
    }
    return ValidatedHomeRecord(
      key: text(lines[1].dropFirst("key ".utf8.count)), workflowsByPrefix: prefixes, reach: reach,
      calendars: calendars)
  }

  /// The record kept for the home at `root`, if any.
  static func read(home root: String) -> ValidatedHomeRecord? {
    (try? FileSystem.read(root + "/" + relativePath)).flatMap(decode)
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

import DocketFiles
import DocketModel
import Foundation

/// The instance store on disk: `data/instances/<workflow>/<id>.json`, the truth, plus derived
/// files that can always be rebuilt from them (docs/storage.md describes the layout).
///
/// Every transaction holds `data/.lock` (`flock`): shared to read, exclusive to write. A
/// commit goes through the write-ahead ``Journal`` (one synced log append), so several files
/// land together or not at all; the next transaction finishes a commit that a crash or a
/// reboot left unapplied.
public final class FileInstanceStore: InstanceStore {
  /// The store folder (absolute path, no trailing slash).
  package let root: String
  /// How paths are shown in errors: `data` (the store folder relative to the home).
  package let displayRoot: String
  package let zone: Zone
  /// Where to look first for a ticket's file, by id prefix (`CMP` -> `complaint`).
  package let workflowsByPrefix: [String: WorkflowID]
  /// The short description kept in the index for listings.
  package let title: @Sendable (Instance) -> String?
  /// The lookups the store keeps an index for, by name, and by the workflow they look in.
  package let lookups: [String: LookupDefinition]
  package let lookupsByWorkflow: [WorkflowID: [LookupDefinition]]
  /// A write transaction rewrites an index log holding more than twice as many lines as
  /// live tickets plus this many (tests lower it).
  package var compactionSlack = 1024
  /// How many bucket files each lookup index spreads its keys over (tests lower it to make
  /// keys share buckets). Part of the index's signature: changing it rebuilds the index.
  package var lookupBucketCount = 1024
  /// A lookup bucket larger than this is checked for stale lines when a commit appends to it.
  package var lookupCompactionBytes: Int64 = 32 * 1024
  /// Tests set this to stop a commit before a step, as a crash would.
  package var failBefore: ((Journal.Step) throws(FileSystem.Failure) -> Void)?
  /// This boot of the machine, as the journal's marker records it (tests change it to
  /// simulate a reboot, or set nil as on a system without boot ids).
  package var bootID: String? = JournalMarker.currentBoot
  /// The journal's log is checkpointed once it passes this many bytes (tests lower it).
  package var checkpointLogBytes: Int64 = Journal.defaultCheckpointBytes

  /// - Parameters:
  ///   - directory: the store folder (`<home>/data`); created on the first write.
  ///   - displayRoot: the folder as errors name it.
  ///   - timeZone: times in files are written with this zone's offset.
  ///   - workflowsByPrefix: id prefix -> workflow, so a ticket's file is found directly.
  ///   - title: a short description of a ticket for `list` (kept in the index).
  ///   - lookups: the lookups rules may ask (`home.lookups`); each gets an index kept in
  ///     step with every commit. None costs nothing.
  public convenience init(
    directory: URL, displayRoot: String = "data", timeZone: TimeZone,
    workflowsByPrefix: [String: WorkflowID] = [:],
    title: @escaping @Sendable (Instance) -> String? = { _ in nil },
    lookups: [LookupDefinition] = []
  ) {
    var path = directory.path
    if !StandardPath.isStandardAbsolute(path) { path = directory.standardizedFileURL.path }
    self.init(
      path: path, displayRoot: displayRoot, zone: Zone(timeZone),
      workflowsByPrefix: workflowsByPrefix, title: title, lookups: lookups)
  }

  /// As ``init(directory:displayRoot:timeZone:workflowsByPrefix:title:lookups:)``, with the
  /// store folder as an absolute, standardized path (no `.` or `..` components): a caller
  /// that has one spares the URL machinery's first use (docs/performance.md §14).
  public init(
    path: String, displayRoot: String = "data", zone: Zone,
    workflowsByPrefix: [String: WorkflowID] = [:],
    title: @escaping @Sendable (Instance) -> String? = { _ in nil },
    lookups: [LookupDefinition] = []
  ) {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    root = path
    self.displayRoot = displayRoot
    self.zone = zone
    self.workflowsByPrefix = workflowsByPrefix
    self.title = title
    var byName: [String: LookupDefinition] = [:]
    for lookup in lookups { byName[lookup.name] = lookup }
    self.lookups = byName
    lookupsByWorkflow =
      byName.isEmpty ? [:] : Dictionary(grouping: byName.values.sorted { $0.name < $1.name }, by: { $0.workflow })
  }

  public func beginRead() throws(StoreError) -> any StoreTransaction {
    try FileStoreTransaction(store: self, mode: .shared)
  }

  public func beginWrite() throws(StoreError) -> any StoreTransaction {
    try FileStoreTransaction(store: self, mode: .exclusive)
  }

  public func rebuildIndex() throws(StoreError) -> [StoreError] {
    let transaction = try FileStoreTransaction(store: self, mode: .exclusive)
    defer { transaction.end() }
    var lookupBuilder = LookupBuilder(
      lookups: lookups.values.sorted { $0.name < $1.name }, bucketCount: lookupBucketCount)
    let problems = try transaction.index.rebuild { lookupBuilder.add($0) }
    try transaction.lookupIndex.replaceAll(with: lookupBuilder)
    return problems
  }

  // MARK: - Paths

  package var lockPath: String { root + "/.lock" }
  package var instancesFolder: String { root + "/instances" }

  /// `instances/<workflow>/<id>.json`, relative to the root.
  package func relativePath(of id: InstanceID, in workflow: WorkflowID) -> String {
    "instances/\(workflow.rawValue)/\(id.rawValue).json"
  }

  /// `definitions/<workflow>/<digest>.yaml` with the digest's `:` written as `-`.
  package func relativePinPath(workflow: WorkflowID, digest: String) -> String? {
    guard Self.isSafeName(workflow.rawValue) else { return nil }
    let name = String(
      digest.unicodeScalars.map { s -> Character in
        (s.properties.isASCIIHexDigit || ("a"..."z").contains(s) || ("A"..."Z").contains(s)
          || s == "-" || s == "_") ? Character(s) : "-"
      })
    guard !name.isEmpty else { return nil }
    return "definitions/\(workflow.rawValue)/\(name).yaml"
  }

  package func display(_ relative: String) -> String {
    displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
  }

  /// Whether a workflow id can name a folder: no separators, no dot names, no control bytes.
  package static func isSafeName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 128 && name != "." && name != ".." && !name.hasPrefix(".")
      && !name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
  }
}

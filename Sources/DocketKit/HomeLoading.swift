import DocketDSL
import DocketDiagnostics
import DocketFiles
import DocketModel
import DocketStore
import Foundation

/// Loading definitions for a session: the home at open, kept older workflow versions later.
///
/// The only place DocketKit meets the loader (DocketDSL), so the session's contract (every
/// command validates first; errors carry their sources) is kept in one spot.
enum HomeLoading {
  struct Loaded {
    var home: Home
    /// Warnings only: a home with errors does not load. Empty when only part of the home
    /// was loaded (warnings are for `validate`, which loads everything).
    var warnings: DiagnosticBag
    var sources: [String: SourceFile]
    /// A record of this full, clean load, for the session to keep once it has written to
    /// the store (never before: a refused or read-only command changes no file).
    var record: ValidatedHomeRecord? = nil
    /// Whether only part of the home was loaded (some workflows and calendars left out).
    var isPartial = false
    /// The definition files read and hashed for the record's key (the others' stats showed
    /// them unchanged), in path order.
    var hashed: [String] = []
    /// Whether ``home`` is a full, clean load to keep compiled with ``record`` (see
    /// ``CompiledHomeFile``), so later commands read it back instead of the YAML.
    var compiles = false
  }

  /// Loads and checks the definitions of the home at `url` that a command in `scope` needs.
  ///
  /// With a narrower scope than everything, and a ``ValidatedHomeRecord`` whose fingerprint
  /// matches the files as they are now, the workflows the scope reaches (with settings,
  /// staff, calendars and rules) are read back from the ``CompiledHome`` kept with the
  /// record: no YAML is parsed and no definition file is even read, unless its stat changed
  /// (then it is hashed; see ``DefinitionFingerprint/make(_:record:)``). These exact files
  /// were checked by an earlier command. Otherwise everything is loaded and checked, and the
  /// result carries a record (and the home to compile) for the session to keep.
  ///
  /// - Throws: ``DocketError/invalidDefinitions(_:_:)`` with every diagnostic when any is an
  ///   error; ``DocketError/usage(_:)`` when `url` is not a home folder.
  ///
  /// - Parameter root: `url.path` (the session has it, and asking the URL again costs).
  static func load(_ url: URL, root: String, scope: DefinitionScope = .everything)
    throws(DocketError) -> Loaded
  {
    var files = try list(url, root: root)
    guard scope != .everything else {
      files.readAll()
      return try loadAll(files)
    }
    // Before any file is read: a file changed from now on is stamped at least this.
    let since = FileStat.Time.now()
    let record = ValidatedHomeRecord.read(home: root)
    var hashed: [String] = []
    if let record, let needed = record.part(for: scope, home: root) {
      let subset = HomeSubset(workflows: Set(needed.workflows.map(\.rawValue)), calendars: needed.calendars)
      // No definition file is read unless its stat changed since the record.
      let fingerprint = DefinitionFingerprint.make(&files, record: record)
      hashed = fingerprint.hashed
      if !fingerprint.key.isEmpty, fingerprint.key == record.key,
        let bytes = CompiledHomeFile.read(home: root),
        let home = CompiledHome.decode(bytes, key: fingerprint.key, only: subset),
        home.workflows.count == needed.workflows.count
      {
        return Loaded(
          home: home, warnings: DiagnosticBag(), sources: [:],
          record: hashed.isEmpty ? nil : record.refreshed(fingerprint, since: since),
          isPartial: scope != .allWorkflows, hashed: hashed)
      }
      // A changed file, or a compiled home missing or damaged: a full load, whose record and
      // compiled home the session keeps after its commit.
    }
    files.readAll()
    let fingerprint = DefinitionFingerprint.make(&files, record: record)
    var loaded = try loadAll(files)
    loaded.hashed = hashed + fingerprint.hashed
    if !fingerprint.key.isEmpty, loaded.home.settings.storePath == "data",
      fingerprint.covers(loaded.sources)
    {
      loaded.record = ValidatedHomeRecord(fingerprint, since: since, home: loaded.home)
      loaded.compiles = true
    }
    return loaded
  }

  /// The definition files of the home at `url`, listed; each is read at most once, for the
  /// fingerprint and the loader alike.
  private static func list(_ url: URL, root: String) throws(DocketError) -> HomeFiles {
    do {
      return try HomeFiles.list(home: url, path: root)
    } catch {
      throw .usage("\(error); give the home with --home DIR or $DOCKET_HOME")
    }
  }

  /// Loads and checks every definition in `files`.
  private static func loadAll(_ files: HomeFiles) throws(DocketError) -> Loaded {
    let loaded = HomeLoader.load(files)
    guard !loaded.hasErrors else { throw .invalidDefinitions(loaded.diagnostics, loaded.sources) }
    return Loaded(home: loaded.home, warnings: loaded.diagnostics, sources: loaded.sources)
  }

  /// The calendar `calendars/<id>.yaml` of the home at `root`, for an older workflow version
  /// a partly loaded session meets; nil when it is missing or has errors (as a full load
  /// would leave it out).
  static func calendar(_ id: CalendarID, home root: String) -> BusinessCalendar? {
    let name = id.rawValue
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."),
      let bytes = try? FileSystem.read("\(root)/calendars/\(name).yaml")
    else { return nil }
    let decoded = CalendarDecoder.decode(
      text: String(decoding: bytes, as: UTF8.self), path: "calendars/\(name).yaml")
    guard let calendar = decoded.calendar, !decoded.diagnostics.hasErrors else { return nil }
    return calendar
  }

  /// Decodes a kept copy of an older workflow version, or nil when it no longer decodes
  /// cleanly (the ticket then runs on the current definition and `validate` says so).
  static func pinnedDefinition(text: String, workflow: WorkflowID) -> WorkflowDefinition? {
    // Shown under the path the text had when it was the current workflow file.
    let decoded = HomeLoader.decodeWorkflow(text: text, path: "workflows/\(workflow).yaml")
    guard let definition = decoded.definition, !decoded.diagnostics.hasErrors else { return nil }
    return definition
  }
}

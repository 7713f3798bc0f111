import DocketDiagnostics
import DocketModel
import Foundation
import OrderedCollections

/// Everything loading a home produced: the definitions, every problem found, and the source
/// texts to render those problems with context lines.
public struct LoadedHome: Sendable {
  /// The definitions; run them only when ``diagnostics`` has no errors.
  public var home: Home
  public var diagnostics: DiagnosticBag
  /// Source files by display path (relative to the home), for ``DiagnosticRenderer``.
  public var sources: [String: SourceFile]

  public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The workflows and calendars of a home one command needs, by file stem: a command on one
/// ticket loads its workflow and whatever rules can reach from it, not every workflow of the
/// home. Settings, staff and rules are always loaded.
///
/// Loading a subset checks only what the subset holds, so it is for homes already known to
/// be valid as a whole (DocketKit's validated-home record); `docket validate` loads everything.
public struct HomeSubset: Sendable, Hashable {
  /// Workflow file stems (`complaint` for `workflows/complaint.yaml`).
  public var workflows: Set<String>
  /// Calendar file stems; nil loads every calendar.
  public var calendars: Set<String>?

  public init(workflows: Set<String>, calendars: Set<String>? = nil) {
    self.workflows = workflows
    self.calendars = calendars
  }

  /// Whether loading this subset decodes the file at `path` (home-relative, as in
  /// ``HomeFiles/files``): settings, staff and rules always, workflows and calendars when named.
  package func decodes(_ path: String) -> Bool {
    func stem(after folder: String) -> String? {
      guard path.hasPrefix(folder), path.hasSuffix(".yaml") else { return nil }
      return String(path.dropFirst(folder.count).dropLast(".yaml".count))
    }
    if let workflow = stem(after: "workflows/") { return workflows.contains(workflow) }
    if let calendar = stem(after: "calendars/") { return calendars?.contains(calendar) ?? true }
    return true
  }
}

/// Why a home could not be read at all (as opposed to definitions with problems).
public enum HomeLoadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The home folder does not exist or is not a folder.
  case notAFolder(path: String)

  public var description: String {
    switch self {
    case .notAFolder(let path): "home '\(path)' is not a folder"
    }
  }
}

/// Finds and loads a home's definition files (contract §1) into a checked ``Home``.
///
/// Reads, in this order: `docket.yaml` (optional), `staff.yaml`, `calendars/*.yaml` (optional),
/// `workflows/*.yaml`, then `rules/*.yaml` (not `rules/fixtures/`, which `docket test` reads),
/// each folder sorted by name. Problems never stop loading: all of them are collected, with
/// paths relative to the home (`workflows/complaint.yaml`).
public enum HomeLoader {
  /// Loads every definition of the home at `url`.
  ///
  /// - Throws: ``HomeLoadError`` only when `url` is not a folder; problems in files are
  ///   diagnostics in the result.
  ///
  /// - Parameter subset: only these workflow and calendar files (all when nil); see
  ///   ``HomeSubset``.
  public static func load(home url: URL, only subset: HomeSubset? = nil) throws(HomeLoadError)
    -> LoadedHome
  {
    load(try HomeFiles.read(home: url), only: subset)
  }

  /// Loads the definitions in `files` (read once by the caller, who may also fingerprint
  /// them): exactly these bytes are decoded and checked, nothing is read again.
  public static func load(_ files: HomeFiles, only subset: HomeSubset? = nil) -> LoadedHome {
    var loading = Loading(files: files)
    loading.subset = subset
    let settings = loading.settings()
    let staff = loading.staff()
    let calendars = CalendarDecoder.loadCalendars(
      files, only: subset?.calendars, into: &loading.bag, sources: &loading.sources)
    let workflows = loading.workflows()
    CalendarDecoder.checkReferences(
      workflows.flatMap(\.calendarReferences), stems: calendars.stems, into: &loading.bag)
    HomeChecks.check(
      workflows: workflows, staff: staff.staff,
      staffRoles: loading.unloadedWorkflows ? [] : staff.roles, into: &loading.bag)
    var byID: OrderedDictionary<WorkflowID, WorkflowDefinition> = [:]
    for decoded in workflows.sorted(by: { $0.definition.id < $1.definition.id })
    where byID[decoded.definition.id] == nil {
      byID[decoded.definition.id] = decoded.definition
    }
    let (rules, lookups) = loading.rules(workflows: byID)
    UnfireableEventCheck.check(
      workflows: workflows, staff: staff.staff, rules: rules, into: &loading.bag)
    return LoadedHome(
      home: Home(
        settings: settings, staff: staff.staff, workflows: byID, calendars: calendars.calendars,
        rules: rules, lookups: lookups),
      diagnostics: loading.bag, sources: loading.sources)
  }

  /// Decodes one workflow from its text, as the store keeps older definition versions.
  ///
  /// - Parameters:
  ///   - path: the display path; its stem must equal the workflow id.
  ///   - digest: the digest the definition was pinned under; by default that of `text`'s
  ///     UTF-8 bytes (which equals the file's unless the file began with a byte-order mark).
  public static func decodeWorkflow(text: String, path: String, digest: String? = nil) -> (
    definition: WorkflowDefinition?, diagnostics: DiagnosticBag, source: SourceFile
  ) {
    let source = SourceFile(path: path, text: text)
    let reader = NodeReader(file: source)
    let decoded = decodeWorkflow(
      source, text: text, digest: digest ?? SHA256.digest(Array(text.utf8)), reader: reader)
    return (decoded?.definition, reader.bag, source)
  }

  static func decodeWorkflow(
    _ source: SourceFile, text: String, digest: String, reader: NodeReader
  ) -> DecodedWorkflow? {
    let errorsBefore = reader.bag.errors.count
    let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
    // A file YAML refused (syntax, limits) has nothing more worth reporting.
    if root == nil, reader.bag.errors.count > errorsBefore { return nil }
    let stem = ((source.path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard
      let decoded = WorkflowDecoder(reader: reader, stem: stem).decode(
        root, digest: digest, sourceText: text)
    else { return nil }
    StateGraphChecks.check(decoded, into: &reader.bag)
    return decoded
  }
}

/// One load in progress: the home's root, the diagnostics and sources gathered so far.
private struct Loading {
  let files: HomeFiles
  var bag = DiagnosticBag()
  var sources: [String: SourceFile] = [:]
  /// Whether some workflow file could not be decoded at all; its roles are then unknown, so
  /// "no workflow declares this staff role" would be noise.
  var unloadedWorkflows = false
  /// Stems of workflow files that could not be decoded (or were left out of a subset), so
  /// rules naming them are not also told the workflow does not exist.
  var unloadedStems = Set<String>()
  /// Only these files, when a command needs part of a home (see ``HomeSubset``).
  var subset: HomeSubset?

  init(files: HomeFiles) {
    self.files = files
  }

  mutating func settings() -> Settings {
    guard let (source, text, _) = read("docket.yaml", optional: true) else { return Settings() }
    let reader = NodeReader(file: source)
    let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
    let settings = SettingsDecoder(reader: reader).decode(root)
    bag.add(contentsOf: reader.bag.diagnostics)
    return settings
  }

  mutating func staff() -> (staff: Staff, roles: [Located<String>]) {
    guard let (source, text, _) = read("staff.yaml", optional: false) else { return (Staff(), []) }
    let reader = NodeReader(file: source)
    let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
    let decoder = StaffDecoder(reader: reader)
    let staff = decoder.decode(root)
    bag.add(contentsOf: reader.bag.diagnostics)
    return (staff, decoder.roleReferences(root))
  }

  mutating func workflows() -> [DecodedWorkflow] {
    let names = files.names(in: "workflows")
    if names.isEmpty {
      bag.add(.noWorkflows())
      return []
    }
    var out: [DecodedWorkflow] = []
    for name in names {
      let stem = (name as NSString).deletingPathExtension
      if let subset, !subset.workflows.contains(stem) {
        unloadedWorkflows = true
        unloadedStems.insert(stem)
        continue
      }
      guard let (source, text, file) = read("workflows/" + name, optional: false) else {
        unloadedWorkflows = true
        unloadedStems.insert(stem)
        continue
      }
      let reader = NodeReader(file: source)
      if let decoded = HomeLoader.decodeWorkflow(
        source, text: text, digest: file.digest ?? SHA256.digest(file.bytes ?? []), reader: reader)
      {
        out.append(decoded)
      } else {
        unloadedWorkflows = true
        unloadedStems.insert(stem)
      }
      bag.add(contentsOf: reader.bag.diagnostics)
    }
    return out
  }

  /// Every `rules/*.yaml` in file-name order (the order rules run in); the folder is optional.
  mutating func rules(workflows: OrderedDictionary<WorkflowID, WorkflowDefinition>) -> (
    [RuleDefinition], OrderedDictionary<String, LookupDefinition>
  ) {
    var files: [RuleSetDecoder.File] = []
    for name in self.files.names(in: "rules") {
      guard let (source, text, _) = read("rules/" + name, optional: false) else { continue }
      let reader = NodeReader(file: source)
      let errorsBefore = reader.bag.errors.count
      let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
      // A file YAML refused (syntax, limits) has nothing more worth reporting.
      if root == nil, reader.bag.errors.count > errorsBefore {
        bag.add(contentsOf: reader.bag.diagnostics)
        continue
      }
      files.append(RuleSetDecoder.File(reader: reader, root: root))
    }
    let decoder = RuleSetDecoder(workflows: workflows, unavailable: unloadedStems)
    return decoder.decode(files, into: &bag)
  }

  /// Reads and decodes a file; records its source for rendering. Nil when it is absent
  /// (reported unless optional) or unreadable (reported).
  private mutating func read(_ path: String, optional: Bool) -> (SourceFile, String, HomeFiles.File)? {
    guard let file = files.files[path] else {
      if !optional { bag.add(.missingFile(path)) }
      return nil
    }
    guard let bytes = file.bytes else {
      bag.add(.unreadableFile(path))
      return nil
    }
    guard let text = SourceText.decode(bytes, path: path, into: &bag) else {
      if bytes.count <= YAMLLimits.default.maxBytes {
        // Shown with U+FFFD for the bad bytes, so the context line still points at them.
        sources[path] = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
      }
      return nil
    }
    let source = SourceFile(path: path, text: text)
    sources[path] = source
    return (source, text, file)
  }
}

extension Diagnostic {
  static func missingFile(_ path: String) -> Diagnostic {
    .error("missing_file", "\(path) is missing", at: nil, help: "see docs/dsl.md for its keys")
  }

  static func unreadableFile(_ path: String) -> Diagnostic {
    .error("unreadable_file", "\(path) cannot be read", at: nil)
  }

  static func noWorkflows() -> Diagnostic {
    .error(
      "missing_file", "workflows/ holds no workflow files (*.yaml)", at: nil,
      help: "a home needs at least one workflow, one per file in workflows/")
  }
}

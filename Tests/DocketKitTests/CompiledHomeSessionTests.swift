import DocketDSL
import DocketTestSupport
import Foundation
import Testing

@testable import DocketKit

/// After its first commit a home is kept compiled beside the validated-home record; commands
/// on one ticket then read it instead of any YAML, and a missing or damaged one costs one
/// full load that writes it again.
@Suite("The compiled home in sessions")
struct CompiledHomeSessionTests {
  typealias Home = BundledHomeTests
  typealias Validated = ValidatedHomeTests

  static func compiledPath(_ home: URL) -> URL {
    home.appendingPathComponent(CompiledHomeFile.relativePath)
  }

  @Test func aCommandOnATicketReadsNoDefinitionFile() throws {
    let (home, id) = try Validated.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    #expect(FileManager.default.fileExists(atPath: Self.compiledPath(home).path))
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    // The loader keeps the source of every YAML file it decodes; here it decoded none.
    // (Files written in the same clock tick as the record are still hashed, not decoded.)
    #expect(session.sources.isEmpty)
    #expect(session.home.workflows["complaint"] != nil)
    let advanced = try session.advance(id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(advanced.state == "handling")
  }

  @Test(arguments: ["missing", "damaged", "truncated"])
  func aBrokenCompiledHomeMeansOneFullLoadThatWritesItAgain(_ damage: String) throws {
    let (home, id) = try Validated.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let path = Self.compiledPath(home)
    let good = try Data(contentsOf: path)
    switch damage {
    case "missing": try FileManager.default.removeItem(at: path)
    case "damaged":
      var bytes = [UInt8](good)
      for i in stride(from: 40, to: bytes.count, by: 97) { bytes[i] ^= 0x5a }
      try Data(bytes).write(to: path)
    default: try good.prefix(good.count / 2).write(to: path)
    }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(session.home.workflows.count > 1)
    #expect(!session.sources.isEmpty)
    _ = try session.advance(id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(try Data(contentsOf: path) == good)
    let next = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(next.sources.isEmpty)
  }

  @Test func anEditedWorkflowIsLoadedFromItsYAMLAndCompiledAgain() throws {
    let (home, id) = try Validated.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let before = try Data(contentsOf: Self.compiledPath(home))
    try Validated.edit(home, "workflows/complaint.yaml") {
      $0.replacingOccurrences(of: "label: 处理中", with: "label: 办理中中")
    }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(session.home.workflows["complaint"]?.states["handling"]?.label == "办理中中")
    _ = try session.advance(id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(try Data(contentsOf: Self.compiledPath(home)) != before)
    let next = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(next.sources.isEmpty)
    #expect(next.home.workflows["complaint"]?.states["handling"]?.label == "办理中中")
  }

  @Test func homeWideCommandsReadTheWholeCompiledHomeButValidateChecksTheFiles() throws {
    let (home, _) = try Validated.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let all = try DocketSession.open(home: home, clock: Home.now, scope: .allWorkflows)
    let checked = try DocketSession.open(home: home, clock: Home.now, scope: .everything)
    #expect(all.sources.isEmpty)
    #expect(!checked.sources.isEmpty)
    #expect(Array(all.home.workflows.keys) == Array(checked.home.workflows.keys))
    #expect(all.home.calendars.keys.sorted() == checked.home.calendars.keys.sorted())
    #expect(all.home.rules.map(\.id) == checked.home.rules.map(\.id))
    #expect(CompiledHome.encode(all.home, key: "k") == CompiledHome.encode(checked.home, key: "k"))
  }

  @Test func withoutARecordAHomeWideCommandChecksEverything() throws {
    let home = try Home.scratchHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let all = try DocketSession.open(home: home, clock: Home.now, scope: .allWorkflows)
    #expect(!all.sources.isEmpty)
    #expect(all.home.workflows.count > 1)
  }

  /// Every part a command can ask for (each workflow's reach, with its calendars) reads back
  /// from the compiled home as the YAML's partial load of the same part.
  @Test func everyPartACommandAsksForEqualsTheYAMLsPart() throws {
    let root = TemporaryHome.repositoryRoot
    for url in [root, root.appendingPathComponent("examples/helpdesk"), root.appendingPathComponent("examples/leave")] {
      let full = HomeLoader.load(try HomeFiles.read(home: url))
      #expect(!full.hasErrors)
      let record = ValidatedHomeRecord(
        DefinitionFingerprint(files: [:], key: "k"), since: .now(), home: full.home)
      let bytes = CompiledHome.encode(full.home, key: "k")
      for workflow in full.home.workflows.keys {
        let reach = try #require(record.reach[workflow])
        let subset = HomeSubset(
          workflows: Set(reach.map(\.rawValue)), calendars: record.calendars[workflow] ?? [])
        let fromYAML = HomeLoader.load(try HomeFiles.read(home: url), only: subset)
        #expect(!fromYAML.hasErrors)
        let compiled = CompiledHome.decode(bytes, key: "k", only: subset)
        #expect(compiled.map { CompiledHome.encode($0, key: "k") } == CompiledHome.encode(fromYAML.home, key: "k"),
          "\(url.lastPathComponent) \(workflow)")
      }
    }
  }
}

/// The store folder is the same whether the caller gives the home's path (as the command line
/// does, to spare the URL machinery) or only its URL.
@Suite("The store folder of a session")
struct StoreFolderTests {
  typealias Home = BundledHomeTests

  @Test(arguments: [
    ("store/tickets", "store/tickets"), ("./kept/../data2", "data2"), ("../outside-store", "../outside-store"),
  ])
  func aStoreSettingNamesTheSameFolderWithOrWithoutThePath(_ setting: String, _ expected: String) throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("docket-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: parent) }
    for givesPath in [true, false] {
      let scratch = try Home.scratchHome()
      let home = parent.appendingPathComponent(givesPath ? "with" : "without")
      try FileManager.default.moveItem(at: scratch, to: home)
      try ValidatedHomeTests.edit(home, "docket.yaml") { $0 + "store: \(setting)\n" }
      let session = try DocketSession.open(
        home: home, path: givesPath ? home.path : nil, clock: Home.now, scope: .workflow("complaint"))
      let ticket = try session.create("complaint", input: Home.complaint, actor: "li.wei")
      let file = home.appendingPathComponent(
        "\(expected)/instances/complaint/\(ticket.id.rawValue).json")
      #expect(FileManager.default.fileExists(atPath: file.standardizedFileURL.path), "\(setting) \(givesPath)")
      if expected.hasPrefix("../") {
        try? FileManager.default.removeItem(at: home.appendingPathComponent(expected).standardizedFileURL)
      }
    }
  }
}

/// A fingerprint that finds every file as the record kept it takes the record's key without
/// hashing; it must be the key hashing everything would give.
@Suite("The definitions' key")
struct DefinitionKeyTests {
  @Test func theRecordsKeyIsTheKeyOfTheFilesAsTheyAre() throws {
    let (home, _) = try ValidatedHomeTests.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let record = try #require(ValidatedHomeRecord.read(home: home.path))
    var listed = try HomeFiles.list(home: home)
    let vouched = DefinitionFingerprint.make(&listed, record: record)
    var all = try HomeFiles.read(home: home)
    let hashed = DefinitionFingerprint.make(&all, record: nil)
    #expect(!hashed.key.isEmpty)
    #expect(vouched.key == hashed.key)
    #expect(vouched.executable == record.executable)
    // One changed file: a new key, whichever way it is found.
    try ValidatedHomeTests.edit(home, "staff.yaml") { $0 + "\n# edited\n" }
    var changed = try HomeFiles.list(home: home)
    #expect(DefinitionFingerprint.make(&changed, record: record).key != record.key)
  }
}

import CEL
import DocketDSL
import Foundation
import Testing

@testable import DocketKit

/// A session on one ticket loads only the workflows it needs when an earlier command found
/// these exact definition files valid, and notices any change to them.
@Suite("The validated-home record")
struct ValidatedHomeTests {
  typealias Home = BundledHomeTests

  /// A scratch bundled home with one complaint committed (so `data/` and the record exist).
  static func homeWithTicket() throws -> (URL, InstanceID) {
    let home = try Home.scratchHome()
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("complaint"))
    let ticket = try session.create("complaint", input: Home.complaint, actor: "li.wei")
    return (home, ticket.id)
  }

  static func edit(_ home: URL, _ path: String, _ change: (String) -> String) throws {
    let file = home.appendingPathComponent(path)
    try change(try String(contentsOf: file, encoding: .utf8)).write(
      to: file, atomically: false, encoding: .utf8)
  }

  static func record(_ home: URL) -> ValidatedHomeRecord? {
    ValidatedHomeRecord.read(home: home.path)
  }

  @Test func aCommitKeepsARecordAndTheNextCommandLoadsOnlyItsWorkflow() throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let record = try #require(Self.record(home))
    #expect(record.workflowsByPrefix["CMP"] == "complaint")
    #expect(record.reach["complaint"] == ["complaint"])
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(Array(session.home.workflows.keys) == ["complaint"])
    let advanced = try session.advance(id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(advanced.state == "handling")
    // Home-wide commands always load everything.
    #expect(try DocketSession.open(home: home, clock: Home.now).home.workflows.count > 1)
  }

  @Test func aPartLoadGivesEachWorkflowItHoldsTheSameRulesAsAFullLoad() throws {
    let (home, _) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let full = try DocketSession.open(home: home, clock: Home.now).home
    #expect(!full.rules.isEmpty)
    func summary(_ rules: [RuleDefinition], for workflow: WorkflowID) -> [String] {
      rules.compactMap { rule in
        rule.bodies[workflow].map {
          "\(rule.id) \(rule.trigger) \($0.condition?.source ?? "-") \($0.actions.count)"
        }
      }
    }
    var partial = 0
    for workflow in full.workflows.keys {
      let part = try DocketSession.open(home: home, clock: Home.now, scope: .workflow(workflow)).home
      if part.workflows.count < full.workflows.count { partial += 1 }
      #expect(part.workflows[workflow] != nil)
      for loaded in part.workflows.keys {
        #expect(summary(part.rules, for: loaded) == summary(full.rules, for: loaded), "\(loaded)")
      }
      // Every lookup of a loaded workflow is there (rules calling it may run); others may not be.
      for (name, lookup) in full.lookups where part.workflows[lookup.workflow] != nil {
        #expect(part.lookups[name] != nil, "\(name)")
      }
    }
    #expect(partial == full.workflows.count)
  }

  @Test func anEditOfTheSameSizeIsSeenByTheNextCommand() throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    // Same byte count, so only the contents tell the files apart.
    try Self.edit(home, "workflows/complaint.yaml") {
      $0.replacingOccurrences(of: "label: 处理中", with: "label: 办理中")
    }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(session.home.workflows["complaint"]?.states["handling"]?.label == "办理中")
  }

  @Test(arguments: ["workflows/complaint.yaml", "workflows/repair.yaml", "staff.yaml"])
  func anInvalidEditAnywhereStopsACommandOnOneTicket(path: String) throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    try Self.edit(home, path) { $0 + "\nunknown_key_added_by_test: 1\n" }
    #expect {
      try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    } throws: { error in
      guard case .invalidDefinitions(let bag, _)? = error as? DocketError else { return false }
      return bag.hasErrors && (error as? DocketError)?.exitStatus == 3
    }
  }

  @Test func aNewDefinitionFileIsChecked() throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    try "workflow: other\nversion: 0\n".write(
      to: home.appendingPathComponent("workflows/other.yaml"), atomically: false, encoding: .utf8)
    #expect(throws: DocketError.self) {
      try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    }
  }

  @Test func aDamagedRecordMeansAFullLoad() throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    try "docket validated home 3\nkey sha256:0\nsince 1.000000000\nworkflow complaint".write(
      to: home.appendingPathComponent("data/cache/validated-home"), atomically: false,
      encoding: .utf8)
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(session.home.workflows.count > 1)
  }

  @Test func aRefusedCommandWritesNoRecord() throws {
    let (home, id) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let record = home.appendingPathComponent("data/cache/validated-home")
    try FileManager.default.removeItem(at: record)
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(throws: DocketError.self) {
      try session.advance(id, event: "no_such_event", input: .none, note: nil, actor: "li.wei")
    }
    #expect(!FileManager.default.fileExists(atPath: record.path))
  }

  @Test func aTicketOutsideItsPrefixFolderLoadsEverything() throws {
    let (home, _) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket("CMP-999999"))
    #expect(session.home.workflows.count > 1)
  }

  @Test func aPartLoadHoldsTheCalendarsOfItsWorkflowsOnly() throws {
    let (home, _) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let complaint = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("complaint"))
    #expect(Array(complaint.home.workflows.keys) == ["complaint"])
    #expect(complaint.home.calendars.isEmpty)
    let service = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("paid_service"))
    #expect(Array(service.home.calendars.keys) == ["china-2026"])
  }

  @Test func anOlderVersionGetsItsCalendarInAPartLoad() throws {
    let (home, _) = try Self.homeWithTicket()
    defer { try? FileManager.default.removeItem(at: home) }
    let input: FieldInput = [
      "customer": .text("张三"), "service": .text("cleaning"), "description": .text("保洁"),
    ]
    let old = try DocketSession.open(home: home, clock: Home.now).create(
      "paid_service", input: input, actor: "li.wei")
    // Version 2 counts the quote in wall-clock hours: no calendar any more.
    try Self.edit(home, "workflows/paid_service.yaml") {
      $0.replacingOccurrences(of: "version: 1", with: "version: 2")
        .replacingOccurrences(of: "within: 1wd\n      calendar: china-2026\n", with: "within: 8h\n")
    }
    // A commit on the edited home keeps a new record; then the old ticket is opened in part.
    _ = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("paid_service"))
      .create("paid_service", input: input, actor: "li.wei")
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(old.id))
    #expect(session.partialRoot != nil)
    #expect(session.home.calendars.isEmpty)
    let pinned = try session.read { transaction throws(DocketError) in
      try session.homePinned(for: [try session.existing(old.id, in: transaction)], in: transaction)
    }
    #expect(pinned.pinned[old.digest] != nil)
    #expect(pinned.calendars["china-2026"] != nil)
  }

  @Test func theRecordRoundTrips() {
    let record = ValidatedHomeRecord(
      key: "sha256:ab", workflowsByPrefix: ["REP": "repair", "RVT": "revisit"],
      reach: ["repair": ["repair", "revisit"], "revisit": ["repair", "revisit"]],
      calendars: ["repair": ["china-2026"], "revisit": []],
      files: [
        "workflows/repair.yaml": .init(
          digest: "sha256:cd",
          stat: FileStat(
            device: 2049, inode: 77, size: 1234,
            modified: FileStat.Time(seconds: 1_780_000_000, nanoseconds: 5),
            changed: FileStat.Time(seconds: 1_780_000_001, nanoseconds: 999_999_999))),
        "rules/10 base.yaml": .init(digest: "sha256:ef", stat: nil),
        "calendars/old.yaml": .init(
          digest: "sha256:01",
          stat: FileStat(
            device: 1, inode: 2, size: 0, modified: FileStat.Time(seconds: -86_400, nanoseconds: 0),
            changed: FileStat.Time(seconds: 1_780_000_000, nanoseconds: 0))),
      ],
      since: FileStat.Time(seconds: 1_780_000_002, nanoseconds: 120))
    let bytes = record.encoded()
    #expect(ValidatedHomeRecord.decode(bytes) == record)
    #expect(ValidatedHomeRecord.decode(Array("docket validated home 3\nkey x\n".utf8)) == nil)
    // Cut short or with bytes to spare, it is a damaged record, not files to trust.
    for length in 0..<bytes.count {
      #expect(ValidatedHomeRecord.decode(Array(bytes.prefix(length))) == nil)
    }
    #expect(ValidatedHomeRecord.decode(bytes + [0]) == nil)
  }
}

/// Which workflows a command on one ticket needs.
@Suite("Workflow reach")
struct WorkflowReachTests {
  static func home() throws -> DocketModel.Home {
    let url = try BundledHomeTests.scratchHome()
    defer { try? FileManager.default.removeItem(at: url) }
    var home = try DocketSession.open(home: url, clock: BundledHomeTests.now).home
    home.rules = []
    home.lookups = [:]
    return home
  }

  static func rule(_ id: String, on workflow: WorkflowID, _ actions: [ActionDefinition]) -> RuleDefinition {
    RuleDefinition(
      id: RuleID(id), trigger: .transition, bodies: [workflow: RuleBody(actions: actions)],
      file: "rules/test.yaml")
  }

  @Test func withoutRulesEachWorkflowStandsAlone() throws {
    let groups = WorkflowReach.groups(in: try Self.home())
    #expect(groups["complaint"] == ["complaint"])
    #expect(groups["repair"] == ["repair"])
  }

  @Test func startingATicketJoinsBothWorkflowsBothWays() throws {
    var home = try Self.home()
    home.rules = [
      Self.rule("r", on: "repair", [.start(StartDefinition(workflow: "revisit", fields: []), span: nil)])
    ]
    let groups = WorkflowReach.groups(in: home)
    #expect(groups["repair"] == ["repair", "revisit"])
    #expect(groups["revisit"] == ["repair", "revisit"])
    #expect(groups["complaint"] == ["complaint"])
  }

  @Test func firingOnAParentOrChildrenReachesEverything() throws {
    var home = try Self.home()
    home.rules = [Self.rule("r", on: "revisit", [.fire("close", target: .parent, span: nil)])]
    let groups = WorkflowReach.groups(in: home)
    #expect(groups["complaint"]?.count == home.workflows.count)
  }

  @Test func aLookupJoinsItsWorkflowToTheWorkflowsWhoseRulesCallIt() throws {
    var home = try Self.home()
    let call = CompiledExpression(
      source: "repairs_of(customer).size() > 0", program: try CELEnvironment().compile("true").get())
    home.rules = [
      RuleDefinition(
        id: "calls", trigger: .created,
        bodies: ["complaint": RuleBody(condition: call, actions: [.assign("supervisor", span: nil)])],
        file: "rules/test.yaml"),
      Self.rule("quiet", on: "survey", [.assign("supervisor", span: nil)]),
    ]
    home.lookups = ["repairs_of": LookupDefinition(name: "repairs_of", workflow: "repair", keys: [])]
    let groups = WorkflowReach.groups(in: home)
    #expect(groups["complaint"] == ["complaint", "repair"])
    #expect(groups["survey"] == ["survey"])
  }
}

import DocketKit
import Foundation
import Testing

/// The session on the repository's own home (copied to a scratch folder), loaded from YAML.
@Suite("The session on the bundled home")
struct BundledHomeTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A scratch copy of the root home's definitions (no `data/`).
  static func scratchHome() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docket-home-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for name in ["docket.yaml", "staff.yaml", "workflows", "rules", "calendars"] {
      let source = repository.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: source.path) {
        try FileManager.default.copyItem(at: source, to: url.appendingPathComponent(name))
      }
    }
    return url
  }

  static let now = FixedClock(RFC3339.parse("2026-03-02T09:00:00+08:00") ?? Date(timeIntervalSince1970: 0))
  static let complaint: FieldInput = [
    "customer": .text("张三"), "category": .text("noise"), "description": .text("夜间噪音"),
  ]

  @Test func opensCreatesAndAdvancesOnTheRealWorkflows() throws {
    let home = try Self.scratchHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let session = try DocketSession.open(home: home, clock: Self.now)
    let t = try session.create("complaint", input: Self.complaint, actor: "li.wei")
    let accepted = try session.advance(t.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(accepted.state == "handling")
    let text = try String(
      contentsOf: home.appendingPathComponent("data/instances/complaint/\(t.id).json"), encoding: .utf8)
    #expect(text.contains("\"customer\": \"张三\""))
    #expect(text.contains("+08:00"))
    #expect(try session.list(InstanceQuery()).first?.title == "张三")
  }

  @Test func aBrokenWorkflowStopsEveryCommandWithExitThree() throws {
    let home = try Self.scratchHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent("workflows/complaint.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "accept:   { to: handling", with: "accept:   { to: handlng")
      .write(to: file, atomically: true, encoding: .utf8)
    #expect {
      try DocketSession.open(home: home, clock: Self.now)
    } throws: { error in
      guard case .invalidDefinitions(let bag, let sources)? = error as? DocketError else { return false }
      return bag.hasErrors && sources["workflows/complaint.yaml"] != nil
        && (error as? DocketError)?.exitStatus == 3
    }
  }

  @Test func aRunningTicketKeepsItsDefinitionWhenTheFileChanges() throws {
    let home = try Self.scratchHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let old = try DocketSession.open(home: home, clock: Self.now).create(
      "complaint", input: Self.complaint, actor: "li.wei")
    // Version 2 renames `accept` to `take`.
    let file = home.appendingPathComponent("workflows/complaint.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "version: 1", with: "version: 2")
      .replacingOccurrences(of: "      accept:   { to: handling", with: "      take:     { to: handling")
      .write(to: file, atomically: true, encoding: .utf8)
    let session = try DocketSession.open(home: home, clock: Self.now)
    let report = session.validate()
    #expect(report.pinned.map(\.id) == [old.id])
    #expect(report.pinned.first?.currentVersion == 2)
    #expect(report.pinned.first?.definitionKept == true)
    // The old ticket still runs on version 1 …
    let advanced = try session.advance(old.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    #expect(advanced.state == "handling")
    #expect(advanced.version == 1)
    // … while a new one runs on version 2.
    let new = try session.create("complaint", input: Self.complaint, actor: "li.wei")
    #expect(new.version == 2)
    #expect(throws: DocketError.self) {
      try session.advance(new.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    }
    #expect(try session.advance(new.id, event: "take", input: .none, note: nil, actor: "li.wei").state == "handling")
  }

  @Test func aHomeThatIsNotAFolderIsUsage() {
    #expect {
      try DocketSession.open(home: URL(fileURLWithPath: "/nonexistent/docket-home"), clock: Self.now)
    } throws: { ($0 as? DocketError)?.exitStatus == 2 }
  }
}

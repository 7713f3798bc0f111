import DocketKit
import Foundation
import Testing

@Suite("The session on files")
struct FileSessionTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docket-kit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func fileStore(_ url: URL) -> FileInstanceStore {
    FileInstanceStore(directory: url.appendingPathComponent("data"), timeZone: SessionFixtures.zone,
      workflowsByPrefix: ["CMP": "complaint"])
  }

  @Test func aRefusedCommandLeavesEveryFileByteForByte() throws {
    let url = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: url) }
    let session = SessionFixtures.session(store: Self.fileStore(url))
    let t = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let file = url.appendingPathComponent("data/instances/complaint/\(t.id).json")
    let before = try Data(contentsOf: file)
    #expect(throws: DocketError.self) {
      try session.advance(t.id, event: "accept", input: .none, note: nil, actor: "nobody")
    }
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func theFirstTicketOfAVersionKeepsACopyOfItsDefinition() throws {
    let url = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: url) }
    let session = SessionFixtures.session(store: Self.fileStore(url))
    _ = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let copy = url.appendingPathComponent("data/definitions/complaint/sha256-v1.yaml")
    #expect(try String(contentsOf: copy, encoding: .utf8) == "workflow: complaint\nversion: 1\n")
  }

  @Test func validateNamesOpenTicketsOnAnOlderVersion() throws {
    let url = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: url) }
    let old = SessionFixtures.session(store: Self.fileStore(url))
    let t = try old.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let newer = DocketSession(
      home: SessionFixtures.home(SessionFixtures.workflow(version: 2, digest: "sha256:v2")),
      store: Self.fileStore(url), clock: FixedClock(SessionFixtures.start))
    let report = newer.validate()
    #expect(report.pinned.map(\.id) == [t.id])
    #expect(report.pinned.first?.version == 1)
    #expect(report.pinned.first?.currentVersion == 2)
    #expect(report.pinned.first?.definitionKept == true)
  }

  @Test func aCorruptTicketIsExitFourNamingTheFile() throws {
    let url = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: url) }
    let session = SessionFixtures.session(store: Self.fileStore(url))
    let bad = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    let good = try session.create("complaint", input: SessionFixtures.customer, actor: "li.wei")
    try Data("{".utf8).write(to: url.appendingPathComponent("data/instances/complaint/\(bad.id).json"))
    #expect {
      try session.advance(bad.id, event: "accept", input: .none, note: nil, actor: "li.wei")
    } throws: { error in
      let e = error as? DocketError
      return e?.exitStatus == 4 && e?.code == "storage"
        && e?.message.contains("data/instances/complaint/CMP-000001.json") == true
    }
    #expect(try session.advance(good.id, event: "accept", input: .none, note: nil, actor: "li.wei").state == "handling")
    #expect {
      try session.reindex()
    } throws: { ($0 as? DocketError)?.exitStatus == 4 }
    #expect(try session.list(InstanceQuery()).map(\.id) == [good.id])
  }

  @Test func errorsMapToTheContractsExitStatuses() {
    let store = StoreError(.conflict, path: "data/x", reason: "r")
    #expect(DocketError.conflict(store).exitStatus == 4)
    #expect(DocketError.conflict(store).code == "conflict")
    #expect(DocketError.storage(StoreError(.corrupt, path: "p", reason: "r")).code == "storage")
    #expect(DocketError.usage("x").exitStatus == 2)
    #expect(DocketError.invalidDefinitions(DiagnosticBag(), [:]).exitStatus == 3)
    #expect(DocketError.refused(.unknownUser("x")).exitStatus == 2)
    #expect(DocketError.refused(.noBranch(event: "e", state: "s")).exitStatus == 1)
  }
}

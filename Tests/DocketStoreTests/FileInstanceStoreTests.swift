import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("The file store: tickets on disk")
struct FileInstanceStoreTests {
  @Test func aCommittedTicketReadsBackAndLivesWhereTheContractSays() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    #expect(FileManager.default.fileExists(atPath: folder.path + "/instances/complaint/CMP-000001.json"))
    #expect(try load(s, "CMP-000001") == complaint(1))
  }

  @Test func aHomeWithoutDataReadsAsEmptyAndCreatesNothing() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = FileInstanceStore(directory: folder.url.appendingPathComponent("data"), timeZone: shanghai)
    #expect(try load(s, "CMP-000001") == nil)
    let tx = try s.beginRead()
    #expect(try tx.summaries(.all).isEmpty)
    #expect(try tx.highestNumber(forPrefix: "CMP") == 0)
    tx.end()
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/data"))
  }

  @Test func writingLeavesNoTemporaryOrJournalFilesBehind() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(2)])
    try commit(s, [next(complaint(1))])
    // The journal keeps its log (and the marker of how far it is applied) between commits.
    #expect(
      folder.files() == [
        ".lock", "index/closed.log", "index/counters", "index/format", "index/open.log",
        "instances/complaint/CMP-000001.json", "instances/complaint/CMP-000002.json",
        "wal/applied", "wal/log",
      ])
  }

  @Test func aTicketFoundWithoutAPrefixHintIsStillFound() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    try commit(store(folder), [complaint(5)])
    let unhinted = FileInstanceStore(directory: folder.url, timeZone: shanghai)
    #expect(try load(unhinted, "CMP-000005")?.id == "CMP-000005")
  }

  @Test(
    "hostile ids are never found and build no path",
    arguments: [
      "../CMP-000001", "CMP-000001/..", "complaint/CMP-000001", "CMP-000001.json", "..", "",
      "CMP-00000\u{0}1", "/etc/passwd", "CMP-", "-000001", "CMP-000001\n", "ＣＭＰ-000001",
    ])
  func hostileIDsAreUnknown(_ raw: String) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    #expect(try load(s, InstanceID(raw)) == nil)
  }

  @Test func aCorruptFileIsAnErrorNamingItWhileOtherTicketsStillWork() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(2)])
    let bad = folder.path + "/instances/complaint/CMP-000001.json"
    try Data("{\"format\": 1, \"id\": ".utf8).write(to: URL(fileURLWithPath: bad))
    #expect {
      try load(s, "CMP-000001")
    } throws: { error in
      guard let e = error as? StoreError else { return false }
      return e.kind == .corrupt && e.path == "data/instances/complaint/CMP-000001.json"
        && e.description.contains("invalid JSON at line 1")
    }
    #expect(try load(s, "CMP-000002")?.id == "CMP-000002")
    try commit(s, [next(complaint(2))])
    #expect(try load(s, "CMP-000002")?.revision == 2)
  }

  @Test func aFileHoldingAnotherTicketIsCorrupt() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(2)])
    try FileManager.default.removeItem(atPath: folder.path + "/instances/complaint/CMP-000002.json")
    try FileManager.default.copyItem(
      atPath: folder.path + "/instances/complaint/CMP-000001.json",
      toPath: folder.path + "/instances/complaint/CMP-000002.json")
    #expect(throws: StoreError.self) { try load(s, "CMP-000002") }
  }

  @Test func aStaleRevisionIsAConflictAndChangesNothing() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    try commit(s, [next(complaint(1))])
    let before = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/instances/complaint/CMP-000001.json"))
    #expect {
      try commit(s, [next(complaint(1))])  // revision 2 again, but the file is at 2
    } throws: { ($0 as? StoreError)?.kind == .conflict }
    let after = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/instances/complaint/CMP-000001.json"))
    #expect(before == after)
  }

  @Test func aFileReplacedSinceItWasReadIsAConflict() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    let tx = try s.beginWrite()
    defer { tx.end() }
    let read = try #require(try tx.load("CMP-000001"))
    // Someone edits the file by hand while the command runs.
    let path = folder.path + "/instances/complaint/CMP-000001.json"
    try Data(InstanceRecord.encode(next(read, state: "handling"), zone: Zone(shanghai))).write(to: URL(fileURLWithPath: path))
    #expect {
      try tx.commit(Changeset(instances: [next(read)]), pins: [])
    } throws: { ($0 as? StoreError)?.kind == .conflict }
  }

  @Test func creatingATicketThatExistsIsAConflict() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    #expect { try commit(s, [complaint(1, customer: "李四")]) } throws: { ($0 as? StoreError)?.kind == .conflict }
    #expect(try load(s, "CMP-000001")?.fields["customer"] == .string("张三"))
  }

  @Test func aConflictOnOneTicketLandsNoneOfTheCommit() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    #expect(throws: StoreError.self) { try commit(s, [complaint(2), complaint(1)]) }
    #expect(try load(s, "CMP-000002") == nil)
    let tx = try s.beginRead()
    #expect(try tx.highestNumber(forPrefix: "CMP") == 1)
    tx.end()
  }

  @Test func idCountersRememberTheHighestNumberPerPrefix() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(7)])
    let tx = try s.beginRead()
    #expect(try tx.highestNumber(forPrefix: "CMP") == 7)
    #expect(try tx.highestNumber(forPrefix: "REV") == 0)
    tx.end()
  }

  @Test func outboxLinesAreAppendedOneJSONObjectALine() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    let message = OutboxMessage(at: t0, to: ["supervisor"], instance: "CMP-000001", message: "投诉 CMP-000001 超时/升级")
    try commit(s, [complaint(1)], outbox: [message])
    try commit(s, [next(complaint(1))], outbox: [message])
    let text = try String(contentsOfFile: folder.path + "/outbox.jsonl", encoding: .utf8)
    let line = #"{"at":"2026-03-02T09:00:00+08:00","instance":"CMP-000001","message":"投诉 CMP-000001 超时/升级","to":["supervisor"]}"#
    #expect(text == line + "\n" + line + "\n")
  }

  @Test func definitionCopiesAreKeptOncePerVersion() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    let pin = DefinitionPin(workflow: "complaint", digest: "sha256:abc", text: "workflow: complaint\n")
    try commit(s, [complaint(1)], pins: [pin])
    try commit(s, [complaint(2)], pins: [DefinitionPin(workflow: "complaint", digest: "sha256:abc", text: "changed")])
    let tx = try s.beginRead()
    #expect(try tx.pinnedDefinition(workflow: "complaint", digest: "sha256:abc") == "workflow: complaint\n")
    #expect(try tx.pinnedDefinition(workflow: "complaint", digest: "sha256:other") == nil)
    tx.end()
    #expect(FileManager.default.fileExists(atPath: folder.path + "/definitions/complaint/sha256-abc.yaml"))
  }

  @Test func aReadTransactionCannotCommit() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1)])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(throws: StoreError.self) { try tx.commit(Changeset(instances: [complaint(2)]), pins: []) }
  }
}


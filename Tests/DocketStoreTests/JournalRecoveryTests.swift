import DocketFiles
import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("All or nothing: a commit interrupted at any step")
struct JournalRecoveryTests {
  /// A revisit started from a complaint: the complaint gains a child, the revisit names its
  /// parent, and the supervisor is told. Three files and the outbox change together.
  static func linkedCommit() -> (parent: Instance, child: Instance, message: OutboxMessage) {
    var parent = next(complaint(1))
    parent.links.children = ["REV-000001"]
    let child = Instance(
      id: "REV-000001", workflow: "revisit", version: 1, digest: "sha256:rev", state: "pending",
      fields: ["customer": "张三"], createdAt: t0 + 600, links: Links(parent: "CMP-000001"),
      history: [HistoryEntry(seq: 1, at: t0 + 600, actor: "system", event: "create", to: "pending")])
    let message = OutboxMessage(at: t0 + 600, to: ["supervisor"], instance: "REV-000001", message: "回访")
    return (parent, child, message)
  }

  static func crash(before target: Journal.Step) -> (Journal.Step) throws(FileSystem.Failure) -> Void {
    { step throws(FileSystem.Failure) in
      if step == target { throw FileSystem.Failure(errno: Journal.simulatedCrash) }
    }
  }

  @Test("the next command finishes or rolls back, never half", arguments: Journal.Step.allCases)
  func crashAtEveryStep(_ step: Journal.Step) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let setup = store(folder)
    try commit(setup, [complaint(1)])
    let (parent, child, message) = Self.linkedCommit()

    let dying = store(folder)
    dying.failBefore = Self.crash(before: step)
    // Every commit checkpoints, so the checkpoint's own steps are reached too.
    dying.checkpointLogBytes = 0
    #expect(throws: StoreError.self) { try commit(dying, [parent, child], outbox: [message]) }

    // The next command, in a fresh store (as a new process would be).
    let s = store(folder)
    let landed = Self.landed(step)
    let p = try #require(try load(s, "CMP-000001"))
    let c = try load(s, "REV-000001")
    let outbox = (try? String(contentsOfFile: folder.path + "/outbox.jsonl", encoding: .utf8)) ?? ""
    if landed {
      #expect(p.revision == 2)
      #expect(p.links.children == ["REV-000001"])
      #expect(c?.links.parent == "CMP-000001")
      #expect(outbox.split(separator: "\n").count == 1)
    } else {
      #expect(p.revision == 1)
      #expect(p.links.children.isEmpty)
      #expect(c == nil)
      #expect(outbox.isEmpty)
    }
    // Every link has both ends.
    for childID in p.links.children { #expect(try load(s, childID)?.links.parent == p.id) }
    if let c, let parentID = c.links.parent {
      #expect(try load(s, parentID)?.links.children.contains(c.id) == true)
    }
    // The index and counters agree with the files, as a rebuild would make them.
    let tx = try s.beginWrite()
    let incremental = try tx.summaries(.all)
    let rev = try tx.highestNumber(forPrefix: "REV")
    tx.end()
    #expect(rev == (landed ? 1 : 0))
    #expect(try s.rebuildIndex().isEmpty)
    let rebuiltTx = try s.beginRead()
    #expect(try rebuiltTx.summaries(.all) == incremental)
    rebuiltTx.end()
    #expect(!folder.files().contains { $0.hasPrefix("journal/") || $0.hasSuffix(".tmp") })
    // A rebuild writes outside the log, so it checkpointed: nothing is left to replay.
    #expect(try FileSystem.size(folder.path + "/wal/log") == 0)
    // And the store keeps working.
    try commit(s, [next(p)])
  }

  /// Whether a commit stopped before `step` has happened: from the moment its whole record
  /// is in the log. (Before the sync, a kill keeps the record, which the page cache holds;
  /// a power cut may not, and either outcome is whole.)
  static func landed(_ step: Journal.Step) -> Bool { ![.writeRecord, .finishRecord].contains(step) }

  @Test func aTornAppendIsNotRepeated() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let message = OutboxMessage(at: t0, to: ["supervisor"], instance: "CMP-000001", message: "m")
    let dying = store(folder)
    dying.failBefore = Self.crash(before: .writeMarker)
    #expect(throws: StoreError.self) { try commit(dying, [complaint(1)], outbox: [message]) }
    // A half-written extra line, as a kill in the middle of a retried append could leave.
    let outbox = folder.path + "/outbox.jsonl"
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outbox))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"at\":".utf8))
    try handle.close()
    _ = try load(store(folder), "CMP-000001")
    let lines = try String(contentsOfFile: outbox, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasSuffix("\"to\":[\"supervisor\"]}") == true)
  }
}

import DocketFiles
import DocketModel
import Foundation
import Testing

@testable import DocketStore

/// The journal's log across power cuts: after a reboot, the applied writes that were never
/// synced may be gone, torn or stale, and the log alone must bring back every commit.
@Suite("The journal's log: reboots, torn records, checkpoints")
struct JournalLogTests {
  /// How much of the unsynced work a power cut takes.
  enum Loss: String, CaseIterable, Sendable {
    case nothing, everything, ticketFiles, indexFiles, halfOfEachAppend
  }

  @Test("a reboot that lost unsynced writes replays to exactly the committed state", arguments: Loss.allCases)
  func rebootReplaysTheLog(_ loss: Loss) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let before = try Self.checkpointedStore(folder)
    let s = lookupStore(folder)
    s.bootID = "boot-1"
    let (parent, child, message) = JournalRecoveryTests.linkedCommit()
    let moved = rekeyed(next(keyed(2, customer: "李四", category: "noise")), customer: "张三", category: "hygiene")
    try commit(s, [parent, child], outbox: [message])
    try commit(s, [moved])
    try commit(s, [next(parent, state: "closed", close: true), keyed(3, customer: "王五", category: nil)])
    #expect(try FileSystem.size(folder.path + "/wal/log") ?? 0 > 0)

    // The marker (never synced) may be lost too, or written back while the files were not.
    try Self.losePageCache(folder, since: before, loss, keepMarker: loss != .everything)
    let rebooted = lookupStore(folder)
    rebooted.bootID = "boot-2"
    let p = try #require(try load(rebooted, "CMP-000001"))
    #expect(p.revision == 3)
    #expect(p.status == .closed)
    #expect(p.links.children == ["REV-000001"])
    #expect(try load(rebooted, "REV-000001")?.links.parent == "CMP-000001")
    #expect(try load(rebooted, "CMP-000002")?.revision == 2)
    #expect(try load(rebooted, "CMP-000003") != nil)
    let outbox = try String(contentsOfFile: folder.path + "/outbox.jsonl", encoding: .utf8)
    #expect(outbox.split(separator: "\n").count == 1)
    try Self.expectIndexesWhole(rebooted)
    // Replayed and checkpointed: the log is empty and the marker names this boot.
    #expect(try FileSystem.size(folder.path + "/wal/log") == 0)
    #expect(!Journal(root: folder.path, boot: "boot-2").needsRecovery)
  }

  @Test("a commit killed at any step, then a reboot, lands whole or not at all", arguments: Journal.Step.allCases)
  func crashThenReboot(_ step: Journal.Step) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let before = try Self.checkpointedStore(folder)
    let (parent, child, message) = JournalRecoveryTests.linkedCommit()
    let dying = lookupStore(folder)
    dying.bootID = "boot-1"
    dying.checkpointLogBytes = 0
    dying.failBefore = JournalRecoveryTests.crash(before: step)
    #expect(throws: StoreError.self) { try commit(dying, [parent, child], outbox: [message]) }

    // A checkpoint that synced the file system made the files durable; before that, a power
    // cut can take any of them back.
    let synced = [.resetMarker, .emptyLog].contains(step)
    try Self.losePageCache(folder, since: before, synced ? .nothing : .everything, keepMarker: true)
    let rebooted = lookupStore(folder)
    rebooted.bootID = "boot-2"
    let landed = JournalRecoveryTests.landed(step)
    let p = try #require(try load(rebooted, "CMP-000001"))
    #expect(p.revision == (landed ? 2 : 1))
    #expect(try load(rebooted, "REV-000001")?.links.parent == (landed ? "CMP-000001" : nil))
    let outbox = (try? String(contentsOfFile: folder.path + "/outbox.jsonl", encoding: .utf8)) ?? ""
    #expect(outbox.split(separator: "\n").count == (landed ? 1 : 0))
    try Self.expectIndexesWhole(rebooted)
    try commit(rebooted, [next(p)])
    #expect(try load(rebooted, "CMP-000001")?.revision == p.revision + 1)
  }

  /// What a process killed while writing its record, or a power cut during it, leaves at
  /// the log's end.
  enum Tear: String, CaseIterable, Sendable {
    case halfARecord, zeros, headerOnly, hugeLength
  }

  @Test("a record cut short at the log's end never committed and is cut off", arguments: Tear.allCases)
  func tornRecordIsCutOff(_ tear: Tear) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.bootID = "boot-1"
    try commit(s, [complaint(1)])
    let log = folder.path + "/wal/log"
    let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: log)))
    let record = JournalRecord(changes: [
      .put(target: "instances/complaint/CMP-000001.json", bytes: Array("{}".utf8)),
      .append(target: "outbox.jsonl", sizeBefore: 0, bytes: Array("x\n".utf8)),
    ]).encoded()
    let tail: [UInt8]
    switch tear {
    case .halfARecord: tail = Array(record.prefix(record.count / 2))
    case .zeros: tail = [UInt8](repeating: 0, count: 4096)
    case .headerOnly: tail = Array(record.prefix(12))
    case .hugeLength: tail = JournalRecord.magic + [UInt8](repeating: 0xFF, count: 8) + [1, 2, 3]
    }
    try Data(committed + tail).write(to: URL(fileURLWithPath: log))

    for boot in ["boot-1", "boot-2"] {
      let next = store(folder)
      next.bootID = boot
      #expect(try load(next, "CMP-000001")?.revision == 1)
      #expect(!FileManager.default.fileExists(atPath: folder.path + "/outbox.jsonl"))
      #expect(try FileSystem.size(log) == 0)
      try Data(committed + tail).write(to: URL(fileURLWithPath: log))
    }
  }

  @Test func aDamagedRecordBeforeAGoodOneIsRefusedNotDropped() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.bootID = "boot-1"
    try commit(s, [complaint(1)])
    try commit(s, [next(complaint(1))])
    let log = folder.path + "/wal/log"
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: log)))
    bytes[40] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: log))
    let rebooted = store(folder)
    rebooted.bootID = "boot-2"
    #expect(throws: StoreError.self) { try load(rebooted, "CMP-000001") }
    // Nothing was cut: the second commit is still there for whoever repairs the log.
    #expect(try FileSystem.size(log) == Int64(bytes.count))
  }

  @Test func withoutABootIDEveryCommitIsCheckpointed() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.bootID = nil
    try commit(s, [complaint(1)])
    #expect(try FileSystem.size(folder.path + "/wal/log") == 0)
    // A commit killed after its record synced is replayed by the next command.
    let dying = store(folder)
    dying.bootID = nil
    dying.failBefore = JournalRecoveryTests.crash(before: .applyPuts)
    #expect(throws: StoreError.self) { try commit(dying, [next(complaint(1))]) }
    let after = store(folder)
    after.bootID = nil
    #expect(try load(after, "CMP-000001")?.revision == 2)
    #expect(try FileSystem.size(folder.path + "/wal/log") == 0)
  }

  @Test func theLogIsCheckpointedOnceItPassesItsBound() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.bootID = "boot-1"
    s.checkpointLogBytes = 8_000
    var ticket = complaint(1)
    try commit(s, [ticket])
    var sizes: [Int64] = []
    for _ in 0..<12 {
      ticket = next(ticket)
      try commit(s, [ticket])
      sizes.append(try FileSystem.size(folder.path + "/wal/log") ?? -1)
    }
    #expect(sizes.contains(0))
    #expect(sizes.allSatisfy { $0 <= 8_000 })
    #expect(sizes.contains { $0 > 0 })
  }

  /// A lookup rebuilt under a changed definition is written outside the log; the older
  /// commits still in the log must not be replayed over it after a reboot.
  @Test func aRebuildOutsideTheLogIsNotUndoneByAReplay() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder, lookups: [byCustomer])
    s.bootID = "boot-1"
    s.lookupBucketCount = 1
    try commit(s, [keyed(1, customer: "张三", category: "noise")])
    // Same name, another key: rebuilt from the ticket files, outside the log.
    let byCategory = LookupDefinition(name: "by_customer", workflow: "complaint", keys: [categoryField])
    let changed = lookupStore(folder, lookups: [byCategory])
    changed.bootID = "boot-1"
    changed.lookupBucketCount = 1
    try expectIndexAgreesWithScan(changed, byCategory, keys: [["noise"], ["hygiene"]])
    let rebooted = lookupStore(folder, lookups: [byCategory])
    rebooted.bootID = "boot-2"
    rebooted.lookupBucketCount = 1
    try expectIndexAgreesWithScan(rebooted, byCategory, keys: [["noise"], ["hygiene"]])
    let tx = try rebooted.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(byCategory, key: ["noise"]).map(\.id) == ["CMP-000001"])
  }

  // MARK: - The previous versions' journal

  @Test func anInterruptedCommitOfThePreviousVersionIsFinished() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    try commit(store(folder), [complaint(1)])
    let advanced = next(complaint(1))
    let ticket = InstanceRecord.encode(advanced, zone: Zone(shanghai))
    let line = Array("{\"m\":1}\n".utf8)
    let entry = Array(IndexLine.encode(InstanceSummary(advanced, title: "张三")).utf8)
    let indexSize = try #require(try FileSystem.size(folder.path + "/index/open.log"))
    let journal = folder.path + "/journal"
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
    try Data(ticket).write(to: URL(fileURLWithPath: journal + "/0.put"))
    // As the previous version wrote it: the appended bytes after the `end` line.
    let manifest =
      "docket-journal 1\nput\t0.put\tinstances/complaint/CMP-000001.json\n"
      + "append\t0\t0\t\(line.count)\toutbox.jsonl\n"
      + "append\t\(indexSize)\t\(line.count)\t\(entry.count)\tindex/open.log\n"
      + "end\t\(line.count + entry.count)\n"
    try Data(Array(manifest.utf8) + line + entry).write(to: URL(fileURLWithPath: journal + "/commit"))
    let s = store(folder)
    #expect(try load(s, "CMP-000001")?.revision == 2)
    #expect(try String(contentsOfFile: folder.path + "/outbox.jsonl", encoding: .utf8) == "{\"m\":1}\n")
    #expect(!FileManager.default.fileExists(atPath: journal))
    try Self.expectIndexesWhole(s, lookups: false)
  }

  @Test func stagedFilesOfThePreviousVersionWithoutAManifestAreDropped() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    try commit(store(folder), [complaint(1)])
    let journal = folder.path + "/journal"
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
    try Data(InstanceRecord.encode(next(complaint(1)), zone: Zone(shanghai))).write(to: URL(fileURLWithPath: journal + "/0.put"))
    try Data("docket-journal 1\nput\t0.put\tinstances/complaint/CMP-000001.json\n".utf8)
      .write(to: URL(fileURLWithPath: journal + "/commit.tmp"))
    #expect(try load(store(folder), "CMP-000001")?.revision == 1)
    #expect(!FileManager.default.fileExists(atPath: journal))
  }

  // MARK: - Support

  /// A store with two keyed complaints, checkpointed (so its files are durable), under
  /// boot `boot-1`; returns its files as a power cut could bring them back.
  static func checkpointedStore(_ folder: ScratchFolder) throws -> [String: Data] {
    let s = lookupStore(folder)
    s.bootID = "boot-1"
    try commit(s, [complaint(1), keyed(2, customer: "李四", category: "noise")])
    _ = try s.rebuildIndex()
    #expect(try FileSystem.size(folder.path + "/wal/log") == 0)
    var files: [String: Data] = [:]
    for name in folder.files() where !name.hasPrefix("wal/") {
      files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name))
    }
    return files
  }

  /// Takes back unsynced writes made since `snapshot`, as a power cut could: files go back
  /// to their old bytes, files created since vanish, appends are lost or cut in half. The
  /// log (synced) stays; the marker (never synced) is lost unless `keepMarker`.
  static func losePageCache(_ folder: ScratchFolder, since snapshot: [String: Data], _ loss: Loss, keepMarker: Bool) throws {
    if !keepMarker { try? FileManager.default.removeItem(atPath: folder.path + "/wal/applied") }
    for name in folder.files() where !name.hasPrefix("wal/") && name != ".lock" {
      let isIndex = name.hasPrefix("index/") || name == "outbox.jsonl"
      let url = folder.url.appendingPathComponent(name)
      switch loss {
      case .nothing: continue
      case .everything: break
      case .ticketFiles: if isIndex { continue }
      case .indexFiles: if !isIndex { continue }
      case .halfOfEachAppend:
        guard isIndex, name.hasSuffix(".log") || name.hasSuffix(".jsonl") else { continue }
        let now = try Data(contentsOf: url)
        let old = snapshot[name] ?? Data()
        if now.count > old.count, now.prefix(old.count) == old {
          try now.prefix(old.count + (now.count - old.count) / 2).write(to: url)
        }
        continue
      }
      if let old = snapshot[name] { try old.write(to: url) } else { try FileManager.default.removeItem(at: url) }
    }
  }

  /// The index and every lookup agree with the ticket files, as a rebuild would make them.
  static func expectIndexesWhole(_ s: FileInstanceStore, lookups: Bool = true) throws {
    let tx = try s.beginWrite()
    let incremental = try tx.summaries(.all)
    tx.end()
    if lookups {
      try expectIndexAgreesWithScan(s, complaintsOf, keys: LookupRepairTests.grid + [["王五", nil]])
      try expectIndexAgreesWithScan(s, byCustomer, keys: [["张三"], ["李四"], ["王五"]])
    }
    #expect(try s.rebuildIndex().isEmpty)
    let rebuilt = try s.beginRead()
    defer { rebuilt.end() }
    #expect(try rebuilt.summaries(.all) == incremental)
  }
}

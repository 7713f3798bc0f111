import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("The lookup index survives crashes, damage and changed definitions")
struct LookupRepairTests {
  static let grid = keyGrid([["张三", "李四"], ["noise", "hygiene", nil]])

  @Test("a commit interrupted at any step leaves the index agreeing with the tickets", arguments: Journal.Step.allCases)
  func crashAtEveryStep(_ step: Journal.Step) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let first = keyed(1, customer: "张三", category: "noise")
    let second = keyed(2, customer: "李四", category: "hygiene")
    try commit(lookupStore(folder), [first, second])

    let dying = lookupStore(folder)
    dying.failBefore = JournalRecoveryTests.crash(before: step)
    dying.checkpointLogBytes = 0
    let moved = rekeyed(next(first), customer: "李四", category: nil)
    let closed = next(second, state: "closed", close: true)
    #expect(throws: StoreError.self) {
      try commit(dying, [moved, closed, keyed(3, customer: "张三", category: "noise")])
    }

    let s = lookupStore(folder)
    try expectIndexAgreesWithScan(s, complaintsOf, keys: Self.grid)
    try expectIndexAgreesWithScan(s, byCustomer, keys: [["张三"], ["李四"]])
    let landed = JournalRecoveryTests.landed(step)
    let tx = try s.beginRead()
    let before = try Self.grid.map { try tx.lookup(complaintsOf, key: $0) }
    #expect(try tx.lookup(byCustomer, key: ["李四"]).map(\.id) == (landed ? ["CMP-000001", "CMP-000002"] : ["CMP-000002"]))
    tx.end()
    // A rebuild from the ticket files changes nothing.
    #expect(try s.rebuildIndex().isEmpty)
    let after = try s.beginRead()
    defer { after.end() }
    #expect(try Self.grid.map { try after.lookup(complaintsOf, key: $0) } == before)
  }

  @Test func aDamagedBucketIsRepairedFromTheTickets() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    try commit(s, [keyed(1, customer: "张三", category: "noise"), keyed(2, customer: "张三", category: "noise")])
    let bucket = bucketPath(folder, s, complaintsOf, ["张三", "noise"])
    let damages: [(String, () throws -> Void)] = [
      ("garbage line", { try Data("E\tgarbage\n".utf8).write(to: URL(fileURLWithPath: bucket)) }),
      ("torn last line", {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: bucket))
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: bucket))
      }),
      ("bad time", {
        let text = try String(contentsOfFile: bucket, encoding: .utf8)
        try text.replacingOccurrences(of: "\topen\t", with: "\topen\tx").write(toFile: bucket, atomically: true, encoding: .utf8)
      }),
      ("a folder in its place", {
        try FileManager.default.removeItem(atPath: bucket)
        try FileManager.default.createDirectory(atPath: bucket + "/x", withIntermediateDirectories: true)
      }),
    ]
    for (name, damage) in damages {
      try damage()
      let tx = try s.beginRead()
      #expect(try tx.lookup(complaintsOf, key: ["张三", "noise"]).map(\.id) == ["CMP-000001", "CMP-000002"], "\(name)")
      tx.end()
      // Repaired on disk, not just answered: the next reader finds a whole bucket.
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: bucket)))
      #expect(LookupBucket.liveLines(in: bytes)?.live.count == 2, "\(name)")
    }
  }

  @Test func aMissingSignatureRebuildsTheLookup() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    try commit(s, [keyed(1, customer: "张三", category: "noise")])
    // As if a rebuild had been killed after clearing the buckets.
    try FileManager.default.removeItem(atPath: folder.path + "/index/lookups/complaint/by_customer")
    try FileManager.default.createDirectory(atPath: folder.path + "/index/lookups/complaint/by_customer", withIntermediateDirectories: true)
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000001"])
    #expect(FileManager.default.fileExists(atPath: folder.path + "/index/lookups/complaint/by_customer/signature"))
  }

  @Test func aChangedDefinitionIsNeverAnsweredFromTheOldIndex() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    try commit(
      lookupStore(folder),
      [keyed(1, customer: "张三", category: "noise"), keyed(2, customer: "李四", category: "noise")])
    // Same name, another key.
    let byCategory = LookupDefinition(name: "by_customer", workflow: "complaint", keys: [categoryField])
    var tx = try lookupStore(folder, lookups: [byCategory]).beginRead()
    #expect(try tx.lookup(byCategory, key: ["noise"]).map(\.id) == ["CMP-000001", "CMP-000002"])
    tx.end()
    // Same name and key, another workflow.
    let revisits = LookupDefinition(name: "by_customer", workflow: "revisit", keys: [customerField])
    tx = try lookupStore(folder, lookups: [revisits]).beginRead()
    #expect(try tx.lookup(revisits, key: ["张三"]).isEmpty)
    tx.end()
    // Back to the first definition: rebuilt again, not read from what the others left.
    tx = try lookupStore(folder).beginRead()
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000001"])
    tx.end()
  }

  @Test func aLookupDroppedAndDeclaredAgainDoesNotAnswerStale() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let first = keyed(1, customer: "张三", category: "noise")
    try commit(lookupStore(folder), [first])
    // Rules without the lookup: commits do not maintain its index.
    try commit(lookupStore(folder, lookups: [complaintsOf]), [rekeyed(next(first), customer: "李四", category: "noise")])
    try expectIndexAgreesWithScan(lookupStore(folder), byCustomer, keys: [["张三"], ["李四"]])
    let tx = try lookupStore(folder).beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(byCustomer, key: ["李四"]).map(\.id) == ["CMP-000001"])
  }

  @Test func aSessionThatLoadedOtherWorkflowsLeavesTheseLookupsAlone() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let revisitsOf = LookupDefinition(name: "revisits_of", workflow: "revisit", keys: [customerField])
    try commit(lookupStore(folder, lookups: [byCustomer, revisitsOf]), [keyed(1, customer: "张三", category: nil)])
    let signature = folder.path + "/index/lookups/complaint/by_customer/signature"
    #expect(FileManager.default.fileExists(atPath: signature))
    // A command that loaded only the revisit workflow (and so only its lookups) writes a revisit.
    let revisit = Instance(
      id: "REV-000001", workflow: "revisit", version: 1, digest: "sha256:rev", state: "pending",
      fields: ["customer": "张三"], createdAt: t0)
    try commit(lookupStore(folder, lookups: [revisitsOf]), [revisit])
    #expect(FileManager.default.fileExists(atPath: signature))
    let tx = try lookupStore(folder, lookups: [byCustomer, revisitsOf]).beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(revisitsOf, key: ["张三"]).map(\.id) == ["REV-000001"])
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000001"])
  }

  @Test func reindexRebuildsEveryLookupAndDropsUndeclaredOnes() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    try commit(s, [keyed(1, customer: "张三", category: "noise"), keyed(2, customer: "李四", category: nil)])
    let stray = folder.path + "/index/lookups/complaint/old_lookup"
    try FileManager.default.createDirectory(atPath: stray, withIntermediateDirectories: true)
    try Data("docket-lookup\t1\t1024\n".utf8).write(to: URL(fileURLWithPath: stray + "/signature"))
    try FileManager.default.removeItem(atPath: folder.path + "/index/lookups/complaint/complaints_of")
    #expect(try s.rebuildIndex().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: stray))
    #expect(FileManager.default.fileExists(atPath: folder.path + "/index/lookups/complaint/complaints_of/signature"))
    try expectIndexAgreesWithScan(s, complaintsOf, keys: Self.grid)
  }

  @Test func aMostlyStaleBucketIsCompactedByACommit() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder, lookups: [byCustomer])
    s.lookupCompactionBytes = 256
    var ticket = keyed(1, customer: "张三", category: "noise")
    try commit(s, [ticket])
    for _ in 0..<80 {
      ticket = next(ticket, state: "handling")
      try commit(s, [ticket])
    }
    let bucket = try [UInt8](Data(contentsOf: URL(fileURLWithPath: bucketPath(folder, s, byCustomer, ["张三"]))))
    let lines = try #require(LookupBucket.liveLines(in: bucket)?.lines)
    #expect(lines < 2 + LookupIndex.compactionSlack + 2)
    try expectIndexAgreesWithScan(s, byCustomer, keys: [["张三"]])
  }

  @Test func theInMemoryStoreAnswersAsItsScanDoes() throws {
    let memory = InMemoryInstanceStore()
    let first = keyed(1, customer: "张三", category: "noise")
    try commit(memory, [first, keyed(2, customer: "张三", category: nil)])
    try expectIndexAgreesWithScan(memory, complaintsOf, keys: Self.grid)
    try commit(memory, [rekeyed(next(first), customer: "李四", category: "noise")])
    try expectIndexAgreesWithScan(memory, complaintsOf, keys: Self.grid)
    let tx = try memory.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(complaintsOf, key: ["李四", "noise"]).map(\.id) == ["CMP-000001"])
    #expect(try tx.lookup(complaintsOf, key: ["张三", nil]).map(\.id) == ["CMP-000002"])
  }
}

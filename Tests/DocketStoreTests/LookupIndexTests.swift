import DocketModel
import DocketTestSupport
import Foundation
import Testing

@testable import DocketStore

@Suite("The lookup index")
struct LookupIndexTests {
  static let customers: [JSONValue] = ["张三", "李四", "王\t五", "e\u{301}mile", "émile", "o'neil %,:"]
  static let categories: [JSONValue] = ["noise", "hygiene", nil]

  /// Creates, key changes (within and across buckets), state changes, closes, commits of
  /// several tickets and rebuilds, at random; after each step the index, the in-memory
  /// store and a scan of every ticket give the same answers.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomWorkloadsAnswerAsTheScanDoes(seed: UInt64) throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    s.lookupBucketCount = 4  // keys share buckets, so in-bucket key changes happen too
    s.lookupCompactionBytes = 512  // and buckets are compacted often
    let memory = InMemoryInstanceStore()
    var rng = SplitMix64(state: seed)
    var tickets: [Instance] = []
    func pick(_ values: [JSONValue]) -> JSONValue { values[Int(rng.next() % UInt64(values.count))] }

    for step in 0..<160 {
      var changed: [Instance] = []
      let open = tickets.indices.filter { tickets[$0].isOpen }
      let count = rng.next() % 10 == 0 ? 3 : 1
      for _ in 0..<count {
        let roll = rng.next() % 100
        if open.isEmpty || roll < 35 {
          let ticket = keyed(tickets.count + 1, customer: pick(Self.customers), category: pick(Self.categories))
          tickets.append(ticket)
          changed.append(ticket)
          continue
        }
        let n = open[Int(rng.next() % UInt64(open.count))]
        guard !changed.contains(where: { $0.id == tickets[n].id }) else { continue }
        switch roll {
        case 35..<65:
          tickets[n] = rekeyed(next(tickets[n]), customer: pick(Self.customers), category: pick(Self.categories))
        case 65..<85: tickets[n] = next(tickets[n], state: "handling")
        default: tickets[n] = next(tickets[n], state: "closed", close: true)
        }
        changed.append(tickets[n])
      }
      try commit(s, changed)
      try commit(memory, changed)
      if rng.next() % 25 == 0 { #expect(try s.rebuildIndex().isEmpty) }
      if step % 8 == 7 {
        let grid = keyGrid([Self.customers, Self.categories])
        try expectIndexAgreesWithScan(s, complaintsOf, keys: grid)
        try expectIndexAgreesWithScan(s, byCustomer, keys: Self.customers.map { [$0] })
        try expectIndexAgreesWithScan(memory, complaintsOf, keys: grid)
        let file = try s.beginRead()
        let mem = try memory.beginRead()
        for key in grid { #expect(try file.lookup(complaintsOf, key: key) == mem.lookup(complaintsOf, key: key)) }
        file.end()
        mem.end()
      }
    }
  }

  @Test func aKeyChangeLeavesTheOldKey() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    let first = keyed(1, customer: "张三", category: "noise")
    try commit(s, [first, keyed(2, customer: "张三", category: "noise")])
    try commit(s, [rekeyed(next(first), customer: "李四", category: "noise")])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(complaintsOf, key: ["张三", "noise"]).map(\.id) == ["CMP-000002"])
    #expect(try tx.lookup(complaintsOf, key: ["李四", "noise"]).map(\.id) == ["CMP-000001"])
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000002"])
  }

  @Test func entriesCarryWhatARuleAsksAbout() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    let ticket = keyed(1, customer: "张三", category: "noise")
    try commit(s, [ticket])
    let closed = next(ticket, state: "closed", close: true)
    try commit(s, [closed])
    let tx = try s.beginRead()
    defer { tx.end() }
    let entry = try #require(try tx.lookup(complaintsOf, key: ["张三", "noise"]).first)
    #expect(entry.state == "closed")
    #expect(entry.status == .closed)
    #expect(entry.createdAt == closed.createdAt)
    #expect(entry.updatedAt == closed.updatedAt)
    #expect(entry.closedAt == closed.closedAt)
    #expect(entry.key == ["张三", "noise"])
    #expect(entry.workflow == "complaint")
  }

  @Test func chineseAndDifferentlyComposedKeysMatch() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    try commit(
      s,
      [
        keyed(1, customer: "张三", category: "noise"), keyed(2, customer: "e\u{301}mile", category: "noise"),
        keyed(3, customer: "张三丰", category: "noise"),
      ])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000001"])
    // "é" as one scalar finds the ticket written with "e" and a combining accent.
    #expect(try tx.lookup(byCustomer, key: ["émile"]).map(\.id) == ["CMP-000002"])
    #expect(try tx.lookup(byCustomer, key: ["张"]).isEmpty)
  }

  @Test func anUnsetFieldIsANullKey() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    var explicitNull = keyed(2, customer: "张三", category: "noise")
    explicitNull.fields["category"] = .null
    try commit(s, [keyed(1, customer: "张三", category: nil), explicitNull, keyed(3, customer: "张三", category: "noise")])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(complaintsOf, key: ["张三", nil]).map(\.id) == ["CMP-000001", "CMP-000002"])
    #expect(try tx.lookup(complaintsOf, key: [nil, nil]).isEmpty)
    #expect(try tx.lookup(complaintsOf, key: ["张三"]).isEmpty)  // wrong number of key values
  }

  @Test func wholeNumbersMatchWhetherWrittenAsIntOrDouble() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let byAmount = LookupDefinition(name: "by_amount", workflow: "complaint", keys: [amountField])
    let s = lookupStore(folder, lookups: [byAmount])
    var a = complaint(1)
    a.fields["amount"] = .double(3)
    var b = complaint(2)
    b.fields["amount"] = .int(3)
    var c = complaint(3)
    c.fields["amount"] = .double(3.5)
    try commit(s, [a, b, c])
    try expectIndexAgreesWithScan(s, byAmount, keys: [[.int(3)], [.double(3)], [.double(3.5)], [.int(4)]])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(byAmount, key: [.double(3)]).map(\.id) == ["CMP-000001", "CMP-000002"])
    #expect(try tx.lookup(byAmount, key: [.double(3.5)]).map(\.id) == ["CMP-000003"])
  }

  @Test func aStoreToldNoLookupsKeepsNoLookupIndex() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder, lookups: [])
    try commit(s, [keyed(1, customer: "张三", category: "noise")])
    try commit(s, [next(keyed(1, customer: "张三", category: "noise"))])
    #expect(!folder.files().contains { $0.hasPrefix("index/lookups") })
    // Asked anyway, it answers by reading the tickets.
    try expectIndexAgreesWithScan(s, complaintsOf, keys: [["张三", "noise"]])
  }

  @Test func anEmptyHomeAnswersNothingAndCreatesNothing() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = FileInstanceStore(
      directory: folder.url.appendingPathComponent("data"), timeZone: shanghai, lookups: [complaintsOf])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.lookup(complaintsOf, key: ["张三", "noise"]).isEmpty)
    #expect(folder.files().isEmpty)
  }

  @Test func aLookupInTheSameTransactionSeesItsOwnCommit() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = lookupStore(folder)
    let tx = try s.beginWrite()
    defer { tx.end() }
    #expect(try tx.lookup(byCustomer, key: ["张三"]).isEmpty)
    try tx.commit(Changeset(instances: [keyed(1, customer: "张三", category: "noise")]), pins: [])
    #expect(try tx.lookup(byCustomer, key: ["张三"]).map(\.id) == ["CMP-000001"])
  }
}

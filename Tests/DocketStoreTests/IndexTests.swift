import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("The derived index")
struct IndexTests {
  @Test func openAndClosedTicketsAreListedApart() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(2), complaint(3)])
    try commit(s, [next(complaint(2), state: "closed", close: true)])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.summaries(.open).map(\.id) == ["CMP-000001", "CMP-000003"])
    #expect(try tx.summaries(.closed).map(\.id) == ["CMP-000002"])
    #expect(try tx.summaries(.all).map(\.id) == ["CMP-000001", "CMP-000002", "CMP-000003"])
    let first = try #require(try tx.summaries(.open).first)
    #expect(first.title == "张三")
    #expect(first.user == "li.wei")
    #expect(first.nextDueAt == complaint(1).nextDueAt)
  }

  @Test func theIncrementalIndexEqualsARebuildAfterManyChanges() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    var tickets: [Instance] = (1...40).map { complaint($0, customer: "客户\t\($0):,%") }
    try commit(s, tickets)
    for round in 0..<5 {
      var changed: [Instance] = []
      for n in stride(from: round, to: 40, by: 3) where tickets[n].isOpen {
        tickets[n] = next(tickets[n], state: "handling", close: n % 7 == 0)
        changed.append(tickets[n])
      }
      try commit(s, changed)
    }
    let tx = try s.beginRead()
    let incremental = try (tx.summaries(.open), tx.summaries(.closed))
    tx.end()
    #expect(try s.rebuildIndex().isEmpty)
    let after = try s.beginRead()
    defer { after.end() }
    #expect(try after.summaries(.open) == incremental.0)
    #expect(try after.summaries(.closed) == incremental.1)
    #expect((incremental.0 + incremental.1).contains { $0.title == "客户\t1:,%" })
  }

  @Test func aMissingOrDamagedIndexRebuildsItself() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(2)])
    try FileManager.default.removeItem(atPath: folder.path + "/index")
    var tx = try s.beginRead()
    #expect(try tx.summaries(.open).count == 2)
    #expect(try tx.highestNumber(forPrefix: "CMP") == 2)
    tx.end()
    try Data("docket-index\t1\nE\tgarbage\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/index/open.log"))
    tx = try s.beginRead()
    #expect(try tx.summaries(.open).count == 2)
    tx.end()
  }

  @Test func aRebuildReportsUnreadableFilesAndNeverReusesTheirIds() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    try commit(s, [complaint(1), complaint(9)])
    try Data("not json".utf8).write(to: URL(fileURLWithPath: folder.path + "/instances/complaint/CMP-000009.json"))
    try FileManager.default.removeItem(atPath: folder.path + "/index")
    let problems = try s.rebuildIndex()
    #expect(problems.map(\.path) == ["data/instances/complaint/CMP-000009.json"])
    let tx = try s.beginRead()
    defer { tx.end() }
    #expect(try tx.summaries(.all).map(\.id) == ["CMP-000001"])
    #expect(try tx.highestNumber(forPrefix: "CMP") == 9)
  }

  @Test func aLogWithMostlyStaleLinesIsCompactedByAWriter() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.compactionSlack = 10
    var ticket = complaint(1)
    try commit(s, [ticket])
    let tx0 = try s.beginWrite()
    for _ in 0..<20 {
      _ = try tx0.load(ticket.id)
      ticket.revision += 1
      try tx0.commit(Changeset(instances: [ticket]), pins: [])
    }
    tx0.end()
    let log = folder.path + "/index/open.log"
    let before = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
    let tx = try s.beginWrite()
    #expect(try tx.summaries(.open).map(\.revision) == [21])
    tx.end()
    let after = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
    #expect(before == 22)
    #expect(after == 2)
  }

  @Test func tickKeepsTheLogCompact() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    s.compactionSlack = 10
    var ticket = complaint(1)
    try commit(s, [ticket, complaint(2)])
    let tx0 = try s.beginWrite()
    for _ in 0..<20 {
      _ = try tx0.load(ticket.id)
      ticket.revision += 1
      try tx0.commit(Changeset(instances: [ticket]), pins: [])
    }
    tx0.end()
    let tx = try s.beginWrite()
    #expect(try tx.due(at: t0 + 86_400 * 2).map(\.id) == ["CMP-000001", "CMP-000002"])
    tx.end()
    let lines = try String(contentsOfFile: folder.path + "/index/open.log", encoding: .utf8)
      .split(separator: "\n").count
    #expect(lines == 3)
  }

  @Test func indexLinesSurviveAwkwardText() {
    var summary = InstanceSummary(complaint(3), title: "a\tb\nc%d,e:f")
    summary.role = nil
    let line = IndexLine.encode(summary)
    #expect(line.filter { $0 == "\n" }.count == 1)
    #expect(IndexLine.decode(Array(line.utf8.dropLast())[...]) == .entry(summary))
  }
}

@Suite("What tick reads: due tickets from the index")
struct DueIndexTests {
  @Test func dueTicketsComeSoonestFirstAndLaterLinesWin() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let s = store(folder)
    // complaint(n) is due at t0 + 24h + n seconds.
    try commit(s, [complaint(3), complaint(1), complaint(2), complaint(4)])
    var four = next(complaint(4))
    four.deadlines["handle_24h"]?.dueAt = t0 + 10
    try commit(s, [four, next(complaint(2), close: true)])
    let tx = try s.beginRead()
    defer { tx.end() }
    let now = t0 + 86_400 + 3
    #expect(try tx.due(at: now).map(\.id) == ["CMP-000004", "CMP-000001", "CMP-000003"])
    #expect(try tx.due(at: t0).isEmpty)
    #expect(try tx.summaries(.open).map(\.id) == ["CMP-000001", "CMP-000003", "CMP-000004"])
  }

  @Test func theLatestValueWinsWhateverTheOrderOfLines() {
    var latest = LatestByID<Int>()
    for (id, value) in [("A-1", 1), ("A-3", 3), ("A-2", 2), ("A-1", 10), ("A-4", 4), ("A-2", 20)] {
      latest.set(InstanceID(id), value)
    }
    latest.set("A-3", nil)
    #expect(latest.live().map(\.id) == ["A-1", "A-2", "A-4"])
    #expect(latest.live().map(\.value) == [10, 20, 4])
  }
}

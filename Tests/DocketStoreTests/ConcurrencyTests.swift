import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("Concurrent writers take turns")
struct ConcurrencyTests {
  /// Several threads, each with its own store and so its own lock descriptor (as separate
  /// processes would have), add a history line to one ticket; none is lost.
  @Test func noUpdateIsLost() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    try commit(store(folder), [complaint(1)])
    let url = folder.url
    let failures = Collector<String>()
    let threads = 4, perThread = 25
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      let s = FileInstanceStore(directory: url, timeZone: shanghai, workflowsByPrefix: ["CMP": "complaint"])
      for _ in 0..<perThread {
        do {
          let tx = try s.beginWrite()
          defer { tx.end() }
          guard let current = try tx.load("CMP-000001") else { return failures.add("missing") }
          try tx.commit(Changeset(instances: [next(current)]), pins: [])
        } catch {
          failures.add("\(error)")
        }
      }
    }
    #expect(failures.all.isEmpty)
    let final = try #require(try load(store(folder), "CMP-000001"))
    #expect(final.revision == 1 + threads * perThread)
    #expect(final.history.map(\.seq) == Array(1...(1 + threads * perThread)))
  }

  @Test func newIdsNeverRepeat() throws {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let url = folder.url
    let created = Collector<InstanceID>()
    let failures = Collector<String>()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      let s = FileInstanceStore(directory: url, timeZone: shanghai, workflowsByPrefix: ["CMP": "complaint"])
      for _ in 0..<20 {
        do {
          let tx = try s.beginWrite()
          defer { tx.end() }
          let number = try tx.highestNumber(forPrefix: "CMP") + 1
          try tx.commit(Changeset(instances: [complaint(number)]), pins: [])
          created.add(InstanceID.make(prefix: "CMP", number: number))
        } catch {
          failures.add("\(error)")
        }
      }
    }
    #expect(failures.all.isEmpty)
    #expect(Set(created.all).count == 80)
    let tx = try store(folder).beginRead()
    defer { tx.end() }
    #expect(try tx.summaries(.open).count == 80)
    #expect(try tx.highestNumber(forPrefix: "CMP") == 80)
  }
}

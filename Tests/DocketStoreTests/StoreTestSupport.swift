import DocketModel
import Foundation
import Testing

@testable import DocketStore

/// A fresh, empty folder under the system's temporary folder, removed by `cleanUp()`.
struct ScratchFolder {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(at: url) }

  /// Every file under the folder, relative, sorted (to check nothing stray is left).
  func files() -> [String] {
    let base = url.standardizedFileURL.path
    guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
    var out: [String] = []
    while let name = e.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDir), !isDir.boolValue {
        out.append(name)
      }
    }
    return out.sorted()
  }
}

let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .current
let t0 = RFC3339.parse("2026-03-02T09:00:00+08:00") ?? Date(timeIntervalSince1970: 0)

func store(_ folder: ScratchFolder) -> FileInstanceStore {
  FileInstanceStore(
    directory: folder.url, timeZone: shanghai,
    workflowsByPrefix: ["CMP": "complaint", "REV": "revisit"],
    title: { $0.fields["customer"]?.stringValue })
}

/// A complaint ticket as the engine would create it.
func complaint(_ number: Int, revision: Int = 1, state: StateID = "received", customer: String = "张三") -> Instance {
  let id = InstanceID.make(prefix: "CMP", number: number)
  var history: [HistoryEntry] = []
  for seq in 1...revision {
    history.append(
      HistoryEntry(
        seq: seq, at: t0 + Double(seq * 60), actor: "li.wei", event: seq == 1 ? "create" : "note",
        from: seq == 1 ? nil : state, to: state, set: seq == 1 ? ["customer": .string(customer)] : [:]))
  }
  return Instance(
    id: id, workflow: "complaint", version: 1, digest: "sha256:abc", state: state,
    fields: ["customer": .string(customer), "visits": .int(0)],
    assignee: Assignee(role: "specialist", user: "li.wei"), createdAt: t0,
    updatedAt: t0 + Double(revision * 60),
    deadlines: [
      "handle_24h": DeadlineClock(startedAt: t0, dueAt: t0 + 86_400 + Double(number))
    ], history: history, revision: revision)
}

/// The next revision of a ticket, one history line longer.
func next(_ instance: Instance, state: StateID? = nil, close: Bool = false) -> Instance {
  var i = instance
  i.revision += 1
  if let state { i.state = state }
  if close {
    i.status = .closed
    i.closedAt = t0 + 3600
    i.deadlines = [:]
  }
  i.updatedAt = t0 + Double(i.revision * 60)
  i.history.append(
    HistoryEntry(seq: i.history.count + 1, at: i.updatedAt, actor: "li.wei", event: "note", from: instance.state, to: i.state))
  return i
}

/// Runs `body` in a write transaction and commits what it returns.
func commit(_ store: FileInstanceStore, _ instances: [Instance], outbox: [OutboxMessage] = [], pins: [DefinitionPin] = []) throws {
  let tx = try store.beginWrite()
  defer { tx.end() }
  for i in instances where i.revision > 1 { _ = try tx.load(i.id) }
  try tx.commit(Changeset(instances: instances, outbox: outbox), pins: pins)
}

func load(_ store: FileInstanceStore, _ id: InstanceID) throws -> Instance? {
  let tx = try store.beginRead()
  defer { tx.end() }
  return try tx.load(id)
}

/// A thread-safe counter/collector for concurrency tests.
final class Collector<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [T] = []
  func add(_ item: T) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var all: [T] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

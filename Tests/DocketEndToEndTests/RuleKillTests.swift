import DocketTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 4 item 3: `docket` commands that set off rules (starting linked tickets, reopening
/// parents, flagging repeats through a lookup, notifying) are killed with SIGKILL at random
/// points; the next command recovers the store's journal, and then no command may have
/// landed in part.
@Suite("Killing rule-heavy commands")
struct RuleKillTests {

  static let kills = 24
  static let customers = ["张三", "李四", "张三"]

  @Test("every link has both ends and every command landed whole or not at all")
  func killedCommandsLandWholeOrNotAtAll() throws {
    let home = try RuleHome.make()
    // Seeded, so every run kills at the same offsets.
    var random = SplitMix64(state: 20_260_302)
    // Uninterrupted runs first: the home has tickets in every state, and their time sets
    // the range the kills are spread over (most of a run is start-up; the commit is last).
    var durations: [Double] = []
    for arguments in [
      ["new", "case", "--set", "customer=张三"], ["new", "case", "--set", "customer=李四"],
      ["advance", "CAS-000001", "close"], ["new", "case", "--set", "customer=张三"],
    ] {
      let started = Date()
      let result = try home.docket(arguments, as: "li.wei")
      durations.append(Date().timeIntervalSince(started))
      #expect(result.status == 0, "\(result)")
    }
    let typical = durations.sorted()[durations.count / 2]
    // On the machine this was written on, about half the commands finished and one in five
    // was killed inside its commit (leaving a journal to recover); the checks below hold
    // whatever the timing, so the test does not depend on it.
    for n in 0..<Self.kills {
      let arguments = Self.nextCommand(in: home, step: n, random: &random)
      let delay = Double.random(in: 0.3 * typical...1.1 * typical, using: &random)
      try Self.runAndKill(arguments, home: home, after: delay)
    }
    // Any command takes the lock first and so recovers an interrupted commit.
    let recovery = try home.docket("tick", as: "li.wei")
    #expect(recovery.status == 0, "\(recovery)")
    #expect(Self.logIsFullyApplied(home), "the write-ahead log still holds commits to apply")
    try Self.checkWhole(home)
    // The index agrees with the files: every ticket listed once, in its state.
    let listed = try #require(try home.docket("list", "--all", "--json").json?["tickets"] as? [[String: Any]])
    let files = Self.allTickets(home)
    #expect(listed.compactMap { $0["id"] as? String }.sorted() == files.keys.sorted())
    for row in listed {
      guard let id = row["id"] as? String else { continue }
      #expect(row["state"] as? String == files[id]?.state, "\(id) listed in another state than its file")
    }
    // The store is still usable afterwards.
    let made = try home.docket("new", "case", "--set", "customer=王五", as: "li.wei")
    #expect(made.status == 0, "\(made)")
    try Self.checkWhole(home)
  }

  /// Whether `data/wal/applied` says this boot applied the whole of `data/wal/log`
  /// (docs/storage.md): nothing a killed command committed is left waiting.
  static func logIsFullyApplied(_ home: TemporaryHome) -> Bool {
    let wal = home.data.path + "/wal"
    guard let marker = FileManager.default.contents(atPath: wal + "/applied"),
      let line = String(decoding: marker, as: UTF8.self).split(separator: "\n").first,
      let logSize = (try? FileManager.default.attributesOfItem(atPath: wal + "/log"))?[.size] as? Int
    else { return false }
    let parts = line.split(separator: "\t")
    guard parts.count == 3, parts[0] == "docket-wal 1", Int(parts[2]) == logSize else { return false }
    #if os(Linux)
      // Applied in this boot, not vouched for by a marker a reboot made stale.
      guard let boot = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return false }
      return String(decoding: boot, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == parts[1]
    #else
      return true
    #endif
  }

  /// The next command: close an open case (starts a visit), fail a pending visit (reopens
  /// its parent), or create a case (maybe a repeat, found through the lookup).
  static func nextCommand(in home: TemporaryHome, step: Int, random: inout SplitMix64) -> [String] {
    let tickets = allTickets(home)
    let openCases = tickets.values.filter { $0.workflow == "case" && $0.state == "open" }.map(\.id).sorted()
    let pendingVisits = tickets.values.filter { $0.workflow == "visit" && $0.state == "pending" }.map(\.id).sorted()
    switch step % 3 {
    case 0 where !openCases.isEmpty:
      return ["advance", openCases[Int.random(in: 0..<openCases.count, using: &random)], "close"]
    case 1 where !pendingVisits.isEmpty:
      return ["advance", pendingVisits[Int.random(in: 0..<pendingVisits.count, using: &random)], "unsatisfied"]
    default:
      return ["new", "case", "--set", "customer=\(customers[step % customers.count])"]
    }
  }

  /// Starts `docket`, kills it after `delay` seconds unless it finished; true if it finished.
  @discardableResult
  static func runAndKill(_ arguments: [String], home: TemporaryHome, after delay: Double) throws -> Bool {
    var env = RunDocket.baseEnvironment()
    env["DOCKET_HOME"] = home.path
    env["DOCKET_USER"] = "li.wei"
    env["DOCKET_NOW"] = TaskHome.morning
    let process = Process()
    process.executableURL = try RunDocket.binary()
    process.arguments = arguments
    process.environment = env
    process.currentDirectoryURL = home.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(delay * 1_000_000))
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationReason == .exit
  }

  struct Ticket {
    var id: String
    var workflow: String
    var state: String
    var parent: String?
    var children: [String]
    var history: [[String: Any]]
    var fields: [String: Any]
  }

  static func allTickets(_ home: TemporaryHome) -> [String: Ticket] {
    var out: [String: Ticket] = [:]
    for workflow in ["case", "visit"] {
      let folder = home.data.path + "/instances/" + workflow
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name),
          let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let id = o["id"] as? String
        else { continue }
        let links = o["links"] as? [String: Any]
        out[id] = Ticket(
          id: id, workflow: workflow, state: o["state"] as? String ?? "",
          parent: links?["parent"] as? String, children: links?["children"] as? [String] ?? [],
          history: o["history"] as? [[String: Any]] ?? [], fields: o["fields"] as? [String: Any] ?? [:])
      }
    }
    return out
  }

  /// The invariants of whole commands, read off the files.
  static func checkWhole(_ home: TemporaryHome, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let tickets = allTickets(home)
    #expect(!tickets.isEmpty, sourceLocation: sourceLocation)
    for t in tickets.values {
      // Links have both ends.
      if let parent = t.parent {
        #expect(tickets[parent]?.children.contains(t.id) == true, "\(t.id)'s parent \(parent) does not list it", sourceLocation: sourceLocation)
      }
      for child in t.children {
        #expect(tickets[child]?.parent == t.id, "\(t.id) lists \(child), which does not point back", sourceLocation: sourceLocation)
      }
      let events = t.history.map { $0["event"] as? String ?? "" }
      if t.workflow == "case" {
        // Each close started exactly one visit: a child exists iff its triggering entry does.
        #expect(events.filter { $0 == "close" }.count == t.children.count, "\(t.id): closes \(events) vs children \(t.children)", sourceLocation: sourceLocation)
        // Each rule-made reopen matches a failed child.
        let reopens = t.history.filter { $0["event"] as? String == "reopen" && $0["rule"] as? String == "unsatisfied-reopens-case" }.count
        let failed = t.children.filter { tickets[$0]?.state == "failed" }.count
        #expect(reopens == failed, "\(t.id): \(reopens) reopens, \(failed) failed visits", sourceLocation: sourceLocation)
      } else {
        #expect(t.parent != nil, "\(t.id) was started by no case", sourceLocation: sourceLocation)
        #expect(t.history.first?["rule"] as? String == "closed-case-gets-visit", sourceLocation: sourceLocation)
        // The visit's own created rule landed with it.
        #expect(t.fields["noted"] as? Bool == true, "\(t.id) lacks its created rule's set", sourceLocation: sourceLocation)
      }
    }
    // The outbox and the repeat marks were written together.
    let outbox = home.read("data/outbox.jsonl") ?? ""
    let lines = outbox.split(separator: "\n")
    #expect(outbox.isEmpty || outbox.hasSuffix("\n"), "a half-written outbox line", sourceLocation: sourceLocation)
    for t in tickets.values where t.workflow == "case" {
      let flagged = t.fields["repeat"] as? Bool == true
      let told = lines.filter { $0.contains("重复投诉 \(t.id)（") }.count
      #expect(told == (flagged ? 1 : 0), "\(t.id): repeat \(flagged), \(told) outbox lines", sourceLocation: sourceLocation)
    }
  }
}

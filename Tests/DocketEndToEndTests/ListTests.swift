import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

/// `docket list`: filters, and a table that stays aligned with Chinese text.
@Suite("docket list")
struct ListTests {
  @Test("columns line up in terminal cells when cells mix Chinese and Latin text")
  func chineseAlignment() throws {
    let home = try TaskHome.make()
    _ = try home.newTask("printer")
    _ = try home.newTask("三楼会议室的投影仪无法连接任何笔记本电脑")
    try home.docket("assign", "TSK-000002", "--to", "cat", as: "ann")
    let result = try home.docket("list")
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("ID") || $0.hasPrefix("TSK-")
    }
    #expect(lines.count == 3, "\(result)")
    // The cell width at which each column starts must be the same on every line.
    for title in ["WORKFLOW", "STATE", "OWNER", "DUE", "SUMMARY"] {
      guard let header = lines.first, let range = header.range(of: title) else {
        Issue.record("no \(title) column: \(result)")
        continue
      }
      let start = DisplayWidth.of(header[..<range.lowerBound])
      for line in lines.dropFirst() {
        let prefix = String(line.unicodeScalars.reduce(into: (String.UnicodeScalarView(), 0)) { acc, s in
          if acc.1 < start { acc.0.append(s); acc.1 += DisplayWidth.of(s) }
        }.0)
        #expect(DisplayWidth.of(prefix) == start, "column \(title) misaligned in: \(line)")
        let rest = line.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        #expect(rest.first != " ", "column \(title) does not start at cell \(start): \(line)")
      }
    }
    #expect(result.stdout.contains("…"), "a long summary is cut: \(result)")
  }

  @Test("filters by workflow, state, assignee, status and overdue")
  func filters() throws {
    let home = try TaskHome.make()
    let a = try home.newTask("a")
    let b = try home.newTask("b")
    try home.docket("advance", b, "start", as: "ann")
    try home.docket("assign", a, "--to", "cat", as: "ann")
    func ids(_ args: String..., now: String = TaskHome.morning) throws -> [String] {
      let r = try home.docket(args + ["--json"], now: now)
      return (r.json?["tickets"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }
    #expect(try ids("list") == [a, b])
    #expect(try ids("list", "--state", "doing") == [b])
    #expect(try ids("list", "--assignee", "cat") == [a])
    #expect(try ids("list", "--workflow", "task").count == 2)
    #expect(try ids("list", "--closed").isEmpty)
    #expect(try ids("list", "--overdue").isEmpty)
    #expect(try ids("list", "--overdue", now: "2026-03-02T12:00:00+08:00") == [a])
    try home.docket("advance", b, "finish", "--set", "answer=ok", as: "ann")
    #expect(try ids("list", "--closed") == [b])
    #expect(try ids("list", "--all") == [a, b])
  }

  @Test("an unknown --workflow or --assignee is exit 2 with its code")
  func unknownFilters() throws {
    let home = try TaskHome.make()
    #expect(try home.docket("list", "--workflow", "nope", "--json").errorCode == "unknown_workflow")
    let user = try home.docket("list", "--assignee", "nobody", "--json")
    #expect(user.status == 2)
    #expect(user.errorCode == "unknown_user")
  }
}

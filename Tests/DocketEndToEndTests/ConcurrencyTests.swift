import DocketTestSupport
import Foundation
import Testing

/// Several `docket` processes on one store at once: no lost update, no repeated id.
@Suite("Concurrent processes")
struct ConcurrencyTests {
  @Test("4 processes advancing one ticket 100 times in all lose no update")
  func noLostUpdate() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    // A command that loses a race may be refused with `conflict` (exit 4); the worker then
    // retries, as a script would. Every success must be in the history.
    let worker = """
      ok=0; tries=0
      while [ $ok -lt 25 ] && [ $tries -lt 500 ]; do
        tries=$((tries + 1))
        if "$DOCKET" advance \(id) bump --as ann >/dev/null 2>>"$DOCKET_HOME/errors.log"; then
          ok=$((ok + 1))
        fi
      done
      [ $ok -eq 25 ]
      """
    let statuses = try RunDocket.concurrently(
      Array(repeating: worker, count: 4), home: home, environment: ["DOCKET_NOW": TaskHome.morning])
    #expect(statuses == [0, 0, 0, 0], "errors: \(home.read("errors.log") ?? "")")
    let json = try #require(try home.docket("show", id, "--json").json)
    #expect((json["history"] as? [Any])?.count == 101)
    #expect((json["fields"] as? [String: Any])?["count"] as? Int == 100)
    #expect(json["revision"] as? Int == 101)
  }

  @Test("ids never repeat when 4 processes create tickets at once")
  func uniqueIDs() throws {
    let home = try TaskHome.make()
    let worker = """
      i=0
      while [ $i -lt 10 ]; do
        i=$((i + 1))
        "$DOCKET" new task --set title=t --as ann >>"$DOCKET_HOME/ids.$$" 2>>"$DOCKET_HOME/errors.log" || exit 1
      done
      """
    let statuses = try RunDocket.concurrently(
      Array(repeating: worker, count: 4), home: home, environment: ["DOCKET_NOW": TaskHome.morning])
    #expect(statuses == [0, 0, 0, 0], "errors: \(home.read("errors.log") ?? "")")
    let files = try FileManager.default.contentsOfDirectory(atPath: home.path).filter {
      $0.hasPrefix("ids.")
    }
    let ids = files.flatMap { (home.read($0) ?? "").split(separator: "\n").map(String.init) }
    #expect(ids.count == 40)
    #expect(Set(ids).count == 40, "repeated ids: \(ids.sorted())")
    let listed = try home.docket("list", "--json").json?["tickets"] as? [Any]
    #expect(listed?.count == 40)
  }
}

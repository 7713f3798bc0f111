import DocketTestSupport
import Foundation
import Testing

/// `docket eval`: CEL values in text and in the typed JSON encoding; failures are eval_error.
@Suite("docket eval")
struct EvalTests {
  @Test("--json prints the CEL typed encoding of the value")
  func typedEncoding() throws {
    let result = try RunDocket.run(["eval", "1 + 2", "--json"])
    #expect(result.status == 0, "\(result)")
    let value = result.json?["value"] as? [String: Any]
    #expect(value?["int"] as? String == "3", "\(result)")
  }

  @Test("--var binds JSON values; integers stay int")
  func variables() throws {
    let result = try RunDocket.run([
      "eval", "tags.size() + n", "--var", #"tags=["a","b"]"#, "--var", "n=3",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "5\n")
  }

  @Test("now is --now, as a timestamp")
  func nowIsTheGivenTime() throws {
    let result = try RunDocket.run([
      "eval", "now", "--now", "2026-03-02T09:00:00+08:00", "--json",
    ])
    let value = result.json?["value"] as? [String: Any]
    #expect(value?["timestamp"] as? String == "2026-03-02T01:00:00Z", "\(result)")
  }

  @Test("a runtime error is eval_error with exit 1")
  func runtimeError() throws {
    let result = try RunDocket.run(["eval", "1 / 0", "--json"])
    #expect(result.status == 1, "\(result)")
    #expect(result.errorCode == "eval_error")
  }

  @Test("a syntax error is eval_error with exit 1 and points at the column")
  func syntaxError() throws {
    let result = try RunDocket.run(["eval", "1 +"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("eval_error"))
    #expect(result.stderr.contains("^"))
  }

  @Test("--var with text that is not JSON is a usage error")
  func badVariable() throws {
    let result = try RunDocket.run(["eval", "x", "--var", "x=not json", "--json"])
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "usage")
  }
}

/// `docket eval --id`: the expression sees the ticket as a guard would.
@Suite("docket eval on a ticket")
struct EvalOnTicketTests {
  @Test("fields, instance and now are bound as in a guard")
  func ticketScope() throws {
    let home = try TaskHome.make()
    let id = try home.newTask("打印机")
    let result = try home.docket(
      "eval", #"title + ":" + instance.state + ":" + string(count + 1)"#, "--id", id)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "\"打印机:open:1\"\n")
    let typed = try home.docket("eval", "now - instance.created_at", "--id", id, "--json",
      now: "2026-03-02T10:00:00+08:00")
    #expect((typed.json?["value"] as? [String: Any])?["duration"] as? String == "3600s", "\(typed)")
  }

  @Test("a field used with the wrong type is eval_error, as it would fail to load in a guard")
  func typeErrorAgainstFields() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let result = try home.docket("eval", "count + \"x\"", "--id", id, "--json")
    #expect(result.status == 1, "\(result)")
    #expect(result.errorCode == "eval_error")
  }

  @Test("--id with an unknown ticket is unknown_id")
  func unknownTicket() throws {
    let home = try TaskHome.make()
    let result = try home.docket("eval", "1", "--id", "TSK-000042", "--json")
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "unknown_id")
  }
}

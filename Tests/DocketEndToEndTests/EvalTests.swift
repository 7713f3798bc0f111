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

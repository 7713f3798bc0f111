import DocketTestSupport
import Foundation
import Testing

/// `docket validate` and the definition check every command does first.
@Suite("Validation")
struct ValidateTests {
  @Test("a valid home validates with exit 0")
  func validHome() throws {
    let home = try TaskHome.make()
    let result = try home.docket("validate")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("ok"))
    #expect(try home.docket("validate", "--json").json?["ok"] as? Bool == true)
  }

  @Test("the bundled home validates, and the summary counts what was checked")
  func bundledHome() throws {
    let home = try TemporaryHome.bundled()
    let result = try home.docket("validate")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("ok: 5 workflows, 9 staff, 9 rules, 2 lookups, 1 calendar, "), "\(result.stdout)")
    let json = try home.docket("validate", "--json").json
    #expect((json?["rules"] as? [String])?.contains("repeat-complaint") == true)
    #expect(json?["lookups"] as? [String] == ["complaints_of", "repairs_of"])
    #expect(json?["calendars"] as? [String] == ["china-2026"])
  }

  @Test("the example homes from other domains validate", arguments: ["helpdesk", "leave"])
  func exampleHomes(name: String) throws {
    let home = try TemporaryHome.example(name)
    let result = try home.docket("validate")
    #expect(result.status == 0, "\(result)")
  }

  @Test("an error points at file:line:col and exits 3")
  func unknownStateIsReported() throws {
    let home = try TaskHome.make()
    try home.write(
      "workflows/task.yaml",
      TaskHome.workflow.replacingOccurrences(of: "start:   { to: doing", with: "start:   { to: doign"))
    let result = try home.docket("validate")
    #expect(result.status == 3, "\(result)")
    let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.hasPrefix("workflows/task.yaml:"), "\(result)")
    #expect(first.contains(": error: "), "\(result)")
    #expect(first.contains("doign"))
    #expect(first.contains("(did you mean 'doing'?)"), "\(result)")
    #expect(result.stderr.contains("^"), "context lines with a caret: \(result)")
  }

  @Test("a mistake in a fixture file fails validate with its file:line:col")
  func fixtureMistakeIsReported() throws {
    let home = try TemporaryHome.bundled()
    try home.write(
      "rules/fixtures/zz_typo.yaml",
      """
      name: 拼写错误
      workflow: complaint
      start: 2026-03-02T09:00:00+08:00
      steps:
        - new: { as: li.wei, ref: c1, fields: { customer: 张三, category: noise, description: 噪音 } }
        - advance: { ref: c1, event: acept, as: li.wei }
      """)
    let result = try home.docket("validate")
    #expect(result.status == 3, "\(result)")
    #expect(
      result.stderr.hasPrefix(
        "rules/fixtures/zz_typo.yaml:6:32: error: workflow 'complaint' has no event 'acept' (did you mean 'accept'?)"),
      "\(result)")
  }

  @Test("with --json invalid definitions are the invalid_definition envelope with diagnostics")
  func invalidDefinitionEnvelope() throws {
    let home = try TaskHome.make()
    try home.write("workflows/task.yaml", TaskHome.workflow.replacingOccurrences(of: "initial: open", with: "initial: opne"))
    let result = try home.docket("validate", "--json")
    #expect(result.status == 3, "\(result)")
    #expect(result.errorCode == "invalid_definition")
    let diagnostics = (result.json?["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    #expect(diagnostics?.first?["file"] as? String == "workflows/task.yaml", "\(result)")
    #expect(diagnostics?.first?["line"] as? Int != nil)
  }

  @Test("every command validates first: a broken home stops `new` with exit 3")
  func commandsValidateFirst() throws {
    let home = try TaskHome.make()
    try home.write("workflows/broken.yaml", "workflow: broken\nstates: [\n")
    let result = try home.docket("new", "task", "--set", "title=x", as: "ann")
    #expect(result.status == 3, "\(result)")
    #expect(result.stderr.contains("workflows/broken.yaml:"))
    #expect(!FileManager.default.fileExists(atPath: home.data.path + "/instances/task/TSK-000001.json"))
  }
}

import DocketTestSupport
import Foundation
import Testing

/// `docket test` through the built binary.
@Suite("docket test end to end")
struct DocketTestCommandTests {
  @Test("the root home's fixtures all pass and take at least 90% of its transitions")
  func rootHomeFixturesPass() throws {
    let home = try TemporaryHome.bundled()
    let result = try RunDocket.run(["test"], home: home)
    #expect(result.status == 0, "\(result)")
    let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasSuffix(" passed, 0 failed"), "\(result)")
    #expect(!last.hasPrefix("0 passed"))
    #expect(!FileManager.default.fileExists(atPath: home.data.path))
    let covered = try RunDocket.run(["test", "--min-coverage", "90"], home: home)
    #expect(covered.status == 0, "\(covered)")
  }

  @Test("a failing fixture exits 1 and names the file:line:col of the failing expect")
  func failingFixtureExitsOne() throws {
    let home = try ScenarioHome.make(fixtures: [
      "fail.yaml": """
        name: 状态不对
        workflow: ticket
        start: 2026-03-02T09:00:00+08:00
        steps:
          - new: { as: li.wei, fields: { customer: 张三 } }
            expect: { state: done }
        """
    ])
    let junit = home.url.appendingPathComponent("junit.xml")
    let result = try RunDocket.run(["test", "--junit", junit.path], home: home)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.contains("FAIL 状态不对"))
    #expect(result.stdout.contains("rules/fixtures/fail.yaml:6:15: step 1 (new ticket)"))
    #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"))
    #expect(FileManager.default.fileExists(atPath: junit.path))
  }

  @Test("--json gives one document with every fixture; a mistake in a fixture exits 3")
  func jsonAndInvalidFixture() throws {
    let home = try ScenarioHome.make(fixtures: [
      "bad.yaml": "name: 错\nworkflow: tikcet\nstart: 2026-03-02T09:00:00+08:00\nsteps: []\n"
    ])
    let invalid = try RunDocket.run(["test"], home: home)
    #expect(invalid.status == 3)
    #expect(invalid.stderr.contains("rules/fixtures/bad.yaml:2:11: error: the home has no workflow 'tikcet'"))
    try home.write("rules/fixtures/bad.yaml", "name: 空\nworkflow: ticket\nstart: 2026-03-02T09:00:00+08:00\nsteps: []\n")
    let json = try RunDocket.run(["test", "--json"], home: home)
    #expect(json.status == 0)
    #expect(json.json?["passed"] as? Int == 1)
  }

  @Test("--min-coverage fails a run whose fixtures take too few transitions")
  func minimumCoverage() throws {
    let home = try ScenarioHome.make(fixtures: [
      "only_new.yaml": """
        name: 只建单
        workflow: ticket
        start: 2026-03-02T09:00:00+08:00
        steps:
          - new: { as: li.wei, fields: { customer: 张三 } }
        """
    ])
    let result = try RunDocket.run(["test", "--min-coverage", "90"], home: home)
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.contains("transitions never taken: open --reply-->"))
    #expect(result.stdout.hasSuffix("1 passed, 0 failed\n"))
  }
}

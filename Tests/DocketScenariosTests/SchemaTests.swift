import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

@testable import DocketDSL
@testable import DocketScenarios

/// `docket schema`: one Swift description of every key, fed by the decoders' key lists.
@Suite("JSON Schemas of the definition files")
struct SchemaTests {
  static let root = TemporaryHome.repositoryRoot

  @Test("every key a decoder accepts is described, and nothing else")
  func schemasMatchTheDecoders() {
    #expect(HomeSchemas.all.flatMap(\.gaps) == [])
    let described = Set(HomeSchemas.all.flatMap(\.keyLists))
    let decoders: [(String, [String])] = [
      ("workflow", WorkflowDecoder.keys), ("field", WorkflowDecoder.fieldKeys),
      ("state", StateDecoder.stateKeys), ("transition", StateDecoder.transitionKeys),
      ("branch", StateDecoder.branchKeys), ("guard", StateDecoder.guardKeys),
      ("workflow deadline", DeadlineDecoder.workflowKeys), ("state deadline", DeadlineDecoder.stateKeys),
      ("warn", DeadlineDecoder.warnKeys), ("action", ActionDecoder.keys),
      ("staff file", StaffDecoder.fileKeys), ("staff member", StaffDecoder.memberKeys),
      ("settings", SettingsDecoder.keys), ("calendar", CalendarDecoder.keys),
      ("holiday", CalendarDecoder.holidayKeys), ("make-up day", CalendarDecoder.workdayKeys),
      ("half day", CalendarDecoder.halfDayKeys),
      ("rules file", RuleDecoder.fileKeys), ("rule", RuleDecoder.ruleKeys),
      ("lookup", LookupDecoder.keys), ("rule action", ActionDecoder.ruleKeys),
      ("fixture", FixtureDecoder.fixtureKeys), ("step", FixtureDecoder.stepKeys),
      ("new", FixtureDecoder.newKeys), ("advance", FixtureDecoder.advanceKeys),
      ("assign", FixtureDecoder.assignKeys), ("expect", FixtureDecoder.expectKeys),
      ("assignee", FixtureDecoder.assigneeKeys), ("child", FixtureDecoder.childKeys),
      ("outbox line", FixtureDecoder.outboxKeys), ("history entry", FixtureDecoder.historyKeys),
      ("expected deadline", FixtureDecoder.deadlineKeys), ("expected error", FixtureDecoder.errorKeys),
    ]
    for (what, keys) in decoders {
      #expect(described.contains(keys), "the \(what) keys \(keys) are in no schema")
    }
  }

  @Test("the committed schemas/ are what docket schema writes", arguments: HomeSchemas.all.map(\.name))
  func committedSchemasAreCurrent(_ name: String) throws {
    let document = try #require(HomeSchemas.all.first { $0.name == name })
    let file = Self.root.appendingPathComponent("schemas/\(document.fileName)")
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(
      committed == SchemaRenderer.render(document),
      "schemas/\(document.fileName) is stale: run `docket schema --out schemas` at the repository root")
  }

  /// Every bundled YAML file: the root home's and the examples'.
  static func bundledFiles() -> [String] {
    let manager = FileManager.default
    var files: [String] = []
    for folder in ["workflows", "calendars", "rules", "rules/fixtures"] {
      let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      files += names.filter { $0.hasSuffix(".yaml") }.map { "\(folder)/\($0)" }
    }
    files += ["staff.yaml", "docket.yaml"]
    let examples = manager.enumerator(atPath: root.appendingPathComponent("examples").path)
    while let path = examples?.nextObject() as? String {
      if path.hasSuffix(".yaml") { files.append("examples/\(path)") }
    }
    return files.sorted().map { root.appendingPathComponent($0).path }
  }

  @Test("every bundled YAML file names its schema and passes an independent validator")
  func bundledFilesMatchTheirSchemas() throws {
    let files = Self.bundledFiles()
    #expect(files.count >= 30)
    let result = try SchemaChecker.check(files)
    #expect(
      result.status == 0,
      "\(result.output)\nA new bundled file needs its first line: run python3 Scripts/add-schema-comments.py")
    let passed = result.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }
    #expect(passed.count == files.count, "\(result.output)")
  }
}

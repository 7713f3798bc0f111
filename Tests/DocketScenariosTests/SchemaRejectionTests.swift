import DocketDSL
import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

@testable import DocketScenarios

/// The schemas reject the shape mistakes `docket validate` rejects: for each sample, Docket
/// reports the diagnostic and the independent validator refuses the file too.
@Suite("Schemas reject what validate rejects")
struct SchemaRejectionTests {
  static let workflow = """
    workflow: task
    version: 1
    prefix: TSK
    roles: { worker: 员工 }
    fields:
      size: { type: int, default: 1 }
    initial: todo
    states:
      todo:
        label: 待办
        deadline: { within: 1d, breach: [ { notify: [worker], message: 超时 } ] }
        on:
          start: { to: done, by: [worker], note: optional }
      done: { final: true }
    """

  static let staff = """
    staff:
      li.wei: { name: 李伟, roles: [worker] }
    """

  static let fixture = """
    name: 示例
    workflow: task
    start: 2026-03-02T09:00:00+08:00
    steps:
      - new: { as: li.wei, ref: t1 }
        expect: { state: todo }
    """

  static let rules = """
    rules:
      - id: tell-worker
        on: created
        workflow: task
        then:
          - notify: [worker]
            message: 新任务
    """

  static let calendar = """
    calendar: office
    timezone: Asia/Shanghai
    week:
      mon-fri: [09:00-12:00, 13:00-18:00]
    """

  struct Sample: Sendable, CustomTestStringConvertible {
    var name: String
    /// workflow, rule, staff, settings, calendar or fixture.
    var kind: String
    var text: String
    /// The id `docket validate` reports.
    var diagnostic: String
    /// Part of the validator's message.
    var schemaSays: String
    var testDescription: String { name }
  }

  /// `text` with `old` replaced; a sample whose `old` is not there stays valid, so its
  /// "validate refuses it" expectation fails and names it.
  static func mutate(_ text: String, _ old: String, _ new: String) -> String {
    text.replacingOccurrences(of: old, with: new)
  }

  static let samples: [Sample] = [
    Sample(
      name: "unknown key in a state", kind: "workflow",
      text: mutate(workflow, "    label: 待办", "    labl: 待办"), diagnostic: "unknown_key",
      schemaSays: "'labl' was unexpected"),
    Sample(
      name: "wrong type: version", kind: "workflow", text: mutate(workflow, "version: 1", "version: one"),
      diagnostic: "wrong_type", schemaSays: "'one' is not of type 'integer'"),
    Sample(
      name: "wrong type: by is not a list", kind: "workflow",
      text: mutate(workflow, "by: [worker]", "by: worker"), diagnostic: "wrong_type",
      schemaSays: "'worker' is not of type 'array'"),
    Sample(
      name: "missing key: prefix", kind: "workflow", text: mutate(workflow, "prefix: TSK\n", ""),
      diagnostic: "missing_key", schemaSays: "'prefix' is a required property"),
    Sample(
      name: "bad enum: note", kind: "workflow", text: mutate(workflow, "note: optional", "note: mandatory"),
      diagnostic: "invalid_note", schemaSays: "'mandatory' is not one of ['required', 'optional']"),
    Sample(
      name: "bad enum: field type", kind: "workflow", text: mutate(workflow, "type: int", "type: integer"),
      diagnostic: "unknown_field_type", schemaSays: "'integer' is not one of"),
    Sample(
      name: "an action with two kinds", kind: "workflow",
      text: mutate(workflow, "{ notify: [worker], message: 超时 }", "{ notify: [worker], assign: worker }"),
      diagnostic: "invalid_action", schemaSays: "is valid under each of"),
    Sample(
      name: "missing key: a member's roles", kind: "staff",
      text: mutate(staff, "{ name: 李伟, roles: [worker] }", "{ name: 李伟 }"), diagnostic: "missing_key",
      schemaSays: "'roles' is a required property"),
    Sample(
      name: "out of range: rule_depth_limit", kind: "settings", text: "rule_depth_limit: 0\n",
      diagnostic: "wrong_type", schemaSays: "0 is less than the minimum of 1"),
    Sample(
      name: "bad enum: a rule's trigger", kind: "rule", text: mutate(rules, "on: created", "on: changed"),
      diagnostic: "unknown_trigger", schemaSays: "'changed' is not one of"),
    Sample(
      name: "unknown key in a rule", kind: "rule", text: mutate(rules, "workflow: task", "workflw: task"),
      diagnostic: "unknown_key", schemaSays: "'workflw' was unexpected"),
    Sample(
      name: "missing key: a calendar's week", kind: "calendar",
      text: mutate(calendar, "week:\n  mon-fri: [09:00-12:00, 13:00-18:00]", ""), diagnostic: "missing_key",
      schemaSays: "'week' is a required property"),
    Sample(
      name: "a malformed working interval", kind: "calendar",
      text: mutate(calendar, "13:00-18:00", "13:00~18:00"), diagnostic: "invalid_interval",
      schemaSays: "does not match"),
    Sample(
      name: "unknown key in a fixture step", kind: "fixture",
      text: mutate(fixture, "    expect:", "    expct:"), diagnostic: "unknown_key",
      schemaSays: "'expct' was unexpected"),
    Sample(
      name: "bad enum: expected status", kind: "fixture",
      text: mutate(fixture, "{ state: todo }", "{ status: done }"), diagnostic: "invalid_value",
      schemaSays: "'done' is not one of ['open', 'closed']"),
  ]

  /// The ids Docket reports for `sample`, loaded as part of a small home.
  static func docketDiagnostics(_ sample: Sample) throws -> [String] {
    let home = try TemporaryHome()
    try home.write("workflows/task.yaml", sample.kind == "workflow" ? sample.text : workflow)
    try home.write("staff.yaml", sample.kind == "staff" ? sample.text : staff)
    if sample.kind == "settings" { try home.write("docket.yaml", sample.text) }
    if sample.kind == "rule" { try home.write("rules/task.yaml", sample.text) }
    if sample.kind == "calendar" { try home.write("calendars/office.yaml", sample.text) }
    let loaded = try HomeLoader.load(home: home.url)
    guard sample.kind == "fixture" else { return loaded.diagnostics.errors.map(\.id) }
    let decoded = FixtureSuite.decode([("rules/fixtures/a.yaml", sample.text)], home: loaded.home)
    return decoded.diagnostics.errors.map(\.id)
  }

  @Test("validate and the schema both refuse the sample", arguments: samples)
  func bothRefuse(_ sample: Sample) throws {
    #expect(try Self.docketDiagnostics(sample).contains(sample.diagnostic))
    let schema = TemporaryHome.repositoryRoot
      .appendingPathComponent("schemas/\(sample.kind).schema.json").path
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-schema-sample-\(UUID().uuidString).yaml")
    try Data("# yaml-language-server: $schema=\(schema)\n\(sample.text)\n".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try SchemaChecker.check([file.path])
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains(sample.schemaSays), "\(result.output)")
  }

  @Test("the unmodified samples are valid for both")
  func unmodifiedSamplesPass() throws {
    let base = Sample(name: "base", kind: "workflow", text: Self.workflow, diagnostic: "", schemaSays: "")
    #expect(try Self.docketDiagnostics(base) == [])
    #expect(try Self.docketDiagnostics(Sample(name: "", kind: "rule", text: Self.rules, diagnostic: "", schemaSays: "")) == [])
    #expect(try Self.docketDiagnostics(Sample(name: "", kind: "calendar", text: Self.calendar, diagnostic: "", schemaSays: "")) == [])
    #expect(try Self.docketDiagnostics(Sample(name: "", kind: "fixture", text: Self.fixture, diagnostic: "", schemaSays: "")) == [])
    var files: [URL] = []
    let bases = [
      ("workflow", Self.workflow), ("staff", Self.staff), ("fixture", Self.fixture),
      ("rule", Self.rules), ("calendar", Self.calendar),
    ]
    for (kind, text) in bases {
      let schema = TemporaryHome.repositoryRoot.appendingPathComponent("schemas/\(kind).schema.json").path
      let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("docket-schema-base-\(UUID().uuidString).yaml")
      try Data("# yaml-language-server: $schema=\(schema)\n\(text)\n".utf8).write(to: file)
      files.append(file)
    }
    defer { for file in files { try? FileManager.default.removeItem(at: file) } }
    let result = try SchemaChecker.check(files.map(\.path))
    #expect(result.status == 0, "\(result.output)")
  }
}

import DocketDSL
import DocketDiagnostics
import DocketTestSupport
import Foundation
import Testing

/// Bundled files start with `# yaml-language-server: $schema=...` for editors: Docket reads
/// it as a comment, and positions still count it as line 1.
@Suite("The editor's schema comment")
struct SchemaCommentTests {
  @Test("a first-line schema comment is ignored, and errors keep their true line")
  func commentIsIgnoredAndLinesStayRight() throws {
    let home = try TemporaryHome()
    try home.write(
      "staff.yaml",
      "# yaml-language-server: $schema=../schemas/staff.schema.json\nstaff:\n  li.wei: { name: 李伟, roles: [worker] }\n")
    try home.write(
      "workflows/task.yaml",
      """
      # yaml-language-server: $schema=../schemas/workflow.schema.json
      workflow: task
      version: 1
      prefix: TSK
      roles: { worker: 员工 }
      initial: todo
      states:
        todo:
          on:
            start: { to: dnoe, by: [worker] }
        done: { final: true }

      """)
    let loaded = try HomeLoader.load(home: home.url)
    #expect(
      loaded.diagnostics.errors.map(\.description)
        == ["workflows/task.yaml:10:20: error: unknown state 'dnoe' (did you mean 'done'?)"])
  }

  @Test("every bundled workflow starts with the comment and loads without errors")
  func bundledWorkflowsStartWithTheComment() throws {
    let loaded = try HomeLoader.load(home: TemporaryHome.repositoryRoot)
    #expect(!loaded.hasErrors)
    for workflow in loaded.home.workflows.values {
      #expect(
        workflow.sourceText.hasPrefix("# yaml-language-server: $schema=../schemas/workflow.schema.json\n"),
        "\(workflow.path)")
    }
  }
}

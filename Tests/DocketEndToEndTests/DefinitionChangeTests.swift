import DocketTestSupport
import Foundation
import Testing

/// Commands on one ticket may skip decoding workflows they cannot touch once an earlier
/// command found the home valid; every change to a definition file must still be seen.
@Suite("Definitions changed between commands")
struct DefinitionChangeTests {
  /// A task home with one ticket advanced once, so the next command finds a kept record.
  static func homeWithTicket() throws -> (TemporaryHome, String) {
    let home = try TaskHome.make()
    try home.write("workflows/other.yaml", TaskHome.workflow
      .replacingOccurrences(of: "workflow: task", with: "workflow: other")
      .replacingOccurrences(of: "prefix: TSK", with: "prefix: OTH"))
    let id = try home.newTask()
    let bumped = try home.docket("advance", id, "bump", as: "ann")
    #expect(bumped.status == 0, "\(bumped)")
    return (home, id)
  }

  @Test("an edited workflow is what the next command runs")
  func editedWorkflowIsSeen() throws {
    let (home, id) = try Self.homeWithTicket()
    try home.write(
      "workflows/task.yaml", TaskHome.workflow.replacingOccurrences(of: "label: 待办", with: "label: 排队"))
    let shown = try home.docket("show", id, as: "ann")
    #expect(shown.status == 0, "\(shown)")
    #expect(shown.stdout.contains("排队"), "\(shown)")
  }

  @Test("an invalid edit stops the next command with exit 3",
    arguments: ["workflows/task.yaml", "workflows/other.yaml", "staff.yaml"])
  func invalidEditIsRefused(path: String) throws {
    let (home, id) = try Self.homeWithTicket()
    try home.write(path, (home.read(path) ?? "") + "\nnot_a_key: 1\n")
    let result = try home.docket("advance", id, "bump", as: "ann")
    #expect(result.status == 3, "\(result)")
    #expect(result.stderr.contains(path + ":"), "\(result)")
    #expect(try home.docket("validate").status == 3)
  }

  @Test("a new workflow file with errors stops the next command with exit 3")
  func newBrokenFileIsRefused() throws {
    let (home, id) = try Self.homeWithTicket()
    try home.write("workflows/third.yaml", "workflow: third\n")
    let result = try home.docket("show", id, as: "ann")
    #expect(result.status == 3, "\(result)")
  }
}

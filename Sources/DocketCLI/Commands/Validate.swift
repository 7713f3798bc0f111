import ArgumentParser
import DocketDiagnostics
import DocketModel

extension DocketCommand {
  /// `docket validate`: load and check every definition of the home.
  struct Validate: DocketRunnable {
    static let configuration = CommandConfiguration(
      abstract: "Check every workflow, rule, fixture, staff and calendar file (exit 3 on errors).")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      // Opening checks everything; errors come back as an `invalid_definition` failure.
      let session = try context.openSession()
      let notes = session.validationNotes()
      let home = session.home
      var text = "ok: \(home.workflows.count) workflow\(home.workflows.count == 1 ? "" : "s"), "
      text += "\(home.staff.members.count) staff"
      if !notes.warnings.isEmpty {
        text += ", \(notes.warnings.count) warning\(notes.warnings.count == 1 ? "" : "s")"
      }
      text += "\n"
      for line in notes.pinned { text += "note: \(line)\n" }
      var bag = DiagnosticBag()
      bag.add(contentsOf: notes.warnings)
      let warnings = notes.warnings.isEmpty ? "" : DiagnosticRenderer(sources: notes.sources).render(bag)
      let json: JSONValue = .object([
        "ok": true,
        "workflows": .array(home.workflows.keys.map { .string($0.rawValue) }),
        "warnings": ErrorMapping.json(bag.sorted),
        "pinned": .array(notes.pinned.map { .string($0) }),
      ])
      return CommandOutput(text: text, json: json, notes: warnings)
    }
  }
}

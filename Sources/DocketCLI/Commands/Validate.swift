import ArgumentParser
import DocketDiagnostics
import DocketModel
import DocketScenarios

extension DocketCommand {
  /// `docket validate`: load and check every definition of the home.
  struct Validate: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "validate",
      abstract: "Check every workflow, rule, fixture, staff and calendar file (exit 3 on errors).")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      // Opening checks everything; errors come back as an `invalid_definition` failure.
      let session = try context.openSession()
      // Fixtures are definitions too (contract §6): a mistake in one is a file:line:col error.
      let fixtures: FixtureSuite
      do {
        fixtures = try FixtureSuite.load(homeURL: context.options.home, paths: [])
      } catch {
        throw ErrorMapping.failure(error)
      }
      let notes = session.validationNotes()
      let home = session.home
      func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
      var text = "ok: \(count(home.workflows.count, "workflow")), \(home.staff.members.count) staff, "
      text += "\(count(home.rules.count, "rule")), \(count(home.lookups.count, "lookup")), "
      text += "\(count(home.calendars.count, "calendar")), \(count(fixtures.fixtures.count, "fixture"))"
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
        "rules": .array(home.rules.map { .string($0.id.rawValue) }),
        "lookups": .array(home.lookups.keys.map { .string($0) }),
        "calendars": .array(home.calendars.keys.sorted().map { .string($0.rawValue) }),
        "fixtures": .int(Int64(fixtures.fixtures.count)),
        "warnings": ErrorMapping.json(bag.sorted),
        "pinned": .array(notes.pinned.map { .string($0) }),
      ])
      return CommandOutput(text: text, json: json, notes: warnings)
    }
  }
}

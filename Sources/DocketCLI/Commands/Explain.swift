import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket explain ID EVENT [--set K=V]... [--note T]`: what `advance` would do now, and why,
  /// without changing anything.
  struct Explain: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "explain",
      abstract: "Say what firing an event would do now, and why, without changing anything.",
      discussion: """
        Runs `advance` as a dry run and shows every check it makes with its value: the roles \
        (by), the --set input, require, the guard (if), set, each branch condition, the note; \
        then where the ticket would go, its owner, the clocks that would start or stop, the \
        rules that would fire and the tickets they would start. Exit 0 when explained, even \
        when the answer is "refused"; 2 for an unknown id, event or user.
        """)

    @Argument(help: "The ticket id, e.g. CMP-000001.") var id: String
    @Argument(help: "The event to try.") var event: String
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a field.", valueName: "field=value"))
    var fields: [FieldAssignment] = []
    @Option(help: "The note the step would take.") var note: String?
    @OptionGroup var global: GlobalOptions

    static let kind = EventLine.Kind.explain

    /// Runs an `explain` line, however it was parsed.
    static func run(_ line: EventLine, in context: CommandContext) throws(CommandFailure)
      -> CommandOutput
    {
      let actor = try context.requireActor()
      let ticket = try TicketID.parse(line.id)
      let session = try context.openSession(for: .allWorkflows)
      try context.checkActor(in: session.home)
      let explanation = try session.explain(
        ticket, event: EventName(line.event), fields: line.fields, note: line.note, actor: actor)
      let view = ExplanationView(
        explanation: explanation, definition: session.home.definition(for: explanation.instance),
        staff: session.home.staff, zone: session.home.settings.timeZone,
        workflows: Dictionary(uniqueKeysWithValues: session.home.workflows.map { ($0.key, $0.value) }))
      return CommandOutput(text: view.render(palette: context.palette), json: view.json)
    }
  }
}

extension DocketCommand.Explain: EventCommand {}

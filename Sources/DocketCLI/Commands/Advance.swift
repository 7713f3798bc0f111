import ArgumentParser
import DocketModel

extension DocketCommand {
  /// `docket advance ID EVENT [--set K=V]... [--note TEXT]`: fire an event on a ticket.
  struct Advance: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "advance",
      abstract: "Fire an event on a ticket (exit 1 if the workflow refuses; nothing changes).")

    @Argument(help: "The ticket id, e.g. CMP-000001.") var id: String
    @Argument(help: "The event, as listed by `docket show ID`.") var event: String
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a field.", valueName: "field=value"))
    var fields: [FieldAssignment] = []
    @Option(help: "A note for the history (some events require one).") var note: String?
    @OptionGroup var global: GlobalOptions

    static let kind = EventLine.Kind.advance

    /// Runs an `advance` line, however it was parsed.
    static func run(_ line: EventLine, in context: CommandContext) throws(CommandFailure)
      -> CommandOutput
    {
      let actor = try context.requireActor()
      let ticket = try TicketID.parse(line.id)
      let session = try context.openSession(for: .ticket(ticket))
      let change = try session.advanceReporting(
        ticket, event: EventName(line.event), fields: line.fields, note: line.note, actor: actor)
      let after = change.instance
      // The session read the ticket in the same transaction; a gateway that did not says so.
      let before: Instance
      if let read = change.before { before = read } else { before = try session.instance(ticket) }
      let was = Describe(home: session.home, instance: before)
      let now = Describe(home: session.home, instance: after)
      var text = "\(after.id.rawValue): \(line.event): \(was.state) → \(now.state)"
      text += after.isOpen ? ", owner \(now.owner)\n" : " (closed)\n"
      text += RuleEffectsOutput.text(change, home: session.home)
      return CommandOutput(
        text: text, json: RuleEffectsOutput.document(change, zone: session.home.settings.timeZone))
    }
  }
}

extension DocketCommand.Advance: EventCommand {}

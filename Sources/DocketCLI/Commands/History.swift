import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket history ID`: the ticket's timeline.
  struct History: DocketRunnable {
    static let configuration = CommandConfiguration.docket("history", abstract: "Show a ticket's history.")

    @Argument(help: "The ticket id, e.g. CMP-000001.") var id: String
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let ticket = try TicketID.parse(id)
      let session = try context.openSession(for: .ticket(ticket))
      let instance = try session.instance(ticket)
      let view = HistoryView(
        instance: instance, definition: session.home.definition(for: instance),
        staff: session.home.staff, zone: session.home.settings.timeZone)
      return CommandOutput(text: view.render(palette: context.palette), json: view.json)
    }
  }
}

extension DocketCommand.History: OneTicketCommand {}

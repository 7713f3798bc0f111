import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket show ID`: state, fields, owner, deadlines, and what the actor may do.
  struct Show: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "show",
      abstract: "Show a ticket: state, fields, owner, deadlines, the events you may fire.")

    @Argument(help: "The ticket id, e.g. CMP-000001.") var id: String
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let ticket = try TicketID.parse(id)
      let session = try context.openSession(for: .ticket(ticket))
      try context.checkActor(in: session.home)
      let instance = try session.instance(ticket)
      let choices = try context.options.actor.map { actor throws(CommandFailure) in
        try session.choices(for: ticket, actor: actor)
      } ?? []
      let view = InstanceView(
        instance: instance, definition: session.home.definition(for: instance),
        staff: session.home.staff, choices: choices, now: session.now,
        zone: session.home.settings.timeZone)
      var text = view.render(palette: context.palette)
      if context.options.actor == nil, instance.isOpen {
        text += "\n" + context.palette.dim("(pass --as USER to see the events you may fire)") + "\n"
      }
      return CommandOutput(text: text, json: view.json)
    }
  }
}

extension DocketCommand.Show: OneTicketCommand {}

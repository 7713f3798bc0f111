import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket assign ID --to USER`: give a ticket to a person.
  struct Assign: DocketRunnable {
    static let configuration = CommandConfiguration.docket("assign", abstract: "Give a ticket to someone.")

    @Argument(help: "The ticket id, e.g. CMP-000001.") var id: String
    @Option(help: ArgumentHelp("The person who takes it.", valueName: "user")) var to: String
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let actor = try context.requireActor()
      let ticket = try TicketID.parse(id)
      let session = try context.openSession(for: .ticket(ticket))
      let after = try session.assign(ticket, to: UserID(to), actor: actor)
      let names = Describe(home: session.home, instance: after)
      return CommandOutput(
        text: "\(after.id.rawValue): owner \(names.owner)\n",
        json: InstanceJSON.document(after, zone: session.home.settings.timeZone))
    }
  }
}

extension DocketCommand.Assign: DirectlyParsable {
  static let grammar = CommandGrammar(positionals: 1, options: ["to"])

  init?(words: CommandWords) {
    guard let to = words.value("to") else { return nil }
    var command = Self()
    command.id = words.positionals[0]
    command.to = to
    command.global = GlobalOptions(words: words)
    self = command
  }
}

import ArgumentParser
import DocketModel

extension DocketCommand {
  /// `docket new WORKFLOW [--set K=V]...`: create a ticket and print its id.
  struct New: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "new",
      abstract: "Create a ticket; prints the new id.",
      discussion: "Each --set value is read by the field's type: int, number, bool (true/false/yes/no/1/0), enum, date, datetime (RFC 3339), duration (1h30m), list (a,b or a JSON array).")

    @Argument(help: "The workflow id (a file stem in workflows/).") var workflow: String
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a field.", valueName: "field=value"))
    var fields: [FieldAssignment] = []
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let actor = try context.requireActor()
      let session = try context.openSession(for: .workflow(WorkflowID(workflow)))
      let change = try session.createReporting(WorkflowID(workflow), fields: fields, actor: actor)
      let instance = change.instance
      let names = Describe(home: session.home, instance: instance)
      // stdout stays the bare id (scripts capture it); what rules did goes with the note.
      return CommandOutput(
        text: instance.id.rawValue + "\n",
        json: RuleEffectsOutput.document(change, zone: session.home.settings.timeZone),
        notes: "created \(names.title) \(instance.id.rawValue): \(names.state), owner \(names.owner)\n"
          + RuleEffectsOutput.text(change, home: session.home))
    }
  }
}

extension DocketCommand.New: DirectlyParsable {
  static let grammar = CommandGrammar(positionals: 1, options: ["set"], repeatable: ["set"])

  init?(words: CommandWords) {
    guard let fields = words.fieldAssignments else { return nil }
    var command = Self()
    command.workflow = words.positionals[0]
    command.fields = fields
    command.global = GlobalOptions(words: words)
    self = command
  }
}

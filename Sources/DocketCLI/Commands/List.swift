import ArgumentParser
import DocketDiagnostics
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket list`: tickets matching filters, as an aligned table.
  struct List: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "list",
      abstract: "List tickets (open ones unless --closed or --all).")

    @Option(help: "Only this workflow.") var workflow: String?
    @Option(help: "Only tickets in this state.") var state: String?
    @Option(help: ArgumentHelp("Only tickets this person holds.", valueName: "user"))
    var assignee: String?
    @Flag(help: "Only open tickets (the default).") var open = false
    @Flag(help: "Only closed tickets.") var closed = false
    @Flag(help: "Open and closed tickets.") var all = false
    @Flag(help: "Only tickets past a due time or with a breached deadline.") var overdue = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      if [open, closed, all].filter({ $0 }).count > 1 {
        throw ValidationError("choose one of --open, --closed and --all")
      }
    }

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let session = try context.openSession(for: .allWorkflows)
      let home = session.home
      if let workflow, home.workflows[WorkflowID(workflow)] == nil {
        throw CommandFailure(
          code: "unknown_workflow", message: UnknownWorkflow.message(workflow, in: home),
          status: .usage)
      }
      if let assignee, home.staff[UserID(assignee)] == nil {
        throw .unknownUser(assignee, suggestion: StaffLookup.suggestion(for: UserID(assignee), in: home))
      }
      var filter = TicketFilter()
      filter.workflow = workflow.map { WorkflowID($0) }
      filter.state = state.map { StateID($0) }
      filter.assignee = assignee.map { UserID($0) }
      filter.status = closed ? .closed : all ? .any : .open
      filter.overdueOnly = overdue
      var rows = try session.tickets(filter)
      if overdue { rows = rows.filter { $0.isOverdue(at: session.now) } }
      rows.sort { ($0.id.prefix ?? "", $0.id.number ?? 0) < ($1.id.prefix ?? "", $1.id.number ?? 0) }
      let table = TicketTable(rows: rows, now: session.now, zone: home.settings.timeZone)
      let text =
        rows.isEmpty
        ? "no tickets match\n"
        : table.render(palette: context.palette)
          + context.palette.dim("\(rows.count) ticket\(rows.count == 1 ? "" : "s")") + "\n"
      return CommandOutput(text: text, json: table.json)
    }
  }
}

enum UnknownWorkflow {
  static func message(_ name: String, in home: Home) -> String {
    let known = home.workflows.keys.map(\.rawValue)
    var text = "no workflow '\(name)' in workflows/"
    if let near = Suggestion.closest(to: name, in: known) { text += " (did you mean '\(near)'?)" }
    else if !known.isEmpty { text += "; known: \(known.joined(separator: ", "))" }
    return text
  }
}

extension DocketCommand.List: DirectlyParsable {
  static let grammar = CommandGrammar(
    positionals: 0, options: ["workflow", "state", "assignee"],
    flags: ["open", "closed", "all", "overdue"])

  init?(words: CommandWords) {
    var command = Self()
    command.workflow = words.value("workflow")
    command.state = words.value("state")
    command.assignee = words.value("assignee")
    command.open = words.flag("open")
    command.closed = words.flag("closed")
    command.all = words.flag("all")
    command.overdue = words.flag("overdue")
    command.global = GlobalOptions(words: words)
    self = command
  }
}

import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket demo`: play a day of the bundled property home in a temporary folder.
  struct Demo: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "demo",
      abstract: "Copy the bundled home to a temp folder and play a realistic day in it.",
      discussion: "Tickets are created, advanced and refused by different staff while the clock moves and deadlines breach. At the end it prints where the home is and commands to keep exploring it.")

    @Flag(help: .hidden) var embedded = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let home = try BundledHome.copyToTemporaryFolder(forceEmbedded: embedded)
      let day = DemoDay(home: home, open: context.open, palette: context.palette)
      let p = context.palette
      var text = p.bold("Docket demo: a day at a shopping mall's customer-service desk") + "\n"
      text += "A copy of the bundled home (workflows/, staff.yaml, rules/) is in \(home.path)\n"
      try day.play()
      text += day.text
      let end = RFC3339.format(day.clock, in: day.zone)
      text += "\n" + p.bold("Keep exploring this home") + " (the demo's clock stopped at \(end)):\n"
      text += "  export DOCKET_HOME=\(home.path) DOCKET_NOW=\(end)\n"
      text += "  docket --as wang.fang                 # the supervisor's queue\n"
      text += "  docket show CMP-000002 --as wang.fang # what she may do next, and why not the rest\n"
      text += "  docket history CMP-000001             # the whole story of one ticket\n"
      text += "  docket list --all --overdue           # what went wrong today\n"
      text += "  cat $DOCKET_HOME/data/outbox.jsonl    # notifications the deadlines sent\n"
      let json: JSONValue = .object([
        "home": .string(home.path), "now": .string(end),
        "steps": .array(
          day.steps.map {
            .object([
              "at": .string(RFC3339.format($0.at, in: day.zone)), "actor": .string($0.actor),
              "command": .string($0.command), "ok": .bool($0.ok),
              "code": $0.code.map { .string($0) } ?? .null, "message": .string($0.message),
            ])
          }),
      ])
      return CommandOutput(text: text, json: json)
    }
  }
}

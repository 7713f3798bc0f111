import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// `docket tick`: run every warning and breach that is due (cron calls this).
  struct Tick: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "tick",
      abstract: "Run every deadline warning and breach that is due (cron calls this).")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let session = try context.openSession(for: .allWorkflows)
      let zone = session.home.settings.timeZone
      let fired = try session.tick()
      var text = fired.isEmpty ? "nothing due\n" : ""
      for f in fired {
        text += "\(f.id.rawValue)  \(f.kind): \(f.label)  (due \(TimeText.local(f.at, in: zone)))\n"
      }
      let json: JSONValue = .object([
        "fired": .array(
          fired.map {
            .object([
              "id": .string($0.id.rawValue), "deadline": .string($0.deadline),
              "kind": .string($0.kind), "label": .string($0.label), "at": .string(RFC3339.format($0.at, in: zone)),
            ])
          })
      ])
      return CommandOutput(text: text, json: json)
    }
  }
}

extension DocketCommand.Tick: GlobalOptionsOnly {}

import ArgumentParser
import DocketModel

extension DocketCommand {
  /// `docket reindex`: rebuild the derived files (index, id counters) from the tickets.
  struct Reindex: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "reindex",
      abstract: "Rebuild the index and id counters from the ticket files.")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let count = try context.openSession(for: .allWorkflows).reindex()
      return CommandOutput(
        text: "reindexed \(count) ticket\(count == 1 ? "" : "s")\n",
        json: .object(["reindexed": .int(Int64(count))]))
    }
  }
}

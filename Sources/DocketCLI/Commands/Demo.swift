import ArgumentParser
import DocketModel

extension DocketCommand {
  /// `docket demo`: play a day of the bundled property home in a temporary folder.
  struct Demo: DocketRunnable {
    static let configuration = CommandConfiguration(
      abstract: "Copy the bundled home to a temp folder and play a realistic day in it.")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      throw CommandFailure(code: "usage", message: "demo is not available yet", status: .usage)
    }
  }
}

import DocketModel
import DocketReports
import Foundation

/// Everything a command needs besides its own arguments: the resolved global options, the
/// environment, the palette, and a way to open the home.
struct CommandContext {
  var options: ResolvedOptions
  var environment: [String: String]
  var palette: Palette
  /// Opens the home at `options.home`; replaced in tests.
  var open: (ResolvedOptions) throws(CommandFailure) -> any SessionGateway

  func openSession() throws(CommandFailure) -> any SessionGateway {
    try open(options)
  }

  /// The acting user, or a usage failure saying how to name one.
  func requireActor() throws(CommandFailure) -> UserID {
    guard let actor = options.actor else { throw .missingActor() }
    return actor
  }

  /// The time of this command: `--now`/`$DOCKET_NOW`, else the system clock.
  var now: Date { options.now ?? Date() }
}

/// A subcommand that runs through ``DocketMain``: it returns output instead of printing.
protocol DocketRunnable: ParsableCommandWithGlobals {
  func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput
}

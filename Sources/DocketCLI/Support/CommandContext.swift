import DocketKit
import DocketModel
import DocketReports
import Foundation

/// Everything a command needs besides its own arguments: the resolved global options (the
/// environment's fallbacks already applied), the palette, and a way to open the home.
struct CommandContext {
  var options: ResolvedOptions
  var palette: Palette
  /// Opens the home at `options.home`; replaced in tests.
  var open: (ResolvedOptions) throws(CommandFailure) -> any SessionGateway

  /// Opens the home. A command on one ticket or workflow names it, so an unchanged home
  /// that an earlier command validated is loaded only as far as that needs.
  func openSession(for scope: DefinitionScope = .everything) throws(CommandFailure)
    -> any SessionGateway
  {
    var options = options
    options.definitions = scope
    return try open(options)
  }

  /// The acting user, or a usage failure saying how to name one.
  func requireActor() throws(CommandFailure) -> UserID {
    guard let actor = options.actor else { throw .missingActor() }
    return actor
  }

  /// Refuses an actor who is not in `staff.yaml` (`unknown_user`, exit 2), if one is given.
  func checkActor(in home: Home) throws(CommandFailure) {
    guard let actor = options.actor, actor != .system, home.staff[actor] == nil else { return }
    throw .unknownUser(actor.rawValue, suggestion: StaffLookup.suggestion(for: actor, in: home))
  }

  /// The time of this command: `--now`/`$DOCKET_NOW`, else the system clock.
  var now: Date { options.now ?? Date() }
}

/// A parsed command line that ``DocketMain`` runs: its global options, and the work, which
/// returns output instead of printing.
protocol CommandRun {
  var globals: GlobalValues { get }
  func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput
}

/// A subcommand, as ArgumentParser parses it, that runs through ``DocketMain``.
protocol DocketRunnable: ParsableCommandWithGlobals, CommandRun {}

extension DocketRunnable {
  var globals: GlobalValues { global.values }
}

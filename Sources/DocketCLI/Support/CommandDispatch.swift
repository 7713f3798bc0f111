import ArgumentParser

/// Parses a command line, going straight to the subcommand its first word names.
///
/// Every `docket` run is a new process, and ArgumentParser learns each command's options by
/// reflection, whose first use of a type is slow in a large static binary (the runtime scans
/// every protocol-conformance record). Parsing the named subcommand on its own reflects that
/// one command instead of the whole tree. Whatever that does not accept as a plain run of the
/// subcommand (help, completion scripts, any error) is parsed again from the root, so messages
/// and exit statuses stay exactly those of `docket` as a whole.
enum CommandDispatch {
  static func parse(_ arguments: [String]) throws -> any ParsableCommand {
    try direct(arguments) ?? DocketCommand.parseAsRoot(arguments)
  }

  /// The subcommand the first word names, parsed on its own; nil when that is not a plain,
  /// valid run of it.
  static func direct(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let word = arguments.first, let subcommand = subcommand(named: word),
      let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
      command is any DocketRunnable
    else { return nil }
    return command
  }

  private static func subcommand(named word: String) -> (any ParsableCommand.Type)? {
    DocketCommand.configuration.subcommands.first { $0.configuration.commandName == word }
  }
}

extension CommandConfiguration {
  /// The configuration of a `docket` subcommand.
  ///
  /// It names `docket` as the super-command, which ArgumentParser reads only for a command
  /// parsed as the root of its tree: inside the `docket` tree it changes nothing, and when
  /// ``CommandDispatch`` parses the subcommand on its own it skips the check for
  /// `--generate-completion-script` (a reflection-heavy parse of two more commands: 16 % of an
  /// `advance`), which only the root `docket` offers anyway.
  static func docket(_ name: String, abstract: String, discussion: String = "") -> Self {
    CommandConfiguration(
      commandName: name, _superCommandName: "docket", abstract: abstract, discussion: discussion)
  }
}

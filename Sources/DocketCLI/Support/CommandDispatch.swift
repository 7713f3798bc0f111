import ArgumentParser

/// Parses a command line by the cheapest means that gives ArgumentParser's answer.
///
/// Every `docket` run is a new process, and ArgumentParser learns each command's options by
/// reflection, whose first use of a type is slow in a large static binary (the runtime scans
/// every protocol-conformance record). So a plain line of an everyday command is built
/// without reflection (``DirectParsing``); any other line of a named subcommand is parsed by
/// ArgumentParser on that one command instead of the whole tree; and whatever that does not
/// accept as a plain run (help, completion scripts, any error) is parsed again from the root,
/// so messages and exit statuses stay exactly those of `docket` as a whole.
enum CommandDispatch {
  /// A parsed command line: a Docket command to run, or one of ArgumentParser's own (its
  /// `help` subcommand), which prints its text when run.
  enum Parsed {
    case runnable(any CommandRun)
    case builtIn(any ParsableCommand)
  }

  /// The command `arguments` (after the program name) ask for: without reflection when the
  /// line is plain (``DirectParsing``), else by ArgumentParser on the named subcommand alone,
  /// else by ArgumentParser from the root, whose errors and help are the ones users see.
  static func parse(_ arguments: [String]) throws -> Parsed {
    if let command = DirectParsing.parse(arguments) ?? direct(arguments) {
      return .runnable(command)
    }
    let command = try DocketCommand.parseAsRoot(arguments)
    if let runnable = command as? any DocketRunnable { return .runnable(runnable) }
    return .builtIn(command)
  }

  /// The subcommand the first word names, parsed on its own by ArgumentParser; nil when that
  /// is not a plain, valid run of it.
  static func direct(_ arguments: [String]) -> (any DocketRunnable)? {
    guard let word = arguments.first, let subcommand = subcommand(named: word),
      let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
    else { return nil }
    return command as? any DocketRunnable
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

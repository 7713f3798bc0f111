import ArgumentParser
import DocketModel
import DocketReports
import Foundation

/// Runs the `docket` command line with the contract's exit statuses and output rules.
///
/// ArgumentParser parses; this type runs the command, then prints either text (stdout, and
/// errors on stderr) or exactly one JSON document on stdout with `--json`, and returns the
/// status of contract §6 instead of ArgumentParser's defaults (usage errors are 2, not 64).
public enum DocketMain {
  /// Runs one command of the `docket` process and returns its exit status.
  ///
  /// The session the command opens stays allocated until the process exits (see
  /// ``DocketKitGateway/keepUntilExit()``); tests run commands through the internal
  /// `run(arguments:environment:currentDirectory:open:)`.
  ///
  /// - Parameters:
  ///   - arguments: the arguments after the program name.
  ///   - environment: the process environment (`DOCKET_HOME`, `DOCKET_USER`, `DOCKET_NOW`,
  ///     `NO_COLOR`, `TERM`).
  ///   - currentDirectory: where relative paths start; nil is the process's current folder.
  public static func run(
    arguments: [String], environment: ProcessEnvironment,
    currentDirectory: String? = nil
  ) -> Int32 {
    run(
      arguments: arguments, environment: environment,
      currentDirectory: currentDirectory ?? WorkingDirectory.path,
      open: { options throws(CommandFailure) in
        let gateway = try DocketKitGateway.opened(options)
        gateway.keepUntilExit()
        return gateway
      })
  }

  static func run(
    arguments: [String], environment: ProcessEnvironment, currentDirectory: String,
    open: @escaping (ResolvedOptions) throws(CommandFailure) -> any SessionGateway
  ) -> Int32 {
    // Before parsing succeeds we cannot ask the options; a literal `--json` is what counts.
    var json = arguments.contains("--json")
    let runnable: any CommandRun
    do {
      switch try CommandDispatch.parse(arguments) {
      case .runnable(let command):
        runnable = command
      case .builtIn(var builtIn):
        // ArgumentParser's own `help` command: running it throws the help text as a clean exit.
        try builtIn.run()
        return 0
      }
    } catch {
      return reportParseError(error, json: json)
    }
    do throws(CommandFailure) {
      let options = try runnable.globals.resolve(
        environment: environment, currentDirectory: currentDirectory)
      json = options.json
      let terminal = Terminal(environment: environment, json: json)
      let context = CommandContext(options: options, palette: terminal.palette, open: open)
      let output = try runnable.execute(in: context)
      if json {
        Terminal.write(JSONText.pretty(output.json), to: .standardOutput)
      } else {
        Terminal.write(output.text, to: .standardOutput)
        Terminal.write(output.notes, to: .standardError)
      }
      return output.status.rawValue
    } catch {
      report(error, json: json)
      return error.status.rawValue
    }
  }

  /// Prints a failure: the error envelope on stdout with `--json`, else text on stderr.
  static func report(_ failure: CommandFailure, json: Bool) {
    if json {
      Terminal.write(JSONText.pretty(ErrorMapping.envelope(failure)), to: .standardOutput)
    } else {
      Terminal.write(ErrorMapping.text(failure), to: .standardError)
    }
  }

  private static func reportParseError(_ error: any Error, json: Bool) -> Int32 {
    let status = ExitStatus.fromArgumentParser(DocketCommand.exitCode(for: error).rawValue)
    if status == .success {
      // --help, --version, --generate-completion-script: their text is the output.
      Terminal.write(DocketCommand.fullMessage(for: error) + "\n", to: .standardOutput)
      return 0
    }
    let failure = CommandFailure.usage(DocketCommand.message(for: error))
    if json {
      report(failure, json: true)
    } else {
      Terminal.write(DocketCommand.fullMessage(for: error) + "\n", to: .standardError)
    }
    return status.rawValue
  }
}

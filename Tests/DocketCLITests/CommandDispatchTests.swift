import ArgumentParser
import Testing

@testable import DocketCLI

/// Going straight to the named subcommand must mean exactly what parsing from the root means:
/// the same command with the same values, or the same message and exit code.
@Suite("Command dispatch")
struct CommandDispatchTests {
  /// A parse outcome that can be compared: the parsed command's type and values, or the
  /// error's full message and exit code.
  private func outcome(_ parse: () throws -> Any) -> String {
    do {
      let command = try parse()
      var text = ""
      dump(runForm(command), to: &text)
      return text
    } catch {
      return "error \(DocketCommand.exitCode(for: error).rawValue): "
        + DocketCommand.fullMessage(for: error)
    }
  }

  @Test(
    "the subcommand parsed on its own equals the root's parse",
    arguments: [
      ["advance", "CMP-000001", "accept"],
      ["advance", "CMP-000001", "resolve", "--set", "resolution=已处理", "--note", "好", "--as", "li.wei"],
      ["advance", "CMP-000001", "resolve", "--json", "--now", "2026-03-02T09:00:00+08:00", "--home", "/h"],
      ["new", "complaint", "--set", "customer=王女士", "--set", "category=noise"],
      ["show", "CMP-000001", "--json"],
      ["list", "--open"],
      ["list", "--open", "--closed"],
      ["queue"],
      ["tick", "--now", "2026-03-02T09:00:00+08:00"],
      ["validate"],
      ["graph", "complaint", "--format", "mermaid"],
      ["explain", "CMP-000001", "accept"],
      ["assign", "CMP-000001", "li.wei"],
      ["advance"],
      ["advance", "CMP-000001"],
      ["advance", "CMP-000001", "accept", "--bogus"],
      ["advance", "--help"],
      ["advance", "-h"],
      ["advance", "--generate-completion-script", "bash"],
      ["advance", "--version"],
      ["new", "complaint", "--set", "customer"],
      ["help", "advance"],
      ["--json", "advance", "CMP-000001", "accept"],
      ["frobnicate"],
    ])
  func sameAsRoot(arguments: [String]) {
    let dispatched = outcome { try CommandDispatch.parse(arguments).command }
    let fromRoot = outcome { try DocketCommand.parseAsRoot(arguments) }
    #expect(dispatched == fromRoot)
  }

  @Test("every subcommand is parsed directly, without the root's reflection")
  func everySubcommandDirect() throws {
    for subcommand in DocketCommand.configuration.subcommands {
      // Without it, ArgumentParser would run its completion-script check for the subcommand.
      #expect(subcommand.configuration._superCommandName == "docket", "\(subcommand)")
    }
    let graph = CommandDispatch.direct(["graph", "complaint", "--format", "dot"])
    #expect(graph is DocketCommand.Graph)
    #expect(CommandDispatch.direct(["graph", "--help"]) == nil)
  }
}

extension CommandDispatch.Parsed {
  /// The parsed command, whichever kind.
  var command: Any {
    switch self {
    case .runnable(let command): command
    case .builtIn(let command): command
    }
  }
}

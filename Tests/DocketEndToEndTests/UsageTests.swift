import DocketTestSupport
import Foundation
import Testing

/// Bad usage: exit 2, a message on stderr, or the error envelope with `--json`.
@Suite("Usage and help")
struct UsageTests {
  @Test("an unknown subcommand is a usage error, exit 2, not ArgumentParser's 64")
  func unknownSubcommandExitsTwo() throws {
    let result = try RunDocket.run(["frobnicate"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("frobnicate"))
    #expect(result.stdout.isEmpty)
  }

  @Test("with --json a usage error is one error document on stdout")
  func usageErrorEnvelope() throws {
    let result = try RunDocket.run(["advance", "--json"])
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "usage", "\(result)")
    let message = (result.json?["error"] as? [String: Any])?["message"] as? String
    #expect(message?.isEmpty == false)
  }

  @Test("--help lists every subcommand and exits 0")
  func helpListsCommands() throws {
    let result = try RunDocket.run(["--help"])
    #expect(result.status == 0, "\(result)")
    for command in [
      "validate", "new", "advance", "show", "list", "history", "assign", "tick", "reindex",
      "eval", "demo", "queue",
    ] {
      #expect(result.stdout.contains(command), "help does not mention \(command)")
    }
  }

  @Test("a subcommand's --help shows its own usage")
  func subcommandHelp() throws {
    let result = try RunDocket.run(["advance", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("docket advance <id> <event>"), "\(result)")
    #expect(result.stdout.contains("--note"))
  }

  @Test("shell completion scripts are generated", arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try RunDocket.run(["--generate-completion-script", shell])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("advance"))
  }

  @Test("--now that is not RFC 3339 is a usage error naming the flag")
  func badNowFlag() throws {
    let result = try RunDocket.run(["eval", "1", "--now", "yesterday"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("--now"))
  }

  @Test("DOCKET_NOW that is not RFC 3339 is a usage error naming the variable")
  func badNowVariable() throws {
    let result = try RunDocket.run(["eval", "1", "--json"], environment: ["DOCKET_NOW": "soon"])
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "usage")
    #expect(result.stdout.contains("DOCKET_NOW"))
  }

  @Test("--set without '=' is a usage error")
  func setWithoutEquals() throws {
    let result = try RunDocket.run(["new", "complaint", "--set", "customer", "--as", "li.wei"])
    #expect(result.status == 2, "\(result)")
  }

  @Test("list accepts only one of --open, --closed and --all")
  func listStatusFlagsExclusive() throws {
    let result = try RunDocket.run(["list", "--open", "--closed", "--json"])
    #expect(result.status == 2, "\(result)")
    #expect(result.errorCode == "usage")
  }
}

import ArgumentParser

/// `docket`: move tickets through YAML-defined workflows. Plain `docket` shows your queue.
public struct DocketCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "docket",
    abstract: "Move tickets through the workflows of a Docket home.",
    discussion: """
      A home is a folder with workflows/, staff.yaml and data/ (see docs/cli.md). \
      Plain `docket` shows your queue: tickets you hold or that wait for one of your roles.

      Exit status: 0 done, 1 refused by the workflow, 2 bad usage or unknown \
      id/workflow/user, 3 invalid definitions, 4 storage trouble.

      Shell completions: docket --generate-completion-script bash|zsh|fish
      """,
    subcommands: [
      Queue.self, Validate.self, New.self, Advance.self, Show.self, List.self, History.self,
      Assign.self, Tick.self, Reindex.self, Eval.self, Demo.self, Test.self, Graph.self,
      Schema.self, Explain.self,
    ],
    defaultSubcommand: Queue.self
  )

  public init() {}
}

/// A subcommand with the global options of contract §6.
protocol ParsableCommandWithGlobals: ParsableCommand {
  var global: GlobalOptions { get }
}

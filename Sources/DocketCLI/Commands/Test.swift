import ArgumentParser
import DocketKit
import DocketScenarios
import Foundation

extension DocketCommand {
  /// `docket test [PATH...]`: run fixtures (contract §7); exit 1 if any fails.
  struct Test: DocketRunnable {
    static let configuration = CommandConfiguration(
      abstract: "Run scenario fixtures on a scratch store with a virtual clock (exit 1 if any fails).",
      discussion: """
        PATH is a fixture file or a folder of them (default: the home's rules/fixtures/). \
        Fixtures never touch the home's data/. See docs/fixtures.md.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Fixture files or folders (default: rules/fixtures/).", valueName: "path"),
      completion: .file(extensions: ["yaml"]))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      let urls = paths.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
      let suite: FixtureSuite
      do {
        suite = try FixtureSuite.load(homeURL: context.options.home, paths: urls)
      } catch {
        throw ErrorMapping.failure(error)
      }
      let report = suite.run()
      if let junit {
        let url = URL(fileURLWithPath: junit, relativeTo: cwd)
        do {
          try Data(FixtureJUnitReport.render(report).utf8).write(to: url, options: .atomic)
        } catch {
          throw ErrorMapping.storage(error, path: junit)
        }
      }
      return CommandOutput(
        text: FixtureTextReport.render(report), json: FixtureJSONReport.render(report),
        status: report.failed == 0 ? .success : .refused)
    }
  }
}

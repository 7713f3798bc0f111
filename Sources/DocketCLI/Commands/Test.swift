import ArgumentParser
import DocketKit
import DocketScenarios
import Foundation

extension DocketCommand {
  /// `docket test [PATH...]`: run fixtures (contract §7); exit 1 if any fails.
  struct Test: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "test",
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

    @Flag(name: .long, help: "Also list the states, transitions and deadline outcomes no fixture reached.")
    var coverage = false

    @Option(name: .long, help: ArgumentHelp(
      "Fail (exit 1) when fixtures take fewer than this percent of all transitions (implies --coverage).",
      valueName: "percent"))
    var minCoverage: Double?

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
      var text = FixtureTextReport.render(report)
      var json = FixtureJSONReport.render(report)
      var status: ExitStatus = report.failed == 0 ? .success : .refused
      if coverage || minCoverage != nil {
        let measured = FixtureCoverage(home: suite.home, exercised: report.exercised)
        // Before the closing `N passed, M failed`, which stays the last line.
        let closing = text.lastIndex(of: "\n").flatMap { end in
          text[..<end].lastIndex(of: "\n").map { text.index(after: $0) }
        } ?? text.startIndex
        var section = measured.render()
        if let minimum = minCoverage, measured.transitionPercent < minimum {
          section += "  below the minimum of \(minimum)% of transitions\n"
          status = .refused
        }
        text.insert(contentsOf: section, at: closing)
        if case .object(var members) = json {
          members["coverage"] = measured.json()
          json = .object(members)
        }
      }
      return CommandOutput(text: text, json: json, status: status)
    }
  }
}

import DocketDSL
import DocketKit
import Foundation

/// The fixtures of one `docket test` run, decoded and checked against the home, ready to run.
///
/// Loading validates everything first (the home's definitions, then every fixture file), so
/// a mistake in a fixture is a `file:line:col` error (exit 3) before anything runs.
public struct FixtureSuite: Sendable {
  public let home: Home
  public let fixtures: [Fixture]

  public init(home: Home, fixtures: [Fixture]) {
    self.home = home
    self.fixtures = fixtures
  }

  /// The fixture folder of a home when `docket test` is given no path (contract §1).
  public static let defaultFolder = "rules/fixtures"

  /// Loads the home at `homeURL` and the fixture files at `paths` (files, or folders whose
  /// `*.yaml` files are read in name order); no paths means the home's `rules/fixtures/`.
  ///
  /// - Throws: ``DocketError/invalidDefinitions(_:_:)`` with every problem in the home or in
  ///   the fixtures; ``DocketError/usage(_:)`` for a path that does not exist.
  public static func load(homeURL: URL, paths: [URL]) throws(DocketError) -> FixtureSuite {
    let loaded: LoadedHome
    do {
      loaded = try HomeLoader.load(home: homeURL)
    } catch {
      throw .usage("\(error); give the home with --home DIR or $DOCKET_HOME")
    }
    guard !loaded.hasErrors else { throw .invalidDefinitions(loaded.diagnostics, loaded.sources) }
    let files = try fixtureFiles(paths, homeURL: homeURL)
    var bag = DiagnosticBag()
    var sources: [String: SourceFile] = [:]
    var texts: [(path: String, text: String)] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file.url.path) else {
        bag.error("unreadable_file", "\(file.display) cannot be read", at: nil)
        continue
      }
      guard let text = SourceText.decode([UInt8](data), path: file.display, into: &bag) else { continue }
      texts.append((file.display, text))
    }
    let decoded = decode(texts, home: loaded.home)
    bag.add(contentsOf: decoded.diagnostics.diagnostics)
    sources.merge(decoded.sources) { a, _ in a }
    guard !bag.hasErrors else { throw .invalidDefinitions(bag, sources) }
    return FixtureSuite(home: loaded.home, fixtures: decoded.fixtures)
  }

  /// Decodes fixture texts (display path, text) against `home`; a file with errors yields no
  /// fixture and its diagnostics.
  public static func decode(_ files: [(path: String, text: String)], home: Home) -> (
    fixtures: [Fixture], diagnostics: DiagnosticBag, sources: [String: SourceFile]
  ) {
    var fixtures: [Fixture] = []
    var bag = DiagnosticBag()
    var sources: [String: SourceFile] = [:]
    for (path, text) in files {
      let source = SourceFile(path: path, text: text)
      sources[path] = source
      let reader = NodeReader(file: source)
      let root = YAMLComposer(file: source).compose(text, into: &reader.bag)
      var decoder = FixtureDecoder(reader: reader, home: home)
      if !reader.bag.hasErrors, let fixture = decoder.decode(root) { fixtures.append(fixture) }
      bag.add(contentsOf: reader.bag.diagnostics)
    }
    return (fixtures, bag, sources)
  }

  /// Runs every fixture, each on its own scratch store and clock.
  public func run() -> FixtureReport {
    FixtureReport(
      results: fixtures.map { fixture in
        var runner = FixtureRunner(fixture: fixture, home: home)
        return runner.run()
      })
  }

  // MARK: - Finding files

  private static func fixtureFiles(_ paths: [URL], homeURL: URL) throws(DocketError) -> [(url: URL, display: String)] {
    let manager = FileManager.default
    let explicit = !paths.isEmpty
    let roots = explicit ? paths : [homeURL.appendingPathComponent(defaultFolder, isDirectory: true)]
    var files: [URL] = []
    for root in roots {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: root.path, isDirectory: &isFolder) else {
        if explicit { throw .usage("'\(root.path)' does not exist; give fixture files or folders") }
        continue
      }
      if isFolder.boolValue {
        let names = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
        files += names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
          .sorted().map { root.appendingPathComponent($0) }
      } else {
        files.append(root)
      }
    }
    let base = homeURL.standardizedFileURL.path + "/"
    return files.map { url in
      let path = url.standardizedFileURL.path
      return (url, path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
    }
  }
}

/// Every fixture's result, in the order the fixtures were read.
public struct FixtureReport: Sendable {
  public var results: [FixtureResult]

  public init(results: [FixtureResult]) { self.results = results }

  public var passed: Int { results.filter(\.passed).count }
  public var failed: Int { results.count - passed }

  /// What all runs exercised together (for coverage).
  public var exercised: Exercised {
    results.reduce(into: Exercised()) { $0.formUnion($1.exercised) }
  }
}

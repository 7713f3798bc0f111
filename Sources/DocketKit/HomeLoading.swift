import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation

/// Loading definitions for a session: the home at open, kept older workflow versions later.
///
/// The only place DocketKit meets the loader (DocketDSL), so the session's contract (every
/// command validates first; errors carry their sources) is kept in one spot.
enum HomeLoading {
  struct Loaded {
    var home: Home
    /// Warnings only: a home with errors does not load.
    var warnings: DiagnosticBag
    var sources: [String: SourceFile]
  }

  /// Loads and checks every definition of the home at `url`.
  ///
  /// - Throws: ``DocketError/invalidDefinitions(_:_:)`` with every diagnostic when any is an
  ///   error; ``DocketError/usage(_:)`` when `url` is not a home folder.
  static func load(_ url: URL) throws(DocketError) -> Loaded {
    let loaded: LoadedHome
    do {
      loaded = try HomeLoader.load(home: url)
    } catch {
      throw .usage("\(error); give the home with --home DIR or $DOCKET_HOME")
    }
    guard !loaded.hasErrors else { throw .invalidDefinitions(loaded.diagnostics, loaded.sources) }
    return Loaded(home: loaded.home, warnings: loaded.diagnostics, sources: loaded.sources)
  }

  /// Decodes a kept copy of an older workflow version, or nil when it no longer decodes
  /// cleanly (the ticket then runs on the current definition and `validate` says so).
  static func pinnedDefinition(text: String, workflow: WorkflowID) -> WorkflowDefinition? {
    // Shown under the path the text had when it was the current workflow file.
    let decoded = HomeLoader.decodeWorkflow(text: text, path: "workflows/\(workflow).yaml")
    guard let definition = decoded.definition, !decoded.diagnostics.hasErrors else { return nil }
    return definition
  }
}

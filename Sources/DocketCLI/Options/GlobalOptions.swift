import ArgumentParser
import DocketKit
import DocketModel
import Foundation

/// The options every command takes (contract §6): `--home`, `--as`, `--now`, `--json`.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(
    "The home folder (default: $DOCKET_HOME, else the current folder).", valueName: "dir"),
    completion: .directory)
  var home: String?

  @Option(name: .customLong("as"), help: ArgumentHelp(
    "Act as this staff member (default: $DOCKET_USER).", valueName: "user"))
  var actor: String?

  @Option(name: .long, help: ArgumentHelp(
    "Pretend it is this time, RFC 3339 (default: $DOCKET_NOW, else the clock).",
    valueName: "time"))
  var now: String?

  @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
  var json = false

  /// The values given, as plain strings.
  var values: GlobalValues { GlobalValues(home: home, actor: actor, now: now, json: json) }

  /// The options with their environment fallbacks applied (see ``GlobalValues/resolve``).
  func resolve(environment: ProcessEnvironment, currentDirectory: String) throws(CommandFailure)
    -> ResolvedOptions
  {
    try values.resolve(environment: environment, currentDirectory: currentDirectory)
  }
}

/// The global options as given on the command line, without ArgumentParser's wrappers: what
/// ``DirectParsing`` reads for the everyday commands and what ``GlobalOptions`` holds.
struct GlobalValues: Sendable, Equatable {
  var home: String?
  var actor: String?
  var now: String?
  var json = false

  /// The options with their environment fallbacks applied.
  ///
  /// - Parameters:
  ///   - environment: the process environment (a parameter so tests can pass their own).
  ///   - currentDirectory: used when neither `--home` nor `$DOCKET_HOME` is given.
  /// - Throws: a usage failure when `--now`/`$DOCKET_NOW` is not RFC 3339.
  func resolve(environment: ProcessEnvironment, currentDirectory: String) throws(CommandFailure)
    -> ResolvedOptions
  {
    let homePath = nonEmpty(home) ?? nonEmpty(environment["DOCKET_HOME"]) ?? currentDirectory
    let home = Self.standardizedDirectory(homePath, relativeTo: currentDirectory)
    let user = (nonEmpty(actor) ?? nonEmpty(environment["DOCKET_USER"])).map { UserID($0) }
    var fixedNow: Date?
    if let text = nonEmpty(now) ?? nonEmpty(environment["DOCKET_NOW"]) {
      guard let date = RFC3339.parse(text) else {
        let source = nonEmpty(now) != nil ? "--now" : "DOCKET_NOW"
        throw .usage(
          "\(source) '\(text)' is not an RFC 3339 time (e.g. 2026-03-02T09:00:00+08:00)")
      }
      fixedNow = date
    }
    return ResolvedOptions(home: home.url, homePath: home.path, actor: user, now: fixedNow, json: json)
  }

  /// `path` as an absolute, standardized directory URL, and that URL's `path`.
  ///
  /// A path that is already standard once made absolute (no `.` or `..` component, no
  /// doubled or trailing slash, no `~` to expand, none of the prefixes Foundation strips) is
  /// taken as it is: it is what `standardizedFileURL` would return, and that call's first
  /// use costs 0.4 M instructions in the static binary (docs/performance.md §13). Anything
  /// else goes through Foundation, so its rules (symbolic links before `..`) stay the only
  /// ones.
  ///
  /// The path comes back as a string too: a URL's first `path` costs 0.38 M instructions in
  /// the static binary (docs/performance.md §13), and the command line needs only the string.
  static func standardizedDirectory(_ path: String, relativeTo currentDirectory: String)
    -> (url: URL, path: String)
  {
    let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
    if !path.hasPrefix("~"), StandardPath.isStandardAbsolute(absolute) {
      return (URL(fileURLWithPath: absolute, isDirectory: true), absolute)
    }
    let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
    let url = URL(fileURLWithPath: path, isDirectory: true, relativeTo: base).standardizedFileURL
    return (url, url.path)
  }

  /// `s`, unless it is missing or only spaces and tabs.
  private func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.trimmingSpaces().isEmpty else { return nil }
    return s
  }
}

/// ``GlobalOptions`` after the environment fallbacks: what commands actually use.
struct ResolvedOptions: Sendable, Equatable {
  var home: URL
  /// `home.path`, known without asking the URL.
  var homePath: String
  /// Nil when neither `--as` nor `$DOCKET_USER` names anyone.
  var actor: UserID?
  /// Nil means the system clock.
  var now: Date?
  var json: Bool
  /// The definitions the command needs (set by the command, not by a flag).
  var definitions: DefinitionScope = .everything

  init(home: URL, homePath: String? = nil, actor: UserID?, now: Date?, json: Bool) {
    self.home = home
    self.homePath = homePath ?? home.path
    self.actor = actor
    self.now = now
    self.json = json
  }
}

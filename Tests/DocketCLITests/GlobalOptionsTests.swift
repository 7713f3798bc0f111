import Foundation
import Testing

@testable import DocketCLI

/// The global options resolve flags first, then the environment, then defaults.
@Suite("Global options")
struct GlobalOptionsTests {
  private func resolve(_ arguments: [String], _ environment: ProcessEnvironment = [:]) throws
    -> ResolvedOptions
  {
    let options = try GlobalOptions.parse(arguments)
    return try options.resolve(environment: environment, currentDirectory: "/work/here")
  }

  @Test("flags win over the environment")
  func flagsWin() throws {
    let r = try resolve(
      ["--home", "/a", "--as", "ann", "--now", "2026-03-02T09:00:00+08:00", "--json"],
      ["DOCKET_HOME": "/b", "DOCKET_USER": "bob", "DOCKET_NOW": "2030-01-01T00:00:00Z"])
    #expect(r.home.path == "/a")
    #expect(r.actor?.rawValue == "ann")
    #expect(r.now == Date(timeIntervalSince1970: 1_772_413_200))
    #expect(r.json)
  }

  @Test("the environment fills what flags leave out")
  func environmentFallback() throws {
    let r = try resolve(
      [], ["DOCKET_HOME": "/b", "DOCKET_USER": "bob", "DOCKET_NOW": "2026-03-02T01:00:00Z"])
    #expect(r.home.path == "/b")
    #expect(r.actor?.rawValue == "bob")
    #expect(r.now == Date(timeIntervalSince1970: 1_772_413_200))
    #expect(!r.json)
  }

  @Test("without either: the current folder, nobody, the system clock")
  func defaults() throws {
    let r = try resolve([], ["DOCKET_USER": "  "])
    #expect(r.home.path == "/work/here")
    #expect(r.actor == nil)
    #expect(r.now == nil)
  }

  @Test("a relative --home is taken from the current folder")
  func relativeHome() throws {
    #expect(try resolve(["--home", "../there"]).home.path == "/work/there")
  }

  @Test("a --now that is not RFC 3339 is a usage failure naming the flag")
  func badNow() throws {
    #expect {
      try resolve(["--now", "tomorrow"])
    } throws: { error in
      guard let failure = error as? CommandFailure else { return false }
      return failure.status == .usage && failure.message.contains("--now")
    }
  }
}

/// Exit statuses are the contract's, whatever ArgumentParser would have used.
@Suite("Exit statuses")
struct ExitStatusTests {
  @Test("ArgumentParser's EX_USAGE (64) and other failures become 2; success stays 0")
  func argumentParserCodes() {
    #expect(ExitStatus.fromArgumentParser(64) == .usage)
    #expect(ExitStatus.fromArgumentParser(1) == .usage)
    #expect(ExitStatus.fromArgumentParser(0) == .success)
  }

  @Test("the contract's five statuses")
  func values() {
    #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
  }

  @Test("the error envelope has exactly code and message")
  func envelope() {
    let json = ErrorMapping.envelope(.unknownID("X-1"))
    #expect(json["error"]?["code"] == "unknown_id")
    #expect(json["error"]?["message"]?.stringValue?.contains("X-1") == true)
    #expect(json["error"]?.objectValue?.count == 2)
  }

  @Test("a home path resolves exactly as Foundation's standardizedFileURL would", arguments: [
    "/a/b", "/a/b/", "/a//b", "/a/./b", "/a/b/..", "/a/b/../c", "rel", "rel/../x", "./x", "../x",
    "/", "//", "/a/.hidden/b", "/a/..b/c", "/a/b.", "/家/客服", "/private/tmp/x", "~/x", "",
  ])
  func homePathMatchesFoundation(_ path: String) {
    let cwd = "/work/here"
    let foundation = URL(
      fileURLWithPath: path, isDirectory: true, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)
    ).standardizedFileURL
    let ours = GlobalValues.standardizedDirectory(path, relativeTo: cwd)
    #expect(ours.url.path == foundation.path)
    #expect(ours.path == foundation.path)
    #expect(ours.url.absoluteString == foundation.absoluteString)
  }
}

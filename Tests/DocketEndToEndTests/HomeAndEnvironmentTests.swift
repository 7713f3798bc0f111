import DocketTestSupport
import Foundation
import Testing

/// `--home`/`DOCKET_HOME`/the current folder, `--as`/`DOCKET_USER`, `--now`/`DOCKET_NOW`.
@Suite("Home, user and time from flags and environment")
struct HomeAndEnvironmentTests {
  @Test("--home wins over DOCKET_HOME")
  func homeFlagWins() throws {
    let home = try TaskHome.make()
    let other = try TemporaryHome()
    let result = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--home", home.path, "--as", "ann"],
      environment: ["DOCKET_HOME": other.path])
    #expect(result.status == 0, "\(result)")
    #expect(FileManager.default.fileExists(atPath: home.data.path))
    #expect(!FileManager.default.fileExists(atPath: other.data.path))
  }

  @Test("DOCKET_HOME is used when there is no --home")
  func homeFromEnvironment() throws {
    let home = try TaskHome.make()
    let elsewhere = try TemporaryHome()
    let result = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--as", "ann"],
      environment: ["DOCKET_HOME": home.path], directory: elsewhere.url)
    #expect(result.status == 0, "\(result)")
    #expect(FileManager.default.fileExists(atPath: home.data.path))
  }

  @Test("without --home or DOCKET_HOME the current folder is the home")
  func homeIsCurrentFolder() throws {
    let home = try TaskHome.make()
    let result = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--as", "ann"], directory: home.url)
    #expect(result.status == 0, "\(result)")
    #expect(FileManager.default.fileExists(atPath: home.data.path))
  }

  @Test("a home folder that does not exist is a usage error")
  func missingHome() throws {
    let result = try RunDocket.run(["list", "--home", "/nonexistent/docket-home", "--json"])
    #expect(result.status == 2, "\(result)")
  }

  @Test("DOCKET_USER acts when there is no --as; --as wins over it")
  func userFromEnvironment() throws {
    let home = try TaskHome.make()
    let byEnv = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--json"], home: home, environment: ["DOCKET_USER": "cat"])
    #expect((byEnv.json?["assignee"] as? [String: Any])?["user"] as? String == "cat", "\(byEnv)")
    let byFlag = try RunDocket.run(
      ["new", "task", "--set", "title=y", "--as", "ann", "--json"], home: home,
      environment: ["DOCKET_USER": "cat"])
    #expect((byFlag.json?["assignee"] as? [String: Any])?["user"] as? String == "ann", "\(byFlag)")
  }

  @Test("DOCKET_NOW sets the time; --now wins over it; times are written in the home's zone")
  func nowFromEnvironment() throws {
    let home = try TaskHome.make()
    let byEnv = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--as", "ann", "--json"], home: home,
      environment: ["DOCKET_NOW": "2026-03-02T01:00:00Z"])
    #expect(byEnv.json?["created_at"] as? String == "2026-03-02T09:00:00+08:00", "\(byEnv)")
    let byFlag = try RunDocket.run(
      ["new", "task", "--set", "title=x", "--as", "ann", "--json", "--now", "2026-03-05T10:00:00+08:00"],
      home: home, environment: ["DOCKET_NOW": "2026-03-02T01:00:00Z"])
    #expect(byFlag.json?["created_at"] as? String == "2026-03-05T10:00:00+08:00", "\(byFlag)")
  }

  @Test("output has no colour codes when not on a terminal")
  func noColourInPipes() throws {
    let home = try TaskHome.make()
    let id = try home.newTask()
    let result = try home.docket("show", id, as: "ann")
    #expect(!result.stdout.contains("\u{1B}["))
  }
}

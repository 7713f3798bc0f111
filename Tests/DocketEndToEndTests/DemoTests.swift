import DocketTestSupport
import Foundation
import Testing

/// `docket demo` plays its day on a copy of the bundled home and says where that copy is.
@Suite("docket demo")
struct DemoTests {
  @Test("the demo plays a day: tickets created, refused, breached; it prints the home")
  func playsADay() throws {
    let result = try RunDocket.run(["demo", "--json"])
    #expect(result.status == 0, "\(result)")
    let json = try #require(result.json)
    let path = try #require(json["home"] as? String)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let steps = try #require(json["steps"] as? [[String: Any]])
    #expect(steps.contains { $0["ok"] as? Bool == false && $0["code"] as? String == "not_permitted" })
    #expect(steps.contains { $0["ok"] as? Bool == false && $0["code"] as? String == "guard_failed" })
    #expect(steps.filter { $0["ok"] as? Bool == true }.count >= 10)
    #expect(FileManager.default.fileExists(atPath: path + "/data/instances/complaint/CMP-000001.json"))
    // The home it leaves behind works with the ordinary commands.
    let list = try RunDocket.run(["list", "--all", "--json", "--home", path])
    #expect((list.json?["tickets"] as? [Any])?.count ?? 0 >= 4, "\(list)")
  }

  @Test("the text output says where the home is and how to keep exploring")
  func textEndsWithDirections() throws {
    let result = try RunDocket.run(["demo"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("export DOCKET_HOME="))
    #expect(result.stdout.contains("breached"))
    // The bundled rules take part in the day: a closed repair gets its revisit, and a second
    // noise complaint from the same customer is found through a lookup and marked.
    #expect(result.stdout.contains("rule 'closed-repair-gets-revisit' started RVT-000001"))
    #expect(result.stdout.contains("marked as a repeat"))
    if let line = result.stdout.split(separator: "\n").first(where: { $0.contains("export DOCKET_HOME=") }),
      let path = line.split(separator: " ").first(where: { $0.hasPrefix("DOCKET_HOME=") })?.dropFirst(12)
    {
      try? FileManager.default.removeItem(atPath: String(path))
    }
  }

  @Test("the embedded copy of the bundled home plays the same day")
  func embeddedHome() throws {
    let result = try RunDocket.run(["demo", "--embedded", "--json"])
    #expect(result.status == 0, "\(result)")
    if let path = result.json?["home"] as? String { try? FileManager.default.removeItem(atPath: path) }
  }
}

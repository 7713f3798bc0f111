import DocketTestSupport
import Foundation
import Testing

/// Storage trouble is exit 4 naming the file, and one bad file never takes the rest down.
@Suite("Storage trouble")
struct StorageTests {
  @Test("a corrupt ticket file is exit 4 naming the file; other tickets keep working")
  func corruptTicket() throws {
    let home = try TaskHome.make()
    let bad = try home.newTask("坏的")
    let good = try home.newTask("好的")
    try home.write("data/instances/task/\(bad).json", "{ this is not json")

    let shown = try home.docket("show", bad, "--json")
    #expect(shown.status == 4, "\(shown)")
    #expect(shown.errorCode == "storage")
    #expect(shown.stdout.contains("\(bad).json"), "the message names the file: \(shown)")

    let text = try home.docket("advance", bad, "start", as: "ann")
    #expect(text.status == 4, "\(text)")
    #expect(text.stderr.contains("\(bad).json"))

    let other = try home.docket("advance", good, "start", as: "ann")
    #expect(other.status == 0, "\(other)")
    #expect(try home.docket("show", good).status == 0)
    #expect(try home.newTask("新的") == "TSK-000003")
  }

  @Test("reindex reports an unreadable ticket file with exit 4 and indexes the others")
  func reindexNamesBadFile() throws {
    let home = try TaskHome.make()
    let bad = try home.newTask()
    let good = try home.newTask()
    try home.write("data/instances/task/\(bad).json", "[]")
    let result = try home.docket("reindex")
    #expect(result.status == 4, "\(result)")
    #expect(result.stderr.contains("\(bad).json"), "\(result)")
    let list = try home.docket("list", "--json")
    let ids = (list.json?["tickets"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
    #expect(ids?.contains(good) == true, "\(list)")
  }
}

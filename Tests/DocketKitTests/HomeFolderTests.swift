import Foundation
import Testing

@testable import DocketKit

/// Whether a home folder exists is answered by `stat`, as Foundation's `fileExists` did.
@Suite("Home folder check")
struct HomeFolderTests {
  @Test("folders, files, links and missing paths answer as FileManager does")
  func sameAsFileManager() throws {
    let manager = FileManager.default
    let base = manager.temporaryDirectory.appendingPathComponent("docket-folder-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: base) }
    let folder = base.appendingPathComponent("客服 home")
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = base.appendingPathComponent("file.txt")
    try Data("x".utf8).write(to: file)
    try manager.createSymbolicLink(
      atPath: base.appendingPathComponent("to-folder").path, withDestinationPath: folder.path)
    try manager.createSymbolicLink(
      atPath: base.appendingPathComponent("to-file").path, withDestinationPath: file.path)
    try manager.createSymbolicLink(
      atPath: base.appendingPathComponent("dangling").path,
      withDestinationPath: base.appendingPathComponent("nothing").path)
    let paths = [
      base.path, folder.path, folder.path + "/", file.path, base.path + "/to-folder",
      base.path + "/to-file", base.path + "/dangling", base.path + "/nothing", "", "/",
      folder.path + "/..", file.path + "/",
    ]
    var answers: [Bool] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      let foundation = manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      #expect(DocketSession.isFolder(path) == foundation, "\(path)")
      answers.append(foundation)
    }
    // Both answers occur, so the comparison is not trivially true.
    #expect(answers.contains(true) && answers.contains(false))
  }
}

import Foundation
import Testing

@testable import DocketCLI

/// `getcwd` must give what Foundation's `currentDirectoryPath` gives, which it replaces.
@Suite("Working directory")
struct WorkingDirectoryTests {
  @Test("the current folder is Foundation's")
  func sameAsFoundation() {
    #expect(WorkingDirectory.path == FileManager.default.currentDirectoryPath)
    #expect(WorkingDirectory.path.hasPrefix("/"))
  }

  @Test("a buffer too short for the path grows until the whole path fits", arguments: [1, 2, 7])
  func growsTheBuffer(capacity: Int) {
    #expect(WorkingDirectory.path(capacity: capacity) == FileManager.default.currentDirectoryPath)
  }
}

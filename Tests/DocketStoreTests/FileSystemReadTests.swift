import DocketFiles
import Foundation
import Testing

@testable import DocketStore

/// `FileSystem.read` sizes its buffer by the file's stat; files whose stat says nothing of
/// their length (procfs) and files larger than any one read must still come back whole.
@Suite("Reading whole files")
struct FileSystemReadTests {
  @Test("a file of any size comes back byte for byte", arguments: [0, 1, 4095, 4096, 65_537, 300_000])
  func sizes(_ count: Int) throws {
    let path = NSTemporaryDirectory() + "docket-read-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(try FileSystem.read(path) == bytes)
  }

  #if os(Linux)
    @Test("a procfs file, whose stat gives size 0, is read to its end")
    func procfs() throws {
      let ours = try FileSystem.read("/proc/self/maps")
      #expect(ours.count > 64)
      #expect(ours.last == UInt8(ascii: "\n"))
      let boot = try FileSystem.read("/proc/sys/kernel/random/boot_id")
      #expect(boot.count == 37)
    }
  #endif

  @Test("a folder or a missing file is a failure, not bytes")
  func notAFile() {
    #expect(throws: FileSystem.Failure.self) { try FileSystem.read(NSTemporaryDirectory()) }
    #expect((try? FileSystem.read("/nonexistent-\(UUID().uuidString)")) == nil)
  }
}

import Foundation
import Testing

@testable import DocketStore

/// The store's root is `standardizedFileURL.path` of its folder (without a trailing slash);
/// folders already standard skip that call, and must come out the same.
@Suite("Store root")
struct StoreRootTests {
  @Test("the root is Foundation's standardized path, for standard and other folders", arguments: [
    "/a/b", "/a/b/", "/a//b", "/a/./b", "/a/b/..", "/a/b/../c", "/", "/a/.hidden/b", "/a/..b/c",
    "/a/b.", "/家/客服/data", "/private/tmp/x", "/var/automount/x", "/tmp/home/data",
  ])
  func rootMatchesFoundation(_ path: String) {
    for directory in [
      URL(fileURLWithPath: path), URL(fileURLWithPath: path, isDirectory: true),
      URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent("data"),
    ] {
      var expected = directory.standardizedFileURL.path
      while expected.count > 1, expected.hasSuffix("/") { expected.removeLast() }
      let store = FileInstanceStore(directory: directory, timeZone: .gmt)
      #expect(store.root == expected, "\(directory)")
    }
  }

  @Test("a relative folder resolves as Foundation resolves it")
  func relativeFolder() {
    let base = URL(fileURLWithPath: "/srv/home", isDirectory: true)
    for relative in ["data", "./data", "../data", "a/b/../data"] {
      let directory = URL(fileURLWithPath: relative, isDirectory: true, relativeTo: base)
      var expected = directory.standardizedFileURL.path
      while expected.count > 1, expected.hasSuffix("/") { expected.removeLast() }
      let store = FileInstanceStore(directory: directory, timeZone: .gmt)
      #expect(store.root == expected, "\(relative)")
    }
  }
}

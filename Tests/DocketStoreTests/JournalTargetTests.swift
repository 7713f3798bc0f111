import Testing

@testable import DocketStore

/// A journal target must stay inside the store; the byte-wise check must answer exactly as
/// the character-wise one it replaced (kept as ``JournalRecord/isSafeText(_:)``).
@Suite("Journal targets")
struct JournalTargetTests {
  @Test("listed paths: the store's own, escapes, dot names, empty parts, NUL, non-ASCII", arguments: [
    "instances/complaint/CMP-000001.json", "index/log", "lookups/open/0042", "a", "a/b/c",
    "", "/", "/a", "a/", "a//b", ".", "..", "./a", "../a", "a/..", "a/./b", "a/../b", "...",
    "a/.../b", ".hidden", "a/.b", "a/b.", "a\u{0}b", "客服/工单.json", "a/\u{301}b", "a//\u{301}b",
    "/\u{301}a", "..\u{301}", "a/.\u{301}", "\u{301}/a",
  ])
  func agreesWithTheCharacterWiseCheck(_ path: String) {
    #expect(JournalRecord.isSafe(path) == JournalRecord.isSafeText(path), "\(path.debugDescription)")
  }

  @Test("every path of up to five parts from a small alphabet agrees")
  func generatedPathsAgree() {
    let parts = ["", ".", "..", "a", "b.c", "..."]
    var paths = [""]
    var safe = 0
    for _ in 0..<4 {
      paths = paths.flatMap { p in parts.flatMap { [p + "/" + $0, p + $0] } }
      for path in paths {
        #expect(JournalRecord.isSafe(path) == JournalRecord.isSafeText(path), "\(path)")
        if JournalRecord.isSafe(path) { safe += 1 }
      }
    }
    #expect(safe > 100)
  }
}

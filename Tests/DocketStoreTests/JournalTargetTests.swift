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

/// The applied-marker's reader must answer as the `String`-splitting one it replaced.
@Suite("Journal marker")
struct JournalMarkerTests {
  @Test("markers and near-markers decode as before", arguments: [
    "docket-wal 1\tb1d2\t4096\n", "docket-wal 1\tb1d2\t0\n" + String(repeating: " ", count: 100),
    "docket-wal 1\tb1d2\t4096", "docket-wal 1\t\t4096\n", "docket-wal 1\tb1d2\t-1\n",
    "docket-wal 1\tb1d2\t12x\n", "docket-wal 1\tb1d2\t4096\textra\n", "docket-wal 2\tb1d2\t1\n",
    "docket-wal 1\tb1d2\t\n", "docket-wal 1\tb\u{301}\t7\n", "docket-wal 1\u{301}\tb\t7\n",
    "\tb\t7\n", "docket-wal 1\tb1d2\t+5\n", "docket-wal 1\tb1d2\t99999999999999999999\n", "",
    "docket-wal 1\t客服\t5\n",
  ])
  func decodesAsBefore(_ text: String) {
    #expect(JournalMarker.decode(Array(text.utf8)) == JournalMarker.decodeText(Array(text.utf8)))
  }

  @Test("a marker written is read back, and bytes that are not UTF-8 do not match")
  func roundTripAndBadBytes() throws {
    let marker = JournalMarker(boot: "0b8f-11", offset: 123_456)
    #expect(JournalMarker.decode(try #require(marker.encoded())) == marker)
    let bad: [UInt8] = Array("docket-wal 1\t".utf8) + [0xE4, 0x09] + Array("7\n".utf8)
    #expect(JournalMarker.decode(bad) == JournalMarker.decodeText(bad))
  }
}

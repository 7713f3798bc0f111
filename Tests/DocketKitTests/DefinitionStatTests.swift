import Foundation
import Testing

@testable import DocketKit
import DocketDSL
import DocketModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A command on one ticket hashes only the definition files whose stat changed since the
/// validated-home record was written (git's racy-clean rule), and still sees every edit.
@Suite("Definition files known unchanged by their stat")
struct DefinitionStatTests {
  typealias Home = BundledHomeTests

  /// A bundled home with one complaint, and a record that vouches for every definition file:
  /// a second commit, well after the files were written, kept their stats.
  static func settledHome() throws -> (URL, InstanceID) {
    let (home, id) = try ValidatedHomeTests.homeWithTicket()
    // Past the clock tick the files were copied in (the first record could not vouch for
    // files stamped in the tick they were read).
    Thread.sleep(forTimeInterval: 0.05)
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("complaint"))
    _ = try session.create("complaint", input: Home.complaint, actor: "li.wei")
    return (home, id)
  }

  static func status(of url: URL) -> stat? {
    var st = stat()
    return stat(url.path, &st) == 0 ? st : nil
  }

  static func label(_ session: DocketSession) -> String? {
    session.home.workflows["complaint"]?.states["handling"]?.label
  }

  /// Whether the complaint workflow the session holds carries the digest of the file as it
  /// is now (new tickets are pinned to it, so it must describe the decoded bytes).
  static func digestIsCurrent(_ session: DocketSession, home: URL) throws -> Bool {
    let bytes = try Data(contentsOf: home.appendingPathComponent("workflows/complaint.yaml"))
    return session.home.workflows["complaint"]?.digest == SHA256.digest(Array(bytes))
  }

  /// Sets the file's access and modification times to those in `old` (as `touch -d` would).
  static func setTimes(_ url: URL, from old: stat) throws {
    let times = [old.st_atim, old.st_mtim]
    #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
  }

  @Test func anUnchangedHomeIsNeitherReadNorHashedBeyondWhatTheCommandDecodes() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(session.hashedDefinitionFiles == [])
    #expect(Array(session.home.workflows.keys) == ["complaint"])
    #expect(Self.label(session) == "处理中")
    #expect(try Self.digestIsCurrent(session, home: home))
    // A home-wide command checks everything whatever the record says.
    #expect(try DocketSession.open(home: home, clock: Home.now).home.workflows.count > 1)
  }

  @Test func aSameSizeEditRightAfterACommandIsSeen() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    // A commit on the edited home keeps a record with the edited file's stat, taken in about
    // the clock tick of the edit; a second same-size edit straight after may leave the very
    // same stat (size, inode, time stamps), so only its contents tell.
    try ValidatedHomeTests.edit(home, "workflows/complaint.yaml") {
      $0.replacingOccurrences(of: "label: 处理中", with: "label: 办理中")
    }
    _ = try DocketSession.open(home: home, clock: Home.now, scope: .workflow("complaint"))
      .create("complaint", input: Home.complaint, actor: "li.wei")
    try ValidatedHomeTests.edit(home, "workflows/complaint.yaml") {
      $0.replacingOccurrences(of: "label: 办理中", with: "label: 受理中")
    }
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(Self.label(session) == "受理中")
    #expect(try Self.digestIsCurrent(session, home: home))
    #expect(session.hashedDefinitionFiles.contains("workflows/complaint.yaml"))
  }

  @Test func anEditWhoseModificationTimeWasSetBackIsSeen() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent("workflows/complaint.yaml")
    let before = try #require(Self.status(of: file))
    try ValidatedHomeTests.edit(home, "workflows/complaint.yaml") {
      $0.replacingOccurrences(of: "label: 处理中", with: "label: 办理中")
    }
    try Self.setTimes(file, from: before)
    let after = try #require(Self.status(of: file))
    #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
    #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(Self.label(session) == "办理中")
    #expect(try Self.digestIsCurrent(session, home: home))
    #expect(session.hashedDefinitionFiles == ["workflows/complaint.yaml"])
  }

  @Test func anInvalidEditToAFileTheCommandDoesNotDecodeIsSeenDespiteItsOldTimes() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent("workflows/repair.yaml")
    let before = try #require(Self.status(of: file))
    // Same size: `version: 0` is not a positive integer.
    try ValidatedHomeTests.edit(home, "workflows/repair.yaml") {
      $0.replacingOccurrences(of: "version: 1", with: "version: 0")
    }
    try Self.setTimes(file, from: before)
    #expect {
      try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    } throws: { error in
      guard case .invalidDefinitions(let bag, _)? = error as? DocketError else { return false }
      return bag.hasErrors
    }
  }

  @Test func aFileReplacedByRenameWithTheSameSizeAndTimesIsSeen() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent("workflows/complaint.yaml")
    let before = try #require(Self.status(of: file))
    let text = try String(contentsOf: file, encoding: .utf8)
    // A hidden name is not a definition file, so the home never holds two workflows.
    let replacement = home.appendingPathComponent("workflows/.complaint.yaml.new")
    try text.replacingOccurrences(of: "label: 处理中", with: "label: 办理中").write(
      to: replacement, atomically: false, encoding: .utf8)
    try Self.setTimes(replacement, from: before)
    #expect(rename(replacement.path, file.path) == 0)
    let after = try #require(Self.status(of: file))
    #expect(after.st_size == before.st_size && after.st_ino != before.st_ino)
    let session = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(Self.label(session) == "办理中")
    #expect(try Self.digestIsCurrent(session, home: home))
    #expect(session.hashedDefinitionFiles == ["workflows/complaint.yaml"])
  }

  @Test func aTouchedFileIsHashedUntilACommitKeepsItsNewStat() throws {
    let (home, id) = try Self.settledHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent("workflows/repair.yaml")
    #expect(utimensat(AT_FDCWD, file.path, nil, 0) == 0)
    Thread.sleep(forTimeInterval: 0.05)
    let first = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(first.hashedDefinitionFiles == ["workflows/repair.yaml"])
    #expect(Array(first.home.workflows.keys) == ["complaint"])
    _ = try first.advance(id, event: "accept", input: .none, note: nil, actor: "li.wei")
    let second = try DocketSession.open(home: home, clock: Home.now, scope: .ticket(id))
    #expect(second.hashedDefinitionFiles == [])
  }

  /// git's racy-clean rule on its own: a file stamped in the clock tick its record read it in
  /// may have changed again without a new stamp, so only strictly older stamps are trusted.
  @Test func onlyFilesStampedBeforeTheRecordReadThemAreTrusted() {
    func time(_ s: Int64, _ n: Int64) -> FileStat.Time { FileStat.Time(seconds: s, nanoseconds: n) }
    func file(modified: FileStat.Time, changed: FileStat.Time) -> FileStat {
      FileStat(device: 1, inode: 2, size: 3, modified: modified, changed: changed)
    }
    var record = ValidatedHomeRecord(
      key: "k", workflowsByPrefix: [:], reach: [:], calendars: [:], since: time(100, 500))
    record.written = time(100, 900)
    let settled = file(modified: time(99, 0), changed: time(100, 499))
    #expect(record.vouches(for: settled, as: settled))
    let sameTick = file(modified: time(99, 0), changed: time(100, 500))
    #expect(!record.vouches(for: sameTick, as: sameTick))
    let modifiedInTick = file(modified: time(100, 500), changed: time(99, 0))
    #expect(!record.vouches(for: modifiedInTick, as: modifiedInTick))
    // Any difference in the stat, the change time included, means reading and hashing.
    var changed = settled
    changed.changed = time(100, 498)
    #expect(!record.vouches(for: changed, as: settled))
    var moved = settled
    moved.inode = 9
    #expect(!record.vouches(for: moved, as: settled))
    #expect(!record.vouches(for: settled, as: nil))
    // A record stamped in whole seconds: the file system keeps whole seconds, so only files
    // from before the previous second are settled.
    record.written = time(101, 0)
    #expect(!record.vouches(for: settled, as: settled))
    let older = file(modified: time(98, 0), changed: time(98, 999_999_999))
    #expect(record.vouches(for: older, as: older))
    // No record file time, no trust.
    record.written = nil
    #expect(!record.vouches(for: older, as: older))
  }
}

import DocketModel
import Foundation
import Testing

@testable import DocketStore

@Suite("Instance files: the contract §5 wire format")
struct InstanceRecordTests {
  static func bytes(_ name: String) throws -> [UInt8] {
    if name == "full-instance.json" { return Array(GoldenFiles.fullInstance.utf8) }
    return Array(try Data(contentsOf: GoldenFiles.contractExample))
  }

  @Test("reading then writing a file gives back the same bytes", arguments: [
    "contract-example.json", "full-instance.json",
  ])
  func roundTripIsByteForByte(_ name: String) throws {
    let original = try Self.bytes(name)
    let instance = try InstanceRecord.decode(original)
    let written = InstanceRecord.encode(instance, zone: Zone(shanghai))
    #expect(String(decoding: written, as: UTF8.self) == String(decoding: original, as: UTF8.self))
  }

  @Test func fullFileMapsEveryKeyToTheModel() throws {
    let i = try InstanceRecord.decode(try Self.bytes("full-instance.json"))
    #expect(i.id == "CMP-000042")
    #expect(i.version == 3)
    #expect(i.assignee == Assignee(role: "supervisor", user: nil))
    #expect(i.fields["customer"] == .string("张三 \"老张\""))
    #expect(i.fields["contacts"] == .int(2))
    #expect(i.fields["ratio"] == .double(3.0))
    #expect(i.links.parent == "SRV-000003")
    #expect(i.links.children == ["REV-000001", "REV-000007"])
    let paused = try #require(i.deadlines["reply_3d"])
    #expect(paused.state == .paused)
    let remaining: Int64 = 252_300  // 2d22h5m
    #expect(paused.remainingSeconds == remaining)
    #expect(paused.dueAt.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) == 0.25)
    let breach = i.history[1]
    #expect(breach.note == "超时/升级")
    #expect(breach.rule == "escalate-late-complaints")
    #expect(breach.assignee == Assignee(role: "supervisor", user: nil))
    #expect(i.history[0].from == nil)
  }

  @Test func chineseAndSlashesAreWrittenAsIs() throws {
    let text = String(decoding: InstanceRecord.encode(complaint(1, customer: "李四/王五"), zone: Zone(shanghai)), as: UTF8.self)
    #expect(text.contains("\"customer\": \"李四/王五\""))
    #expect(!text.contains("\\u"))
    #expect(!text.contains("\\/"))
    #expect(text.contains("\"created_at\": \"2026-03-02T09:00:00+08:00\""))
  }

  @Test func timesUseTheHomeTimeZoneOffset() throws {
    let utc = TimeZone(identifier: "UTC") ?? .current
    let text = String(decoding: InstanceRecord.encode(complaint(1), zone: Zone(utc)), as: UTF8.self)
    #expect(text.contains("\"created_at\": \"2026-03-02T01:00:00Z\""))
  }

  @Test func anUnknownFormatIsRefusedByName() throws {
    var text = String(decoding: try Self.bytes("contract-example.json"), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"format\": 1", with: "\"format\": 2")
    #expect {
      try InstanceRecord.decode(Array(text.utf8))
    } throws: { error in
      (error as? InstanceRecord.DecodingError)?.reason.contains("format 2") == true
    }
  }

  @Test(arguments: [
    ("\"revision\": 6", "", "missing 'revision'"),
    ("\"state\": \"met\"", "\"state\": \"late\"", "'deadlines.accept_30m.state' must be"),
    ("\"created_at\": \"2026-03-02T09:00:00+08:00\"", "\"created_at\": \"yesterday\"", "'created_at' is not an RFC 3339 time"),
    ("\"id\": \"CMP-000001\"", "\"id\": \"../x\"", "is not a ticket id"),
    ("\"format\": 1,", "\"format\": 1", "invalid JSON at line"),
  ])
  func aBrokenFileSaysWhatIsWrong(_ find: String, _ replace: String, _ expected: String) throws {
    var text = String(decoding: try Self.bytes("contract-example.json"), as: UTF8.self)
    if replace.isEmpty {
      text = text.replacingOccurrences(of: ",\n  " + find, with: "")
    } else if let range = text.range(of: find) {
      text.replaceSubrange(range, with: replace)
    }
    #expect {
      try InstanceRecord.decode(Array(text.utf8))
    } throws: { error in
      let reason = (error as? InstanceRecord.DecodingError)?.reason ?? ""
      return reason.contains(expected)
    }
  }

  @Test func hostileJSONIsAnErrorNotACrash() throws {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array(deep.utf8)) }
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array("\"\\ud800\"".utf8)) }
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0xFF, 0x22]) }
    // A cut-off 4-byte sequence: repairing it gives one U+FFFD, also three bytes long.
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0xF0, 0x90, 0x80, 0x22]) }
    #expect(try JSONReader.parse(Array("\"张三 😀\"".utf8)) == .string("张三 😀"))
    #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([]) }
  }

  @Test func escapesReadBackToTheSameText() throws {
    let value = JSONValue.string("a\"b\\c\n\u{1}é😀/")
    var w = JSONWriter(pretty: false)
    w.write(value)
    #expect(try JSONReader.parse(w.bytes) == value)
    #expect(try JSONReader.parse(Array("\"\\u00e9\\ud83d\\ude00\\/\"".utf8)) == .string("é😀/"))
  }
}

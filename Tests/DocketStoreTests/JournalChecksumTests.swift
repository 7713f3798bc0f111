import DocketModel
import Foundation
import Testing

@testable import DocketStore

/// The log's records carry a CRC-32C; those an older `docket` wrote with SHA-256 still read,
/// so a log left behind by an upgrade replays.
@Suite struct JournalChecksumTests {
  @Test func crc32cMatchesTheStandardCheckValues() {
    // RFC 3720 (iSCSI), appendix B.4, and the common check value of "123456789".
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum(Array(0...31).map(UInt8.init)) == 0x46DD_794E)
    #expect(CRC32C.checksum([UInt8]()) == 0)
  }

  static let record = JournalRecord(changes: [
    .put(target: "instances/complaint/CMP-000001.json", bytes: Array("{\"客户\": \"王\"}".utf8)),
    .append(target: "index/open.log", sizeBefore: 42, bytes: Array("line\n".utf8)),
  ])

  @Test func aRecordReadsBackAndAnyFlippedByteIsCaught() {
    let bytes = Self.record.encoded()
    #expect(bytes.starts(with: Array("DKW2".utf8)))
    #expect(JournalRecord.decode(bytes, at: 0) == .record(Self.record, end: bytes.count))
    #expect(JournalRecord.declaredEnd(bytes, at: 0) == bytes.count)
    for i in bytes.indices {
      var damaged = bytes
      damaged[i] ^= 0x01
      #expect(JournalRecord.decode(damaged, at: 0) == .invalid, "byte \(i)")
    }
  }

  /// The form before CRC-32C: "DKWL", the length, the payload, SHA-256 of all before it.
  @Test func aRecordAnOlderDocketWroteStillReads() {
    let current = Self.record.encoded()
    let payload = Array(current[12..<(current.count - 4)])
    var old = Array("DKWL".utf8)
    for shift in stride(from: 0, to: 64, by: 8) { old.append(UInt8(truncatingIfNeeded: UInt64(payload.count) >> UInt64(shift))) }
    old += payload
    old += SHA256.hash(old)
    let log = old + current
    #expect(JournalRecord.decode(log, at: 0) == .record(Self.record, end: old.count))
    #expect(JournalRecord.declaredEnd(log, at: 0) == old.count)
    #expect(JournalRecord.decode(log, at: old.count) == .record(Self.record, end: log.count))
    var damaged = old
    damaged[20] ^= 0x40
    #expect(JournalRecord.decode(damaged, at: 0) == .invalid)
  }
}

import DocketFiles
import DocketModel

/// How far the journal's log has been applied to the store's files, and in which boot of
/// the machine: `wal/applied`, written (never synced) after every commit.
///
/// In the boot that wrote it the marker is exact (the page cache is shared by every
/// process), so a marker at the log's end means nothing is left to do and a marker behind
/// it means a process died while applying. After a reboot the applied writes it vouches for
/// may have been lost with the page cache, so a marker of another boot vouches for nothing.
package struct JournalMarker: Equatable, Sendable {
  package var boot: String
  package var offset: Int64

  static let header = "docket-wal 1"
  /// Written padded to this width at offset 0, so it is replaced by one small `pwrite` and
  /// never needs truncating.
  static let width = 128

  package init(boot: String, offset: Int64) {
    self.boot = boot
    self.offset = offset
  }

  /// The marker's bytes; nil for a boot id that would not fit (none does on Linux: 36 bytes).
  func encoded() -> [UInt8]? {
    let line = Array("\(Self.header)\t\(boot)\t\(offset)\n".utf8)
    guard line.count <= Self.width, !boot.utf8.contains(where: { $0 < 0x21 }) else { return nil }
    return line + [UInt8](repeating: UInt8(ascii: " "), count: Self.width - line.count)
  }

  /// Reads a marker; nil when missing, cut short or not one.
  ///
  /// The line's three tab-separated fields are found in the bytes (splitting a `String` into
  /// `Substring`s cost every command 24 K instructions); a tab is always a character of its
  /// own, so this is the same split.
  static func decode(_ bytes: [UInt8]) -> JournalMarker? {
    guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
    let line = bytes[..<newline]
    guard let first = line.firstIndex(of: 0x09),
      let second = line[(first + 1)...].firstIndex(of: 0x09),
      !line[(second + 1)...].contains(0x09)
    else { return nil }
    let header = String(decoding: line[..<first], as: UTF8.self)
    let boot = String(decoding: line[(first + 1)..<second], as: UTF8.self)
    guard header == Self.header, !boot.isEmpty,
      let offset = Int64(String(decoding: line[(second + 1)...], as: UTF8.self)), offset >= 0
    else { return nil }
    return JournalMarker(boot: boot, offset: offset)
  }

  /// ``decode(_:)`` as it was written first, by splitting a `String` (tests compare the two).
  static func decodeText(_ bytes: [UInt8]) -> JournalMarker? {
    guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
    let parts = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == Self.header, !parts[1].isEmpty, let offset = Int64(parts[2]), offset >= 0
    else { return nil }
    return JournalMarker(boot: String(parts[1]), offset: offset)
  }

  /// This boot of the machine (Linux `/proc/sys/kernel/random/boot_id`), read once per
  /// process; nil where there is none, and then every commit is checkpointed.
  package static let currentBoot: String? = {
    #if os(Linux)
      guard let bytes = try? FileSystem.read("/proc/sys/kernel/random/boot_id") else { return nil }
      let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
      return text.isEmpty ? nil : text
    #else
      return nil
    #endif
  }()
}

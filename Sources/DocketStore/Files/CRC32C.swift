/// CRC-32C (Castagnoli), the checksum of write-ahead logs (ext4, Btrfs, PostgreSQL, RocksDB):
/// it catches a record cut short or garbled by a crash, for a tenth of SHA-256's work.
enum CRC32C {
  /// The table for the reflected polynomial 0x82F63B78, one entry per byte value.
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0x82F6_3B78 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// The checksum of `bytes` (standard: initial value and final XOR all ones).
  static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    table.withUnsafeBufferPointer { table in
      var crc: UInt32 = 0xFFFF_FFFF
      for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
      return crc ^ 0xFFFF_FFFF
    }
  }
}

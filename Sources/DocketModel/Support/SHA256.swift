/// SHA-256 (FIPS 180-4), for the `sha256:<hex>` digest that pins a ticket to the exact bytes
/// of the workflow file it started on, and for the validated-home fingerprint every command
/// computes over the definition files. Small and dependency-free; not constant-time, which a
/// content digest does not need.
///
/// Works on the bytes in place (no copy of the message, no allocation per block): every
/// command hashes every definition file of its home, so this is on each command's path.
public enum SHA256 {
  /// The 32-byte digest of `bytes`.
  public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
    let state = digestState(bytes)
    var out = [UInt8]()
    out.reserveCapacity(32)
    for word in state.words {
      for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
    return out
  }

  /// Lower-case hex of the digest of `bytes`.
  public static func hex(_ bytes: some Collection<UInt8>) -> String {
    digestState(bytes).text(prefix: "")
  }

  /// The digest as workflow definitions and instance files write it: `sha256:<hex>`.
  public static func digest(_ bytes: some Collection<UInt8>) -> String {
    digestState(bytes).text(prefix: "sha256:")
  }

  /// The final hash words of `bytes`, reading them in place when they are contiguous.
  private static func digestState(_ bytes: some Collection<UInt8>) -> State {
    var state = State()
    let done: Void? = bytes.withContiguousStorageIfAvailable { state.consume(UnsafeRawBufferPointer($0)) }
    if done == nil { Array(bytes).withUnsafeBytes { state.consume($0) } }
    return state
  }

  /// The eight hash words (H0…H7) as they evolve over the message's blocks.
  private struct State {
    var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372
    var h3: UInt32 = 0xa54f_f53a, h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c
    var h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19

    var words: [UInt32] { [h0, h1, h2, h3, h4, h5, h6, h7] }

    /// Hashes the whole message `message` (full blocks in place, then the padded tail).
    mutating func consume(_ message: UnsafeRawBufferPointer) {
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
          let fullBlocks = message.count / 64
          for block in 0..<fullBlocks {
            compress(UnsafeRawBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]), schedule)
          }
          // The rest, 0x80, zeros, and the bit length: one block, or two when the rest
          // leaves fewer than 9 bytes free.
          let rest = message.count - fullBlocks * 64
          let tailBytes = UnsafeMutableRawBufferPointer(tail)
          tailBytes.initializeMemory(as: UInt8.self, repeating: 0)
          if rest > 0, let source = message.baseAddress {
            tailBytes.baseAddress?.copyMemory(from: source + fullBlocks * 64, byteCount: rest)
          }
          tailBytes[rest] = 0x80
          let length = rest < 56 ? 64 : 128
          let bitLength = UInt64(message.count) &* 8
          for i in 0..<8 { tailBytes[length - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(i * 8)) }
          compress(UnsafeRawBufferPointer(rebasing: tailBytes[0..<64]), schedule)
          if length == 128 { compress(UnsafeRawBufferPointer(rebasing: tailBytes[64..<128]), schedule) }
        }
      }
    }

    /// One 64-byte block into the state; `w` is scratch for the message schedule.
    @inline(__always)
    private mutating func compress(_ block: UnsafeRawBufferPointer, _ w: UnsafeMutableBufferPointer<UInt32>) {
      guard let base = block.baseAddress, let w = w.baseAddress else { return }
      for t in 0..<16 {
        w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
      }
      for t in 16..<64 {
        let x = w[t - 15], y = w[t - 2]
        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
      roundConstants.withUnsafeBufferPointer { k in
        // Eight rounds per turn with the roles of the variables rotated by hand, so no round
        // shuffles all eight of them.
        for t in stride(from: 0, to: 64, by: 8) {
          Self.round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
          Self.round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
          Self.round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
          Self.round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
          Self.round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
          Self.round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
          Self.round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
          Self.round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
        }
      }
      h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
      h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
    }

    /// One round: `d` takes the new `e`, `h` the new `a` (the caller rotates the names).
    @inline(__always)
    private static func round(
      _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
      _ g: UInt32, _ h: inout UInt32, _ constantAndWord: UInt32
    ) {
      let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
      let ch = g ^ (e & (f ^ g))
      let t1 = h &+ s1 &+ ch &+ constantAndWord
      let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
      let maj = (a & b) | (c & (a | b))
      d &+= t1
      h = t1 &+ s0 &+ maj
    }

    /// `prefix` followed by the 64 lower-case hex digits of the state.
    func text(prefix: String) -> String {
      let digits: StaticString = "0123456789abcdef"
      var out = prefix
      out.reserveCapacity(prefix.utf8.count + 64)
      let hex = String(unsafeUninitializedCapacity: 64) { buffer in
        digits.withUTF8Buffer { digits in
          func put(_ word: UInt32, at offset: Int) {
            for i in 0..<8 { buffer[offset + i] = digits[Int((word >> UInt32(28 - 4 * i)) & 0xf)] }
          }
          put(h0, at: 0); put(h1, at: 8); put(h2, at: 16); put(h3, at: 24)
          put(h4, at: 32); put(h5, at: 40); put(h6, at: 48); put(h7, at: 56)
        }
        return 64
      }
      out += hex
      return out
    }
  }

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
}

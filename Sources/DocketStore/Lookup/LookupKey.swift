import DocketModel
import Foundation

/// The one form a lookup key is compared in, so the index, the in-memory store and the
/// reference scan agree on which tickets match.
///
/// Values that CEL (and Swift) call equal get the same form: a whole number is an `int`
/// whether it was stored as `3` or `3.0`, and text is in Unicode normalization form C (an
/// `é` typed as one scalar or as `e` plus an accent is the same customer). The key's text is
/// its compact JSON (object members sorted), which never holds a tab or a newline, so it is
/// stored as one column of an index line.
package enum LookupKey {
  /// The value as the index compares it.
  package static func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .double(let d) where d.rounded() == d && abs(d) < 9.2e18: .int(Int64(d))
    case .string(let s): .string(normalized(s))
    case .array(let items): .array(items.map(canonical))
    case .object(let members):
      .object(Dictionary(members.map { (normalized($0.key), canonical($0.value)) }) { a, _ in a })
    default: value
    }
  }

  package static func canonical(_ key: [JSONValue]) -> [JSONValue] { key.map(canonical) }

  /// The compact JSON text of a key already in canonical form: what bucket lines hold and
  /// compare.
  package static func text(_ canonicalKey: [JSONValue]) -> [UInt8] {
    var writer = JSONWriter(pretty: false, capacity: 64)
    writer.write(.array(canonicalKey))
    return writer.bytes
  }

  /// Which of `count` buckets the key text falls in (64-bit FNV-1a: stable across runs and
  /// machines, unlike Swift's seeded `Hasher`).
  package static func bucket(of text: [UInt8], count: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return Int(hash % UInt64(max(count, 1)))
  }

  /// NFC; ASCII text (most keys) is already in it.
  private static func normalized(_ s: String) -> String {
    s.utf8.allSatisfy { $0 < 0x80 } ? s : s.precomposedStringWithCanonicalMapping
  }
}

extension LookupDefinition {
  /// What the index of this lookup depends on: the workflow and the key fields in order.
  /// An index built for another signature is never read; it is rebuilt.
  package var indexSignature: String {
    ([workflow.rawValue] + keys.map(\.name.rawValue)).map(IndexLine.escape).joined(separator: "\t")
  }

  /// The entry with its key in canonical form (``LookupKey``).
  package func canonicalEntry(_ instance: Instance) -> LookupEntry? {
    guard var entry = LookupEntry(instance, for: self) else { return nil }
    entry.key = LookupKey.canonical(entry.key)
    return entry
  }
}

import DocketModel
import Foundation

/// How the store files lookup keys. Keys are compared in ``LookupEntry/canonicalKey(_:)``'s
/// form (shared with the engine, which merges a command's own tickets into answers); the
/// key's text is its compact JSON (object members sorted), which never holds a tab or a
/// newline, so it is stored as one column of an index line.
package enum LookupKey {
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
}

extension LookupDefinition {
  /// What the index of this lookup depends on: the workflow and the key fields in order.
  /// An index built for another signature is never read; it is rebuilt.
  /// Appended, not `joined`: that generic's first use costs 0.27 M instructions of run-time
  /// conformance lookups in the static binary, and every commit with a lookup builds this.
  package var indexSignature: String {
    var signature = IndexLine.escape(workflow.rawValue)
    for key in keys {
      signature += "\t"
      signature += IndexLine.escape(key.name.rawValue)
    }
    return signature
  }

  /// The entry with its key in canonical form (``LookupEntry/canonicalKey(_:)``).
  package func canonicalEntry(_ instance: Instance) -> LookupEntry? {
    guard var entry = LookupEntry(instance, for: self) else { return nil }
    entry.key = LookupEntry.canonicalKey(entry.key)
    return entry
  }
}

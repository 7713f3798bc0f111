import DocketDiagnostics

/// A YAML mapping whose keys are text, in file order, with lookup by key.
///
/// Made by ``NodeReader/mapping(_:_:keys:)`` (which has already reported unknown keys) or
/// ``NodeReader/namedEntries(_:_:)``. The first of duplicate keys wins; the composer reported
/// the others.
package struct YAMLMap: Sendable {
  /// The mapping node itself (its span starts at the first key).
  package let node: YAMLNode
  /// Entries in file order; keys carry their own spans.
  package let entries: [(key: Located<String>, value: YAMLNode)]

  package init(node: YAMLNode, entries: [(key: Located<String>, value: YAMLNode)]) {
    self.node = node
    self.entries = entries
  }

  /// The position of the first entry with this key. A linear scan: definition mappings have a
  /// handful of keys, where scanning beats hashing.
  private func index(_ key: String) -> Int? {
    entries.firstIndex { $0.key.value == key }
  }

  /// The value under `key`; nil when the key is absent or its value is YAML null.
  package subscript(key: String) -> YAMLNode? {
    guard let i = index(key), !entries[i].value.isNull else { return nil }
    return entries[i].value
  }

  /// Where `key` itself is written, if present.
  package func keySpan(_ key: String) -> SourceSpan? {
    index(key).map { entries[$0].key.span }
  }

  /// Whether `key` is present (even with a null value).
  package func has(_ key: String) -> Bool { index(key) != nil }

  package var keys: [String] { entries.map(\.key.value) }
}

/// Bounds on one definition file, so a hostile or broken file is a diagnostic, never a hang.
///
/// Real definition files are a few kilobytes with a few hundred nodes; the limits are two to
/// three orders of magnitude above that. The node count includes every alias expansion, so a
/// "billion laughs" file (each level an alias list of the previous one) is refused while it is
/// being parsed, before anything walks the expanded tree.
package struct YAMLLimits: Sendable, Hashable {
  /// Largest file read, in bytes. Default 1 MiB.
  package var maxBytes: Int
  /// Most alias uses (`*name`) in one file. Default 1,000.
  package var maxAliases: Int
  /// Most nodes in the document with every alias expanded. Default 100,000.
  package var maxNodes: Int
  /// Deepest nesting of lists and mappings. Default 64.
  package var maxDepth: Int

  package init(
    maxBytes: Int = 1 << 20, maxAliases: Int = 1_000, maxNodes: Int = 100_000, maxDepth: Int = 64
  ) {
    self.maxBytes = maxBytes
    self.maxAliases = maxAliases
    self.maxNodes = maxNodes
    self.maxDepth = maxDepth
  }

  package static let `default` = YAMLLimits()
}

import DocketDiagnostics
import DocketModel
import Foundation

/// Reads `docket.yaml`, the optional home-wide settings: `timezone` (an IANA zone id),
/// `store` (the instance store folder) and `rule_depth_limit`.
package struct SettingsDecoder {
  package static let keys = ["timezone", "store", "rule_depth_limit"]

  let reader: NodeReader

  package init(reader: NodeReader) {
    self.reader = reader
  }

  /// The settings of `root`; defaults for whatever is absent or wrong.
  package func decode(_ root: YAMLNode?) -> Settings {
    var settings = Settings()
    guard let root, !root.isNull,
      let map = reader.mapping(root, "docket.yaml", keys: Self.keys)
    else { return settings }
    let what = "docket.yaml"
    if let zone = reader.string(in: map, "timezone", of: what) {
      // Foundation must know the name too: display code shows times through it.
      if TimeZone(identifier: zone.value) != nil, let found = Zone(identifier: zone.value) {
        settings.zone = found
      } else {
        reader.bag.add(.invalidTimeZone(zone.value, at: zone.span))
      }
    }
    if let store = reader.string(in: map, "store", of: what) {
      if store.value.isEmpty || store.value.contains("\0") {
        reader.bag.add(.error("invalid_store_path", "'store' must name a folder", at: store.span))
      } else {
        settings.storePath = store.value
      }
    }
    if let depth = reader.int(in: map, "rule_depth_limit", of: what) {
      if (1...1000).contains(depth.value) {
        settings.ruleDepthLimit = depth.value
      } else {
        reader.bag.add(
          .error(
            "wrong_type", "'rule_depth_limit' must be a whole number from 1 to 1000", at: depth.span))
      }
    }
    return settings
  }
}

extension Diagnostic {
  static func invalidTimeZone(_ name: String, at span: SourceSpan) -> Diagnostic {
    .error(
      "invalid_timezone", "unknown time zone '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: TimeZone.knownTimeZoneIdentifiers),
      help: "use an IANA zone id such as Asia/Shanghai or Europe/London")
  }
}

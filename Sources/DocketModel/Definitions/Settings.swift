import Foundation

/// Home-wide settings from `docket.yaml`; every key is optional.
public struct Settings: Sendable {
  /// Times are written with this zone's offset, and dates are read in it.
  public var timeZone: TimeZone
  /// The instance store folder, relative to the home.
  public var storePath: String
  /// Rules may trigger rules; a chain deeper than this refuses the whole command.
  public var ruleDepthLimit: Int

  public init(
    timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, storePath: String = "data",
    ruleDepthLimit: Int = 8
  ) {
    self.timeZone = timeZone
    self.storePath = storePath
    self.ruleDepthLimit = ruleDepthLimit
  }
}

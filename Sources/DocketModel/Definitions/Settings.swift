import Foundation

/// Home-wide settings from `docket.yaml`; every key is optional.
public struct Settings: Sendable {
  /// Times are written with this zone's offset, and dates are read in it.
  public var zone: Zone
  /// The instance store folder, relative to the home.
  public var storePath: String
  /// Rules may trigger rules; a chain deeper than this refuses the whole command.
  public var ruleDepthLimit: Int

  public init(zone: Zone = .utc, storePath: String = "data", ruleDepthLimit: Int = 8) {
    self.zone = zone
    self.storePath = storePath
    self.ruleDepthLimit = ruleDepthLimit
  }

  public init(timeZone: TimeZone, storePath: String = "data", ruleDepthLimit: Int = 8) {
    self.init(zone: Zone(timeZone), storePath: storePath, ruleDepthLimit: ruleDepthLimit)
  }

  /// ``zone`` as a Foundation zone, for display code that needs calendars and formatters.
  public var timeZone: TimeZone { zone.timeZone }
}

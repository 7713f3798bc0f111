import DocketModel
import Foundation

/// Compares a fixture's expected field value (YAML text) with a ticket's typed value, the
/// way a tester reads them: `3` equals the int 3 and the number 3.0, `true` equals true,
/// and a time equals the same instant written with any offset.
enum ValueMatch {
  static func matches(_ expected: ExpectedValue, _ actual: JSONValue, zone: TimeZone) -> Bool {
    switch (expected, actual) {
    case (.null, .null): return true
    case (.null, _), (_, .null): return false
    case (.list(let items), .array(let values)):
      return items.count == values.count
        && zip(items, values).allSatisfy { matches($0, $1, zone: zone) }
    case (.list, _): return false
    case (.scalar(let text), _):
      let got = self.text(actual, zone: zone)
      if text == got { return true }
      if let a = Double(text), let b = actual.doubleValue { return a == b }
      if let a = RFC3339.parse(text), case .string(let s) = actual, let b = RFC3339.parse(s) { return a == b }
      if case .bool(let b) = actual { return ["yes": true, "no": false][text] == b }
      return false
    }
  }

  /// The value as a fixture would write it.
  static func text(_ value: JSONValue, zone: TimeZone) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .int(let i): String(i)
    case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    case .string(let s): s
    case .array(let items): "[" + items.map { text($0, zone: zone) }.joined(separator: ", ") + "]"
    case .object(let o): "{" + o.keys.sorted().map { "\($0): \(text(o[$0] ?? .null, zone: zone))" }.joined(separator: ", ") + "}"
    }
  }
}

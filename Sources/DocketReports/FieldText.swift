import DocketModel
import Foundation

/// A field value as staff read it: text as is, lists joined, booleans in words, times local.
public enum FieldText {
  public static func render(_ value: JSONValue, type: FieldType?, zone: TimeZone) -> String {
    switch value {
    case .null: return "—"
    case .bool(let b): return b ? "yes" : "no"
    case .int(let i): return String(i)
    case .double(let d):
      return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    case .string(let s):
      if type == .datetime, let date = RFC3339.parse(s) { return TimeText.local(date, in: zone) }
      return s
    case .array(let items):
      return items.map { render($0, type: nil, zone: zone) }.joined(separator: ", ")
    case .object:
      return JSONText.compact(value)
    }
  }
}

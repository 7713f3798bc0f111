import DocketModel
import Foundation

/// Turns given values into stored field values, checking each against its field's type.
///
/// Stored forms (contract §5): `string`/`text`/`enum` as strings, `int` as integers, `number`
/// as numbers, `bool` as booleans, `date` as `YYYY-MM-DD`, `datetime` as RFC 3339 with the
/// home's offset, `duration` as canonical `1h30m` text, `list` as an array of strings.
struct FieldValueParser {
  var zone: Zone

  /// The stored value for `input`, or the reason it does not fit `field`.
  func parse(_ input: FieldInput.Value, for field: FieldDefinition) -> Result<JSONValue, Refusal> {
    switch input {
    case .text(let text):
      return parse(text: text, for: field)
    case .value(let value):
      return check(value, for: field)
    }
  }

  /// Parses typed text (`--set`). Empty text clears the field.
  func parse(text: String, for field: FieldDefinition) -> Result<JSONValue, Refusal> {
    let trimmed = Self.trimmed(text)
    if trimmed.isEmpty { return .success(.null) }
    func bad(_ reason: String) -> Result<JSONValue, Refusal> {
      .failure(.invalidValue(field: field.name, label: field.displayName, value: text, reason: reason))
    }
    switch field.type {
    case .string, .text:
      return .success(.string(text))
    case .int:
      guard let i = Int64(trimmed) else { return bad("\(field.displayName) takes a whole number") }
      return bounded(.int(i), Double(i), field: field, shown: text)
    case .number:
      guard let d = Double(trimmed), d.isFinite else {
        return bad("\(field.displayName) takes a number such as 12.5")
      }
      return bounded(.double(d), d, field: field, shown: text)
    case .bool:
      switch trimmed.lowercased() {
      case "true", "yes", "1": return .success(.bool(true))
      case "false", "no", "0": return .success(.bool(false))
      default: return bad("\(field.displayName) takes true or false (or yes/no, 1/0)")
      }
    case .enum(let values):
      guard values.contains(trimmed) else {
        return bad("\(field.displayName) takes one of \(values.joined(separator: ", "))")
      }
      return .success(.string(trimmed))
    case .date:
      guard Self.isDate(trimmed) else { return bad("\(field.displayName) takes a date YYYY-MM-DD") }
      return .success(.string(trimmed))
    case .datetime:
      guard let date = RFC3339.parse(trimmed) else {
        return bad("\(field.displayName) takes a date and time such as 2026-03-02T09:00:00+08:00")
      }
      return .success(.string(RFC3339.format(date, in: zone)))
    case .duration:
      guard let d = DocketDuration(parsing: trimmed) else {
        return bad("\(field.displayName) takes a duration such as 90m, 2h, 1h30m or 3d")
      }
      return .success(.string(d.description))
    case .list:
      if trimmed.hasPrefix("[") {
        guard let data = trimmed.data(using: .utf8),
          let items = try? JSONDecoder().decode([String].self, from: data)
        else { return bad("\(field.displayName) takes a JSON array of strings or a comma-separated list") }
        return .success(.array(items.map { .string($0) }))
      }
      let items = trimmed.split(separator: ",").map {
        $0.trimmingSpaces()
      }.filter { !$0.isEmpty }
      return .success(.array(items.map { .string($0) }))
    }
  }

  /// Checks a typed value; strings given for non-text fields are parsed as typed text.
  func check(_ value: JSONValue, for field: FieldDefinition) -> Result<JSONValue, Refusal> {
    if value.isNull { return .success(.null) }
    func bad(_ reason: String) -> Result<JSONValue, Refusal> {
      .failure(
        .invalidValue(
          field: field.name, label: field.displayName, value: Self.show(value), reason: reason))
    }
    switch (field.type, value) {
    case (.string, .string), (.text, .string):
      return .success(value)
    case (.string, .int), (.string, .double), (.string, .bool), (.text, .int), (.text, .double),
      (.text, .bool):
      return .success(.string(Self.show(value)))
    case (.string, _), (.text, _):
      return bad("\(field.displayName) takes text")
    case (_, .string(let s)):
      return parse(text: s, for: field)
    case (.int, _):
      guard let i = value.intValue else { return bad("\(field.displayName) takes a whole number") }
      return bounded(.int(i), Double(i), field: field, shown: Self.show(value))
    case (.number, _):
      guard let d = value.doubleValue, d.isFinite else {
        return bad("\(field.displayName) takes a number")
      }
      return bounded(value, d, field: field, shown: Self.show(value))
    case (.bool, .bool):
      return .success(value)
    case (.list, .array(let items)):
      var out: [JSONValue] = []
      for item in items {
        switch item {
        case .string: out.append(item)
        case .int, .double, .bool: out.append(.string(Self.show(item)))
        default: return bad("\(field.displayName) takes a list of strings")
        }
      }
      return .success(.array(out))
    default:
      return bad("\(field.displayName) takes \(Self.describe(field.type))")
    }
  }

  private func bounded(_ value: JSONValue, _ number: Double, field: FieldDefinition, shown: String)
    -> Result<JSONValue, Refusal>
  {
    if let min = field.minimum, number < min {
      return .failure(
        .invalidValue(
          field: field.name, label: field.displayName, value: shown,
          reason: "\(field.displayName) must be at least \(Self.show(.double(min)))"))
    }
    if let max = field.maximum, number > max {
      return .failure(
        .invalidValue(
          field: field.name, label: field.displayName, value: shown,
          reason: "\(field.displayName) must be at most \(Self.show(.double(max)))"))
    }
    return .success(value)
  }

  /// `text` without leading and trailing white space; the common case (none) costs two
  /// scalar checks rather than a Foundation call.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    func visible(_ u: Unicode.Scalar) -> Bool {
      u.value > 0x20 && u.value < 0x7F || (u.value >= 0x7F && !u.properties.isWhitespace)
    }
    if visible(first), visible(last) { return text }
    return text.trimmingWhitespace()
  }

  /// Whether `text` is a real calendar date `YYYY-MM-DD`.
  static func isDate(_ text: String) -> Bool {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
    func num(_ r: Range<Int>) -> Int64? {
      var v: Int64 = 0
      for i in r {
        guard u[i] >= 48, u[i] <= 57 else { return nil }
        v = v * 10 + Int64(u[i] - 48)
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m)
    else { return false }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days: Int64 =
      switch m {
      case 2: leap ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    return d >= 1 && d <= days
  }

  /// A value as a person would type it: `3`, `12.5`, `true`, `a, b`.
  static func show(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d):
      return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    case .string(let s): return s
    case .array(let a): return a.map(show).joined(separator: ", ")
    case .object: return "{…}"
    }
  }

  static func describe(_ type: FieldType) -> String {
    switch type {
    case .string, .text: "text"
    case .int: "a whole number"
    case .number: "a number"
    case .bool: "true or false"
    case .enum(let values): "one of \(values.joined(separator: ", "))"
    case .date: "a date YYYY-MM-DD"
    case .datetime: "an RFC 3339 date and time"
    case .duration: "a duration such as 1h30m"
    case .list: "a list of strings"
    }
  }
}

import CEL
import DocketModel
import Foundation

/// The one place where stored field values and CEL values meet, by field type.
///
/// A field's CEL type is ``FieldType/celType``: text kinds and dates are strings, `int` is
/// int, `number` double, `datetime` a timestamp, `duration` a duration, `list` a list of
/// strings; an unset field is `null`.
enum FieldConversion {
  /// The CEL value an expression sees for a stored field value.
  static func celValue(_ value: JSONValue, as type: FieldType) -> CELValue {
    switch (type, value) {
    case (_, .null): return .null
    case (.string, .string(let s)), (.text, .string(let s)), (.enum, .string(let s)),
      (.date, .string(let s)):
      return .string(s)
    case (.int, _):
      if let i = value.intValue { return .int(i) }
    case (.number, _):
      if let d = value.doubleValue { return .double(d) }
    case (.bool, .bool(let b)):
      return .bool(b)
    case (.datetime, .string(let s)):
      if let date = RFC3339.parse(s) { return timestamp(date) }
    case (.duration, .string(let s)):
      if let d = DocketDuration(parsing: s), let c = CELDuration(seconds: d.seconds) {
        return .duration(c)
      }
    case (.list, .array(let items)):
      return .list(items.map { $0.stringValue.map(CELValue.string) ?? $0.celValue })
    default:
      break
    }
    return .error(
      CELError(
        code: "invalid_field_value",
        "the stored value \(FieldValueParser.show(value)) is not a \(type.name)"))
  }

  /// The stored value for a CEL result assigned to a field, or why it does not fit.
  static func jsonValue(_ value: CELValue, for field: FieldDefinition, zone: Zone)
    -> Result<JSONValue, ConversionFailure>
  {
    if case .error(let e) = value { return .failure(ConversionFailure(reason: e.message)) }
    if case .null = value { return .success(.null) }
    let parser = FieldValueParser(zone: zone)
    func via(_ json: JSONValue) -> Result<JSONValue, ConversionFailure> {
      parser.check(json, for: field).mapError { ConversionFailure(reason: $0.reason) }
    }
    func wrong() -> Result<JSONValue, ConversionFailure> {
      .failure(
        ConversionFailure(
          reason:
            "the expression gave \(value.celType.runtimeName) \(value), not \(FieldValueParser.describe(field.type))"
        ))
    }
    switch (field.type, value) {
    case (.string, .string(let s)), (.text, .string(let s)), (.enum, .string(let s)),
      (.date, .string(let s)):
      return via(.string(s))
    case (.int, .int(let i)): return via(.int(i))
    case (.int, .uint(let u)):
      guard u <= UInt64(Int64.max) else { return wrong() }
      return via(.int(Int64(u)))
    case (.int, .double(let d)):
      guard d.rounded() == d, abs(d) < 9.2e18 else { return wrong() }
      return via(.int(Int64(d)))
    case (.number, .double(let d)): return via(.double(d))
    case (.number, .int(let i)): return via(.double(Double(i)))
    case (.number, .uint(let u)): return via(.double(Double(u)))
    case (.bool, .bool(let b)): return .success(.bool(b))
    case (.datetime, .timestamp(let t)):
      return .success(.string(RFC3339.format(date(t), in: zone)))
    case (.datetime, .string(let s)): return via(.string(s))
    case (.duration, .duration(let d)):
      return .success(.string(DocketDuration(seconds: d.seconds).description))
    case (.duration, .string(let s)): return via(.string(s))
    case (.list, .list(let items)):
      var out: [JSONValue] = []
      for item in items {
        guard case .string(let s) = item else { return wrong() }
        out.append(.string(s))
      }
      return .success(.array(out))
    default:
      return wrong()
    }
  }

  /// A date as a CEL timestamp; an error value outside CEL's years 1...9999.
  static func timestamp(_ date: Date) -> CELValue {
    let t = date.timeIntervalSince1970
    let s = t.rounded(.down)
    guard s.isFinite, abs(s) < 1e12,
      let ts = CELTimestamp(seconds: Int64(s), nanos: Int64(((t - s) * 1e9).rounded()))
    else { return .error(CELError(code: "range", "timestamp out of range")) }
    return .timestamp(ts)
  }

  static func date(_ t: CELTimestamp) -> Date {
    Date(timeIntervalSince1970: Double(t.seconds) + Double(t.nanos) / 1e9)
  }
}

/// Why a value could not be stored in a field.
struct ConversionFailure: Error {
  var reason: String
}

extension Refusal {
  /// The reason part of an ``Refusal/invalidValue(field:label:value:reason:)``, else the message.
  var reason: String {
    if case .invalidValue(_, _, _, let reason) = self { return reason }
    return message
  }
}

/// Type conversions: `int()`, `uint()`, `double()`, `string()`, `bytes()`, `bool()`,
/// `timestamp()`, `duration()`, with cel-go's range and format errors.
enum Conversions {
  static let toInt: StandardFunction = { args in
    switch args[0] {
    case .int: return args[0]
    case .uint(let u):
      return u <= UInt64(Int64.max) ? .int(Int64(u)) : .error(.range("range error converting \(u)u to int"))
    case .double(let d):
      guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
        return .error(.range("range error converting \(CELValue.formatDouble(d)) to int"))
      }
      return .int(Int64(d))
    case .string(let s):
      guard let i = Int64(s) else { return .error(.invalidArgument("cannot convert '\(s)' to int")) }
      return .int(i)
    case .timestamp(let t): return .int(t.seconds)
    default: return StandardLibrary.noOverload("int", args)
    }
  }

  static let toUInt: StandardFunction = { args in
    switch args[0] {
    case .uint: return args[0]
    case .int(let i):
      return i >= 0 ? .uint(UInt64(i)) : .error(.range("range error converting \(i) to uint"))
    case .double(let d):
      guard d.isFinite, d > -1, d < 1.8446744073709551616e19 else {
        return .error(.range("range error converting \(CELValue.formatDouble(d)) to uint"))
      }
      return .uint(UInt64(d))
    case .string(let s):
      guard !s.hasPrefix("+"), let u = UInt64(s) else {
        return .error(.invalidArgument("cannot convert '\(s)' to uint"))
      }
      return .uint(u)
    default: return StandardLibrary.noOverload("uint", args)
    }
  }

  static let toDouble: StandardFunction = { args in
    switch args[0] {
    case .double: return args[0]
    case .int(let i): return .double(Double(i))
    case .uint(let u): return .double(Double(u))
    case .string(let s):
      guard let d = parseDouble(s) else {
        return .error(.invalidArgument("cannot convert '\(s)' to double"))
      }
      return .double(d)
    default: return StandardLibrary.noOverload("double", args)
    }
  }

  /// Go's `strconv.ParseFloat` forms: decimal, exponent, `Inf`, `Infinity`, `NaN`.
  static func parseDouble(_ s: String) -> Double? {
    let lower = s.lowercased()
    let body = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
    if body == "inf" || body == "infinity" { return lower.hasPrefix("-") ? -.infinity : .infinity }
    if body == "nan" { return .nan }
    guard !body.isEmpty, body.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) })
    else { return nil }
    return Double(s)
  }

  static let toString: StandardFunction = { args in
    switch args[0] {
    case .string: return args[0]
    case .int(let i): return .string(String(i))
    case .uint(let u): return .string(String(u))
    case .double(let d): return .string(formatDouble(d))
    case .bool(let b): return .string(b ? "true" : "false")
    case .bytes(let b):
      guard let s = String(validating: b, as: UTF8.self) else {
        return .error(.invalidArgument("invalid UTF-8 in bytes, cannot convert to string"))
      }
      return .string(s)
    case .timestamp(let t): return .string(t.description)
    case .duration(let d): return .string(durationString(d))
    case .type(let t): return .string(t.runtimeName)
    case .null: return .string("null")
    default: return StandardLibrary.noOverload("string", args)
    }
  }

  /// Go's `strconv.FormatFloat(d, 'g', -1, 64)` as far as CEL users see it.
  static func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    var s = "\(d)"
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }

  /// `1.5s`, `-0.000000001s`, `3600s`: seconds with only the needed fraction digits.
  static func durationString(_ d: CELDuration) -> String {
    let negative = d.seconds < 0 || d.nanos < 0
    var frac = ""
    if d.nanos != 0 {
      var digits = String(Int64(d.nanos).magnitude)
      digits = String(repeating: "0", count: 9 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      frac = "." + digits
    }
    return (negative ? "-" : "") + "\(d.seconds.magnitude)" + frac + "s"
  }

  static let toBytes: StandardFunction = { args in
    switch args[0] {
    case .bytes: return args[0]
    case .string(let s): return .bytes(Array(s.utf8))
    default: return StandardLibrary.noOverload("bytes", args)
    }
  }

  static let toBool: StandardFunction = { args in
    switch args[0] {
    case .bool: return args[0]
    case .string(let s):
      switch s {
      case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
      case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
      default: return .error(.invalidArgument("Type conversion error: cannot convert '\(s)' to bool"))
      }
    default: return StandardLibrary.noOverload("bool", args)
    }
  }

  static let toTimestamp: StandardFunction = { args in
    switch args[0] {
    case .timestamp: return args[0]
    case .string(let s):
      guard let t = CELTimestamp(parsing: s) else {
        return .error(.invalidArgument("invalid timestamp '\(s)'"))
      }
      return .timestamp(t)
    case .int(let i):
      guard let t = CELTimestamp(seconds: i) else {
        return .error(.range("timestamp out of range"))
      }
      return .timestamp(t)
    default: return StandardLibrary.noOverload("timestamp", args)
    }
  }

  static let toDuration: StandardFunction = { args in
    switch args[0] {
    case .duration: return args[0]
    case .string(let s):
      guard let d = CELDuration(parsing: s) else {
        return .error(.invalidArgument("invalid duration '\(s)'"))
      }
      return .duration(d)
    default: return StandardLibrary.noOverload("duration", args)
    }
  }
}

import Foundation

/// cel-go's `string.format(list)` (formatting v2): `%s`, `%d`, `%f`, `%e`, `%b`, `%o`, `%x`,
/// `%X` with an optional precision (`%.3f`), and `%%`. A bad clause, a missing argument or an
/// argument of the wrong kind for its clause is an error value naming the problem.
enum StringFormat {
  static let overload = CELOverload(
    "string_format", [.string, .list(.dyn)], .string, member: true
  ) { args in
    guard case .string(let template) = args[0], case .list(let values) = args[1] else {
      return .error(.noMatchingOverload("format", args))
    }
    switch format(template, values) {
    case .success(let s): return .string(s)
    case .failure(let e): return .error(e)
    }
  }

  static func format(_ template: String, _ values: [CELValue]) -> Result<String, CELError> {
    var out = ""
    var next = 0
    let scalars = Array(template.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      i += 1
      guard c == "%" else {
        out.unicodeScalars.append(c)
        continue
      }
      if i < scalars.count, scalars[i] == "%" {
        out += "%"
        i += 1
        continue
      }
      var precision: Int?
      if i < scalars.count, scalars[i] == "." {
        i += 1
        var digits = 0
        var p = 0
        while i < scalars.count, ("0"..."9").contains(scalars[i]) {
          p = min(p * 10 + Int(scalars[i].value - 0x30), 1000)
          digits += 1
          i += 1
        }
        if digits == 0 {
          return .failure(clauseError("unable to find end of precision specifier"))
        }
        precision = p
      }
      guard i < scalars.count else {
        return .failure(clauseError("unrecognized formatting clause \"\""))
      }
      let verb = scalars[i]
      i += 1
      guard "sdfeboxX".unicodeScalars.contains(verb) else {
        return .failure(clauseError("unrecognized formatting clause \"\(verb)\""))
      }
      guard next < values.count else {
        return .failure(.invalidArgument("index \(next) out of range"))
      }
      let value = values[next]
      next += 1
      switch clause(verb, precision, value) {
      case .success(let s): out += s
      case .failure(let e): return .failure(e)
      }
    }
    return .success(out)
  }

  private static func clauseError(_ what: String) -> CELError {
    .invalidArgument("could not parse formatting clause: \(what)")
  }

  private static func formattingError(_ what: String, _ v: CELValue) -> CELError {
    .invalidArgument(
      "error during formatting: \(what), was given \(v.celType.runtimeName)")
  }

  private static func clause(_ verb: Unicode.Scalar, _ precision: Int?, _ v: CELValue)
    -> Result<String, CELError>
  {
    switch verb {
    case "s":
      return plain(v)
    case "d":
      switch v {
      case .int(let i): return .success(String(i))
      case .uint(let u): return .success(String(u))
      case .double(let d): return .success(special(d) ?? shortestFixed(d))
      default:
        return .failure(
          formattingError("decimal clause can only be used on integers", v))
      }
    case "f", "e":
      let p = precision ?? 6
      let d: Double
      switch v {
      case .int(let i): d = Double(i)
      case .uint(let u): d = Double(u)
      case .double(let x): d = x
      default:
        let what = verb == "f" ? "fixed-point clause" : "scientific clause"
        return .failure(formattingError("\(what) can only be used on doubles", v))
      }
      if let s = special(d) { return .success(s) }
      return .success(String(format: verb == "f" ? "%.*f" : "%.*e", p, d))
    case "b":
      switch v {
      case .bool(let b): return .success(b ? "1" : "0")
      case .int(let i): return .success(String(i, radix: 2))
      case .uint(let u): return .success(String(u, radix: 2))
      default:
        return .failure(formattingError("only integers and bools can be formatted as binary", v))
      }
    case "o":
      switch v {
      case .int(let i): return .success(String(i, radix: 8))
      case .uint(let u): return .success(String(u, radix: 8))
      default:
        return .failure(formattingError("octal clause can only be used on integers", v))
      }
    default:  // x, X
      let upper = verb == "X"
      let s: String
      switch v {
      case .int(let i): s = String(i, radix: 16)
      case .uint(let u): s = String(u, radix: 16)
      case .string(let str): s = hex(Array(str.utf8))
      case .bytes(let b): s = hex(b)
      default:
        return .failure(
          formattingError(
            "only integers, byte buffers, and strings can be formatted as hex", v))
      }
      return .success(upper ? s.uppercased() : s)
    }
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var out = ""
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return out
  }

  /// `NaN`, `Infinity`, `-Infinity`, as cel-go writes them in every clause.
  private static func special(_ d: Double) -> String? {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    return nil
  }

  /// The `%s` form of a value: lists and maps recursively, map entries sorted by key text.
  static func plain(_ v: CELValue) -> Result<String, CELError> {
    switch v {
    case .null: return .success("null")
    case .bool(let b): return .success(b ? "true" : "false")
    case .int(let i): return .success(String(i))
    case .uint(let u): return .success(String(u))
    case .double(let d): return .success(special(d) ?? shortestFixed(d))
    case .string(let s): return .success(s)
    case .bytes(let b): return .success(String(decoding: b, as: UTF8.self))
    case .duration(let d):
      return .success(Conversions.durationString(d))
    case .timestamp(let t): return .success(t.description)
    case .type(let t): return .success(t.runtimeName)
    case .list(let items):
      var parts: [String] = []
      for item in items {
        switch plain(item) {
        case .success(let s): parts.append(s)
        case .failure(let e): return .failure(e)
        }
      }
      return .success("[" + parts.joined(separator: ", ") + "]")
    case .map(let m):
      var entries: [(key: String, value: String)] = []
      for e in m.entries {
        guard case .success(let k) = plain(e.key) else { return plain(e.key) }
        guard case .success(let val) = plain(e.value) else { return plain(e.value) }
        entries.append((k, val))
      }
      entries.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      return .success("{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}")
    default:
      return .failure(
        .invalidArgument(
          "error during formatting: string clause can only be used on strings, bools, bytes, "
            + "ints, doubles, maps, lists, types, durations, and timestamps, was given "
            + v.celType.runtimeName))
    }
  }

  /// Go's `strconv.FormatFloat(d, 'f', -1, 64)`: the shortest digits that round-trip,
  /// written without an exponent.
  static func shortestFixed(_ d: Double) -> String {
    let text = "\(d)"
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", maxSplits: 1)
    let intPart = String(mantissa[0])
    var fracPart = mantissa.count == 2 ? String(mantissa[1]) : ""
    if fracPart == "0" { fracPart = "" }
    var digits = intPart + fracPart
    var point = intPart.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    } else if point > digits.count {
      digits += String(repeating: "0", count: point - digits.count)
    }
    var whole = String(digits.prefix(point))
    var frac = String(digits.dropFirst(point))
    while frac.hasSuffix("0") { frac.removeLast() }
    while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
    return (negative ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)
  }
}

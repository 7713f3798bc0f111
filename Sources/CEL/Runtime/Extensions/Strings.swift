/// cel-go's `ext.Strings()`: `charAt`, `indexOf`, `lastIndexOf`, `lowerAscii`, `upperAscii`,
/// `replace`, `split`, `substring`, `trim`, `join`, `reverse`, `strings.quote` and `format`
/// (in `StringFormat.swift`). Indexes and counts are in code points, as CEL's `size` is, and
/// an index out of range is an error value, never a crash.
extension CELLibrary {
  public static let strings = CELLibrary(
    name: "strings",
    names: [
      "charAt",
      "indexOf",
      "lastIndexOf",
      "lowerAscii",
      "upperAscii",
      "replace",
      "split",
      "substring",
      "trim",
      "join",
      "reverse",
      "strings.quote",
      "format",
    ],
    build: stringsFunction)

  /// The function called `name`, built alone (nil for a name the library lacks).
  private static func stringsFunction(_ name: String) -> CELFunction? {
    switch name {
    case "charAt":
      CELFunction(
        "charAt",
        overloads: [
          member("charAt", "string_char_at_int", [.string, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let i) = args[1] else { return nil }
            let scalars = Array(s.unicodeScalars)
            guard i >= 0, i <= scalars.count else { return .error(StringsExtension.outOfRange(i)) }
            return .string(i == scalars.count ? "" : String(scalars[Int(i)]))
          }
        ])
    case "indexOf":
      CELFunction(
        "indexOf",
        overloads: [
          member("indexOf", "string_index_of_string", [.string, .string], .int) { args in
            guard case .string(let s) = args[0], case .string(let sub) = args[1] else { return nil }
            return StringsExtension.indexOf(s, sub, from: 0)
          },
          member("indexOf", "string_index_of_string_int", [.string, .string, .int], .int) { args in
            guard case .string(let s) = args[0], case .string(let sub) = args[1],
              case .int(let from) = args[2]
            else { return nil }
            return StringsExtension.indexOf(s, sub, from: from)
          },
        ])
    case "lastIndexOf":
      CELFunction(
        "lastIndexOf",
        overloads: [
          member("lastIndexOf", "string_last_index_of_string", [.string, .string], .int) { args in
            guard case .string(let s) = args[0], case .string(let sub) = args[1] else { return nil }
            return StringsExtension.lastIndexOf(s, sub, from: nil)
          },
          member("lastIndexOf", "string_last_index_of_string_int", [.string, .string, .int], .int) {
            args in
            guard case .string(let s) = args[0], case .string(let sub) = args[1],
              case .int(let from) = args[2]
            else { return nil }
            return StringsExtension.lastIndexOf(s, sub, from: from)
          },
        ])
    case "lowerAscii":
      CELFunction(
        "lowerAscii",
        overloads: [
          member("lowerAscii", "string_lower_ascii", [.string], .string) { args in
            guard case .string(let s) = args[0] else { return nil }
            return .string(StringsExtension.mapASCII(s, from: 0x41...0x5A, offset: 32))
          }
        ])
    case "upperAscii":
      CELFunction(
        "upperAscii",
        overloads: [
          member("upperAscii", "string_upper_ascii", [.string], .string) { args in
            guard case .string(let s) = args[0] else { return nil }
            return .string(StringsExtension.mapASCII(s, from: 0x61...0x7A, offset: -32))
          }
        ])
    case "replace":
      CELFunction(
        "replace",
        overloads: [
          member("replace", "string_replace_string_string", [.string, .string, .string], .string) {
            args in
            guard case .string(let s) = args[0], case .string(let old) = args[1],
              case .string(let new) = args[2]
            else { return nil }
            return .string(StringsExtension.replace(s, old, new, limit: -1))
          },
          member(
            "replace", "string_replace_string_string_int", [.string, .string, .string, .int],
            .string
          ) { args in
            guard case .string(let s) = args[0], case .string(let old) = args[1],
              case .string(let new) = args[2], case .int(let n) = args[3]
            else { return nil }
            return .string(StringsExtension.replace(s, old, new, limit: n))
          },
        ])
    case "split":
      CELFunction(
        "split",
        overloads: [
          member("split", "string_split_string", [.string, .string], .list(.string)) { args in
            guard case .string(let s) = args[0], case .string(let sep) = args[1] else { return nil }
            return .list(StringsExtension.split(s, sep, limit: -1).map(CELValue.string))
          },
          member("split", "string_split_string_int", [.string, .string, .int], .list(.string)) {
            args in
            guard case .string(let s) = args[0], case .string(let sep) = args[1],
              case .int(let n) = args[2]
            else { return nil }
            return .list(StringsExtension.split(s, sep, limit: n).map(CELValue.string))
          },
        ])
    case "substring":
      CELFunction(
        "substring",
        overloads: [
          member("substring", "string_substring_int", [.string, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let start) = args[1] else { return nil }
            return StringsExtension.substring(s, start, nil)
          },
          member("substring", "string_substring_int_int", [.string, .int, .int], .string) { args in
            guard case .string(let s) = args[0], case .int(let start) = args[1],
              case .int(let end) = args[2]
            else { return nil }
            return StringsExtension.substring(s, start, end)
          },
        ])
    case "trim":
      CELFunction(
        "trim",
        overloads: [
          member("trim", "string_trim", [.string], .string) { args in
            guard case .string(let s) = args[0] else { return nil }
            return .string(StringsExtension.trim(s))
          }
        ])
    case "join":
      CELFunction(
        "join",
        overloads: [
          member("join", "list_join", [.list(.string)], .string) { args in
            guard case .list(let items) = args[0] else { return nil }
            return StringsExtension.join(items, "")
          },
          member("join", "list_join_string", [.list(.string), .string], .string) { args in
            guard case .list(let items) = args[0], case .string(let sep) = args[1] else {
              return nil
            }
            return StringsExtension.join(items, sep)
          },
        ])
    case "reverse":
      CELFunction(
        "reverse",
        overloads: [
          member("reverse", "string_reverse", [.string], .string) { args in
            guard case .string(let s) = args[0] else { return nil }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.reversed())
            return .string(String(out))
          }
        ])
    case "strings.quote":
      CELFunction(
        "strings.quote",
        overloads: [
          CELOverload("strings_quote", [.string], .string) { args in
            guard case .string(let s) = args[0] else {
              return .error(.noMatchingOverload("strings.quote", args))
            }
            return .string(StringsExtension.quote(s))
          }
        ])
    case "format":
      CELFunction("format", overloads: [StringFormat.overload])
    default: nil
    }
  }

  /// A member overload whose body returns nil for arguments of the wrong kinds (reported as
  /// `no matching overload`, as cel-go does for `dyn` receivers).
  static func member(
    _ name: String, _ id: String, _ parameters: [CELType], _ result: CELType,
    _ body: @escaping @Sendable ([CELValue]) -> CELValue?
  ) -> CELOverload {
    CELOverload(id, parameters, result, member: true) { args in
      body(args) ?? .error(.noMatchingOverload(name, args))
    }
  }
}

/// The algorithms behind the strings extension, on arrays of Unicode scalars (CEL's code
/// points) with Go's semantics for the corner cases (empty separators, negative limits).
enum StringsExtension {
  static func outOfRange(_ i: Int64) -> CELError {
    .invalidArgument("index out of range: \(i)")
  }

  static func indexOf(_ s: String, _ sub: String, from: Int64) -> CELValue {
    if sub.isEmpty { return .int(from) }
    let hay = Array(s.unicodeScalars)
    let needle = Array(sub.unicodeScalars)
    guard from >= 0, from < hay.count else { return .error(outOfRange(from)) }
    var i = Int(from)
    while i + needle.count <= hay.count {
      if hay[i..<(i + needle.count)].elementsEqual(needle) { return .int(Int64(i)) }
      i += 1
    }
    return .int(-1)
  }

  static func lastIndexOf(_ s: String, _ sub: String, from: Int64?) -> CELValue {
    let hay = Array(s.unicodeScalars)
    if sub.isEmpty { return .int(from ?? Int64(hay.count)) }
    let needle = Array(sub.unicodeScalars)
    var start = hay.count - needle.count
    if let from {
      guard from >= 0, from < hay.count else { return .error(outOfRange(from)) }
      start = min(start, Int(from))
    }
    var i = start
    while i >= 0 {
      if hay[i..<(i + needle.count)].elementsEqual(needle) { return .int(Int64(i)) }
      i -= 1
    }
    return .int(-1)
  }

  /// Shifts the ASCII letters in `range` by `offset`; every other scalar is kept.
  static func mapASCII(_ s: String, from range: ClosedRange<UInt32>, offset: Int32) -> String {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars {
      if range.contains(c.value), let m = Unicode.Scalar(UInt32(Int32(c.value) + offset)) {
        out.append(m)
      } else {
        out.append(c)
      }
    }
    return String(out)
  }

  /// Go's `strings.Replace`: at most `limit` replacements (all when negative); an empty
  /// `old` matches before every code point and at the end.
  static func replace(_ s: String, _ old: String, _ new: String, limit: Int64) -> String {
    if limit == 0 { return s }
    let hay = Array(s.unicodeScalars)
    let needle = Array(old.unicodeScalars)
    var out = String.UnicodeScalarView()
    var done: Int64 = 0
    var more: Bool { limit < 0 || done < limit }
    if needle.isEmpty {
      for c in hay {
        if more {
          out.append(contentsOf: new.unicodeScalars)
          done += 1
        }
        out.append(c)
      }
      if more { out.append(contentsOf: new.unicodeScalars) }
      return String(out)
    }
    var i = 0
    while i < hay.count {
      if more, i + needle.count <= hay.count, hay[i..<(i + needle.count)].elementsEqual(needle) {
        out.append(contentsOf: new.unicodeScalars)
        done += 1
        i += needle.count
      } else {
        out.append(hay[i])
        i += 1
      }
    }
    return String(out)
  }

  /// Go's `strings.SplitN`: `limit` 0 gives no parts, a negative limit all of them; an empty
  /// separator splits into code points.
  static func split(_ s: String, _ sep: String, limit: Int64) -> [String] {
    if limit == 0 { return [] }
    let hay = Array(s.unicodeScalars)
    let needle = Array(sep.unicodeScalars)
    var parts: [String] = []
    func piece(_ r: Range<Int>) -> String {
      var v = String.UnicodeScalarView()
      v.append(contentsOf: hay[r])
      return String(v)
    }
    if needle.isEmpty {
      for (k, c) in hay.enumerated() {
        if limit > 0, Int64(parts.count) == limit - 1 {
          parts.append(piece(k..<hay.count))
          return parts
        }
        parts.append(String(c))
      }
      return parts
    }
    var start = 0
    var i = 0
    while i + needle.count <= hay.count {
      if limit > 0, Int64(parts.count) == limit - 1 { break }
      if hay[i..<(i + needle.count)].elementsEqual(needle) {
        parts.append(piece(start..<i))
        i += needle.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(piece(start..<hay.count))
    return parts
  }

  static func substring(_ s: String, _ start: Int64, _ end: Int64?) -> CELValue {
    let scalars = Array(s.unicodeScalars)
    let count = Int64(scalars.count)
    guard start >= 0, start <= count else { return .error(outOfRange(start)) }
    let stop = end ?? count
    guard stop >= 0, stop <= count else { return .error(outOfRange(stop)) }
    guard start <= stop else {
      return .error(.invalidArgument("invalid substring range. start: \(start), end: \(stop)"))
    }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars[Int(start)..<Int(stop)])
    return .string(String(v))
  }

  /// Go's `strings.TrimSpace`: the Unicode White_Space property, at both ends.
  static func trim(_ s: String) -> String {
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else {
      return ""
    }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
    return String(scalars[first...last])
  }

  static func join(_ items: [CELValue], _ sep: String) -> CELValue {
    var out = ""
    for (k, item) in items.enumerated() {
      guard case .string(let s) = item else {
        return .error(.noMatchingOverload("join", [item]))
      }
      if k > 0 { out += sep }
      out += s
    }
    return .string(out)
  }

  /// cel-go's `strings.quote`: double quotes, with C escapes for control characters, the
  /// backslash and the double quote; everything else verbatim.
  static func quote(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\u{07}": out += "\\a"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{0B}": out += "\\v"
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }
}

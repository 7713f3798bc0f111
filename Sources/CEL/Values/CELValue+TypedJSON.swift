/// The typed JSON encoding of the conformance cases, which `docket eval --json` prints: one
/// key naming the type, `{"int": "-42"}`, `{"double": "NaN"}`, `{"bytes": "AP8="}`,
/// `{"map": [[K, V], ...]}`, `{"timestamp": "2009-02-13T23:31:30Z"}`, `{"type": "int"}`.
extension CELValue {
  // swiftlint:disable:next cyclomatic_complexity
  public init(typedJSON json: CELJSON) throws(CELJSONError) {
    guard case .object(let members) = json, members.count == 1 else {
      throw CELJSONError("a typed value is an object with one key, found \(json.text.prefix(40))")
    }
    let (kind, v) = (members[0].key, members[0].value)
    func bad() -> CELJSONError { CELJSONError("invalid \(kind) value \(v.text.prefix(40))") }
    switch (kind, v) {
    case ("null", _): self = .null
    case ("bool", .bool(let b)): self = .bool(b)
    case ("int", .string(let s)), ("int", .number(let s)):
      guard let i = Int64(s) else { throw bad() }
      self = .int(i)
    case ("uint", .string(let s)), ("uint", .number(let s)):
      guard let u = UInt64(s) else { throw bad() }
      self = .uint(u)
    case ("double", .number(let s)):
      guard let d = Double(s) else { throw bad() }
      self = .double(d)
    case ("double", .string(let s)):
      switch s {
      case "NaN": self = .double(.nan)
      case "Infinity": self = .double(.infinity)
      case "-Infinity": self = .double(-.infinity)
      default:
        guard let d = Double(s) else { throw bad() }
        self = .double(d)
      }
    case ("string", .string(let s)): self = .string(s)
    case ("bytes", .string(let s)):
      guard let b = Base64.decode(s) else { throw bad() }
      self = .bytes(b)
    case ("list", .array(let items)):
      var out: [CELValue] = []
      for item in items { out.append(try CELValue(typedJSON: item)) }
      self = .list(out)
    case ("map", .array(let entries)):
      var map = CELMap()
      for e in entries {
        guard case .array(let pair) = e, pair.count == 2 else { throw bad() }
        map[try CELValue(typedJSON: pair[0])] = try CELValue(typedJSON: pair[1])
      }
      self = .map(map)
    case ("type", .string(let name)):
      guard let t = CELType(runtimeName: name) else { throw bad() }
      self = .type(t)
    case ("duration", .string(let s)):
      guard let d = CELDuration(parsing: s) else { throw bad() }
      self = .duration(d)
    case ("timestamp", .string(let s)):
      guard let t = CELTimestamp(parsing: s) else { throw bad() }
      self = .timestamp(t)
    default:
      throw bad()
    }
  }

  /// The typed encoding; an error becomes `{"error": "message"}`, an optional
  /// `{"optional": V}` or `{"optional": null}`.
  public var typedJSON: CELJSON {
    func one(_ k: String, _ v: CELJSON) -> CELJSON { .object([.init(k, v)]) }
    switch self {
    case .null: return one("null", .null)
    case .bool(let b): return one("bool", .bool(b))
    case .int(let i): return one("int", .string(String(i)))
    case .uint(let u): return one("uint", .string(String(u)))
    case .double(let d):
      if d.isNaN { return one("double", .string("NaN")) }
      if d.isInfinite { return one("double", .string(d < 0 ? "-Infinity" : "Infinity")) }
      return one("double", .number(JSONNumber.format(d)))
    case .string(let s): return one("string", .string(s))
    case .bytes(let b): return one("bytes", .string(Base64.encode(b)))
    case .list(let l): return one("list", .array(l.map(\.typedJSON)))
    case .map(let m):
      return one("map", .array(m.entries.map { .array([$0.key.typedJSON, $0.value.typedJSON]) }))
    case .timestamp(let t): return one("timestamp", .string(t.description))
    case .duration(let d): return one("duration", .string(d.description))
    case .type(let t): return one("type", .string(t.runtimeName))
    case .optional(let o): return one("optional", o?.typedJSON ?? .null)
    case .error(let e): return one("error", .string(e.message))
    }
  }
}

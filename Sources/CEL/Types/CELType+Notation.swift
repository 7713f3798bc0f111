/// Reading types written in cel-go's notation, as declarations and the conformance
/// `type_env` spell them: `int`, `list(T)`, `map(string, dyn)`, `type(int)`,
/// `google.protobuf.Timestamp`, `optional_type(int)`, `tuple(T, U)`.
extension CELType {
  /// Parses a type in cel-go notation; nil when the text is not a type.
  ///
  /// A bare name that is not a known type is a type parameter when it starts with an
  /// uppercase letter and has no dot (`T`, `K`, `V`); otherwise an abstract type without
  /// parameters (`net.IP`). A name with arguments that is not a known type is an abstract
  /// type (`tuple(T, U, V)`), as cel-go's opaque types.
  public init?(notation: String) {
    var reader = TypeNotationReader(Array(notation.unicodeScalars))
    guard let t = reader.readType(depth: 0), reader.atEnd else { return nil }
    self = t
  }
}

/// A small recursive-descent reader over the scalars of a type string.
private struct TypeNotationReader {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  /// Nesting beyond this is refused, so hostile declarations cannot exhaust the stack.
  private static let maxDepth = 32

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  var atEnd: Bool {
    var i = index
    while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
    return i == scalars.count
  }

  mutating func readType(depth: Int) -> CELType? {
    guard depth < Self.maxDepth, let name = readName() else { return nil }
    var params: [CELType] = []
    if accept("(") {
      repeat {
        guard let p = readType(depth: depth + 1) else { return nil }
        params.append(p)
      } while accept(",")
      guard accept(")") else { return nil }
      if params.isEmpty { return nil }
    }
    return Self.make(name, params)
  }

  private static func make(_ name: String, _ params: [CELType]) -> CELType? {
    switch (name, params.count) {
    case ("dyn", 0), ("any", 0), ("google.protobuf.Any", 0), ("google.protobuf.Value", 0):
      return .dyn
    case ("null_type", 0), ("null", 0): return .null
    case ("bool", 0): return .bool
    case ("int", 0): return .int
    case ("uint", 0): return .uint
    case ("double", 0): return .double
    case ("string", 0): return .string
    case ("bytes", 0): return .bytes
    case ("google.protobuf.Timestamp", 0), ("timestamp", 0): return .timestamp
    case ("google.protobuf.Duration", 0), ("duration", 0): return .duration
    case ("list", 0): return .list(.dyn)
    case ("list", 1): return .list(params[0])
    case ("map", 0): return .map(.dyn, .dyn)
    case ("map", 2): return .map(params[0], params[1])
    case ("type", 0): return .type(.dyn)
    case ("type", 1): return .type(params[0])
    case ("optional_type", 1), ("optional", 1): return .optional(params[0])
    case ("error", 0), ("*error*", 0): return .error
    case ("list", _), ("map", _), ("type", _), ("optional_type", _), ("optional", _): return nil
    default:
      if params.isEmpty, isTypeParameterName(name) { return .typeParam(name) }
      return .opaque(name, params)
    }
  }

  private static func isTypeParameterName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    return ("A"..."Z").contains(first) && !name.contains(".")
  }

  private mutating func skipSpaces() {
    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
  }

  private mutating func accept(_ c: Unicode.Scalar) -> Bool {
    skipSpaces()
    guard index < scalars.count, scalars[index] == c else { return false }
    index += 1
    return true
  }

  /// A dotted name such as `google.protobuf.Timestamp`, `*error*` or `_var0`.
  private mutating func readName() -> String? {
    skipSpaces()
    var name = String.UnicodeScalarView()
    while index < scalars.count {
      let c = scalars[index]
      let isNamePart =
        c == "." || c == "_" || c == "*" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
        || ("0"..."9").contains(c)
      guard isNamePart else { break }
      name.append(c)
      index += 1
    }
    return name.isEmpty ? nil : String(name)
  }
}

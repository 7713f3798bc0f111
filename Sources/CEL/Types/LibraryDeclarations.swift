import Foundation

extension CheckerDeclarations {
  /// The standard library and every supported extension, as merging ``extensions`` into
  /// ``standard`` would give (the first overload of an id wins), and every layer's bottom.
  /// Its functions are declared by ``LibraryFunctions`` on first lookup and its type names
  /// looked up in a `switch`: every `docket` process that checks an expression gets here, and
  /// declaring the whole library up front cost more than checking a command's expressions.
  package static let all = CheckerDeclarations.libraryLayer()
}

/// The functions of the standard library and extensions, each declared the first time it is
/// looked up (by running its group's `declare...` table for that name only), then kept for
/// the process.
enum LibraryFunctions {
  /// A function's declaration, with the overloads of every group declaring it, in the order
  /// ``CheckerDeclarations/all`` lists them (standard library first).
  static func function(named name: String) -> FunctionDeclaration? {
    guard let entry = entry(named: name) else { return nil }
    return DeclaredFunctions.shared.function(named: name) {
      guard let first = entry.group.function(named: name) else { return nil }
      guard let more = entry.also?.function(named: name) else { return first }
      return FunctionDeclaration.merging(more, over: first)
    }
  }

  static func declares(_ name: String) -> Bool { entry(named: name) != nil }

  /// The type of a type name (`int`, `google.protobuf.Timestamp`, `optional_type`), as
  /// `declareTypeIdentifiers` and `declareOptionalTypeIdentifier` declare it, without a table.
  static func typeIdentifier(named name: String) -> CELType? {
    switch name {
    case "bool": .type(.bool)
    case "bytes": .type(.bytes)
    case "double": .type(.double)
    case "int": .type(.int)
    case "uint": .type(.uint)
    case "string": .type(.string)
    case "null_type": .type(.null)
    case "list": .type(.list(.dyn))
    case "map": .type(.map(.dyn, .dyn))
    case "google.protobuf.Duration": .type(.duration)
    case "google.protobuf.Timestamp": .type(.timestamp)
    case "type": .type(.type(.dyn))
    case "optional_type": .type(.optional(.dyn))
    default: nil
    }
  }

  static let typeIdentifierNames = [
    "bool", "bytes", "double", "int", "uint", "string", "null_type", "list", "map",
    "google.protobuf.Duration", "google.protobuf.Timestamp", "type", "optional_type",
  ]

  /// Every function name, for suggestions.
  static var names: [String] { index.map(\.name) }

  /// Binary search: the index is sorted so that finding a name needs neither hashing nor a
  /// table built at run time.
  private static func entry(named name: String) -> (name: String, group: Group, also: Group?)? {
    var low = 0
    var high = index.count
    while low < high {
      let middle = (low + high) / 2
      let entry = index[middle]
      if entry.name == name { return entry }
      if entry.name < name { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Every function name, sorted, with the group that declares it and, for `_[_]`, the
  /// group that adds overloads after it (a test holds this to the groups' tables).
  static let index: [(name: String, group: Group, also: Group?)] = [
    ("!_", .logic, nil),
    ("-_", .arithmetic, nil),
    ("@in", .collections, nil),
    ("@not_strictly_false", .logic, nil),
    ("_!=_", .logic, nil),
    ("_%_", .arithmetic, nil),
    ("_&&_", .logic, nil),
    ("_*_", .arithmetic, nil),
    ("_+_", .arithmetic, nil),
    ("_-_", .arithmetic, nil),
    ("_/_", .arithmetic, nil),
    ("_<=_", .comparisons, nil),
    ("_<_", .comparisons, nil),
    ("_==_", .logic, nil),
    ("_>=_", .comparisons, nil),
    ("_>_", .comparisons, nil),
    ("_?_:_", .logic, nil),
    ("_[?_]", .optionals, nil),
    ("_[_]", .collections, .optionals),
    ("__not_strictly_false__", .logic, nil),
    ("_in_", .collections, nil),
    ("_||_", .logic, nil),
    ("base64.decode", .encoders, nil),
    ("base64.encode", .encoders, nil),
    ("bool", .conversions, nil),
    ("bytes", .conversions, nil),
    ("cel.@mapInsert", .collections, nil),
    ("charAt", .strings, nil),
    ("contains", .stringPredicates, nil),
    ("double", .conversions, nil),
    ("duration", .conversions, nil),
    ("dyn", .conversions, nil),
    ("endsWith", .stringPredicates, nil),
    ("format", .strings, nil),
    ("getDate", .timeAccessors, nil),
    ("getDayOfMonth", .timeAccessors, nil),
    ("getDayOfWeek", .timeAccessors, nil),
    ("getDayOfYear", .timeAccessors, nil),
    ("getFullYear", .timeAccessors, nil),
    ("getHours", .timeAccessors, nil),
    ("getMilliseconds", .timeAccessors, nil),
    ("getMinutes", .timeAccessors, nil),
    ("getMonth", .timeAccessors, nil),
    ("getSeconds", .timeAccessors, nil),
    ("hasValue", .optionals, nil),
    ("indexOf", .strings, nil),
    ("int", .conversions, nil),
    ("join", .strings, nil),
    ("lastIndexOf", .strings, nil),
    ("lowerAscii", .strings, nil),
    ("matches", .stringPredicates, nil),
    ("math.abs", .math, nil),
    ("math.bitAnd", .math, nil),
    ("math.bitNot", .math, nil),
    ("math.bitOr", .math, nil),
    ("math.bitShiftLeft", .math, nil),
    ("math.bitShiftRight", .math, nil),
    ("math.bitXor", .math, nil),
    ("math.ceil", .math, nil),
    ("math.floor", .math, nil),
    ("math.greatest", .math, nil),
    ("math.isFinite", .math, nil),
    ("math.isInf", .math, nil),
    ("math.isNaN", .math, nil),
    ("math.least", .math, nil),
    ("math.round", .math, nil),
    ("math.sign", .math, nil),
    ("math.sqrt", .math, nil),
    ("math.trunc", .math, nil),
    ("optional.none", .optionals, nil),
    ("optional.of", .optionals, nil),
    ("optional.ofNonZeroValue", .optionals, nil),
    ("or", .optionals, nil),
    ("orValue", .optionals, nil),
    ("replace", .strings, nil),
    ("reverse", .strings, nil),
    ("size", .collections, nil),
    ("split", .strings, nil),
    ("startsWith", .stringPredicates, nil),
    ("string", .conversions, nil),
    ("strings.quote", .strings, nil),
    ("substring", .strings, nil),
    ("timestamp", .conversions, nil),
    ("trim", .strings, nil),
    ("type", .conversions, nil),
    ("uint", .conversions, nil),
    ("upperAscii", .strings, nil),
    ("value", .optionals, nil),
  ]

  /// One table of declarations; `also` groups come after the group they add to.
  enum Group: CaseIterable {
    case logic, arithmetic, comparisons, collections, conversions, stringPredicates
    case timeAccessors, strings, math, encoders, optionals

    /// Runs the group's `declare...` table.
    func declare(into d: inout CheckerDeclarations) {
      switch self {
      case .logic: d.declareLogic()
      case .arithmetic: d.declareArithmetic()
      case .comparisons: d.declareComparisons()
      case .collections: d.declareCollections()
      case .conversions: d.declareConversions()
      case .stringPredicates: d.declareStringPredicates()
      case .timeAccessors: d.declareTimeAccessors()
      case .strings: d.declareStrings()
      case .math: d.declareMath()
      case .encoders: d.declareEncoders()
      case .optionals: d.declareOptionals()
      }
    }

    /// Function `name` as this group declares it (its other functions are not built).
    func function(named name: String) -> FunctionDeclaration? {
      CheckerDeclarations.declaring(only: name) { declare(into: &$0) }
    }
  }
}

/// Library functions declared so far in this process, by name.
private final class DeclaredFunctions: @unchecked Sendable {
  static let shared = DeclaredFunctions()
  private let lock = NSLock()
  private var functions: [String: FunctionDeclaration] = [:]

  func function(named name: String, declare: () -> FunctionDeclaration?) -> FunctionDeclaration? {
    lock.lock()
    if let f = functions[name] {
      lock.unlock()
      return f
    }
    lock.unlock()
    guard let f = declare() else { return nil }
    lock.lock()
    functions[name] = f
    lock.unlock()
    return f
  }
}

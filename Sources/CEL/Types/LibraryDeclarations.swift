extension CheckerDeclarations {
  /// The standard library and every supported extension, as merging ``extensions`` into
  /// ``standard`` would give (the first overload of an id wins), and every layer's bottom.
  /// Its identifiers are declared now; its functions by ``LibraryFunctions`` on first lookup:
  /// every `docket` process that checks an expression gets here, and declaring the whole
  /// library up front cost more than checking a command's expressions.
  package static let all: CheckerDeclarations = {
    var d = CheckerDeclarations.libraryLayer()
    d.declareTypeIdentifiers()
    d.declareOptionalTypeIdentifier()
    return d
  }()
}

/// The functions of the standard library and extensions, declared one group (a
/// `declare...` table of ``CheckerDeclarations``) at a time, the first time one of the
/// group's names is looked up, then kept for the process.
enum LibraryFunctions {
  /// A function's declaration, with the overloads of every group declaring it, in the order
  /// ``CheckerDeclarations/all`` lists them (standard library first).
  static func function(named name: String) -> FunctionDeclaration? {
    guard let entry = entry(named: name) else { return nil }
    guard let first = entry.group.declarations.function(named: name) else { return nil }
    guard let more = entry.also?.declarations.function(named: name) else { return first }
    return FunctionDeclaration.merging(more, over: first)
  }

  static func declares(_ name: String) -> Bool { entry(named: name) != nil }

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
    ("_<=_", .lessOrEqual, nil),
    ("_<_", .lessThan, nil),
    ("_==_", .logic, nil),
    ("_>=_", .greaterOrEqual, nil),
    ("_>_", .greaterThan, nil),
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
    case logic, arithmetic, lessThan, lessOrEqual, greaterThan, greaterOrEqual, collections
    case conversions, stringPredicates, timeAccessors, strings, math, encoders, optionals

    /// The group's functions, declared on first use (each `static let` once per process).
    var declarations: CheckerDeclarations {
      switch self {
      case .logic: Self.logicTable
      case .arithmetic: Self.arithmeticTable
      case .lessThan: Self.lessThanTable
      case .lessOrEqual: Self.lessOrEqualTable
      case .greaterThan: Self.greaterThanTable
      case .greaterOrEqual: Self.greaterOrEqualTable
      case .collections: Self.collectionsTable
      case .conversions: Self.conversionsTable
      case .stringPredicates: Self.stringPredicatesTable
      case .timeAccessors: Self.timeAccessorsTable
      case .strings: Self.stringsTable
      case .math: Self.mathTable
      case .encoders: Self.encodersTable
      case .optionals: Self.optionalsTable
      }
    }

    private static let logicTable = declaring { $0.declareLogic() }
    private static let arithmeticTable = declaring { $0.declareArithmetic() }
    private static let lessThanTable = declaring { $0.declareComparisons(only: "_<_") }
    private static let lessOrEqualTable = declaring { $0.declareComparisons(only: "_<=_") }
    private static let greaterThanTable = declaring { $0.declareComparisons(only: "_>_") }
    private static let greaterOrEqualTable = declaring { $0.declareComparisons(only: "_>=_") }
    private static let collectionsTable = declaring { $0.declareCollections() }
    private static let conversionsTable = declaring { $0.declareConversions() }
    private static let stringPredicatesTable = declaring { $0.declareStringPredicates() }
    private static let timeAccessorsTable = declaring { $0.declareTimeAccessors() }
    private static let stringsTable = declaring { $0.declareStrings() }
    private static let mathTable = declaring { $0.declareMath() }
    private static let encodersTable = declaring { $0.declareEncoders() }
    private static let optionalsTable = declaring { $0.declareOptionals() }

    private static func declaring(_ declare: (inout CheckerDeclarations) -> Void)
      -> CheckerDeclarations
    {
      var d = CheckerDeclarations()
      declare(&d)
      return d
    }
  }
}

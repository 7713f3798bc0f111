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
    guard let groups = groupsByName[name] else { return nil }
    var result: FunctionDeclaration?
    for group in groups {
      guard let f = group.declarations.function(named: name) else { continue }
      result = FunctionDeclaration.merging(f, over: result)
    }
    return result
  }

  static func declares(_ name: String) -> Bool { groupsByName[name] != nil }

  /// Every function name, for suggestions.
  static var names: [String] { Array(groupsByName.keys) }

  /// Which groups declare each name, in ``Group`` order (`_[_]` is in two).
  private static let groupsByName: [String: [Group]] = {
    var index: [String: [Group]] = [:]
    for group in Group.allCases {
      for name in group.functionNames { index[name, default: []].append(group) }
    }
    return index
  }()

  /// One table of declarations, in the order ``CheckerDeclarations/all`` merges them.
  enum Group: CaseIterable {
    case logic, arithmetic, comparisons, collections, conversions, stringPredicates
    case timeAccessors, strings, math, encoders, optionals

    /// The names the group declares (a test holds them to what ``declarations`` declares).
    var functionNames: [String] {
      switch self {
      case .logic:
        ["_?_:_", "_&&_", "_||_", "!_", "@not_strictly_false", "__not_strictly_false__", "_==_", "_!=_"]
      case .arithmetic: ["_+_", "_-_", "_*_", "_/_", "_%_", "-_"]
      case .comparisons: ["_<_", "_<=_", "_>_", "_>=_"]
      case .collections: ["_[_]", "@in", "_in_", "size", "cel.@mapInsert"]
      case .conversions:
        ["type", "dyn", "bool", "bytes", "double", "duration", "int", "string", "timestamp", "uint"]
      case .stringPredicates: ["contains", "endsWith", "startsWith", "matches"]
      case .timeAccessors:
        [
          "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek",
          "getHours", "getMinutes", "getSeconds", "getMilliseconds",
        ]
      case .strings:
        [
          "charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split",
          "substring", "trim", "join", "format", "reverse", "strings.quote",
        ]
      case .math:
        [
          "math.greatest", "math.least", "math.ceil", "math.floor", "math.round", "math.trunc",
          "math.abs", "math.sign", "math.sqrt", "math.isInf", "math.isNaN", "math.isFinite",
          "math.bitAnd", "math.bitOr", "math.bitXor", "math.bitNot", "math.bitShiftLeft",
          "math.bitShiftRight",
        ]
      case .encoders: ["base64.encode", "base64.decode"]
      case .optionals:
        [
          "optional.of", "optional.ofNonZeroValue", "optional.none", "value", "hasValue", "or",
          "orValue", "_[?_]", "_[_]",
        ]
      }
    }

    /// The group's functions, declared on first use (each `static let` once per process).
    var declarations: CheckerDeclarations {
      switch self {
      case .logic: Self.logicTable
      case .arithmetic: Self.arithmeticTable
      case .comparisons: Self.comparisonsTable
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
    private static let comparisonsTable = declaring { $0.declareComparisons() }
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

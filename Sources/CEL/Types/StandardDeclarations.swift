/// Signatures of CEL's standard library, after cel-go `common/stdlib/standard.go`: operators
/// (with cel-go's internal names `_+_`, `_[_]`, `@in`, ...), `size`, string predicates,
/// conversions, timestamp and duration accessors, and the type names usable as values.
extension CheckerDeclarations {
  /// The standard environment, including the internal helpers that macro expansion emits.
  package static let standard: CheckerDeclarations = {
    var d = CheckerDeclarations()
    d.declareStandard()
    return d
  }()

  /// Adds the standard library's declarations (``all`` declares them group by group on first
  /// lookup instead; this eager form is what it must equal).
  mutating func declareStandard() {
    declareTypeIdentifiers()
    declareLogic()
    declareArithmetic()
    declareComparisons()
    declareCollections()
    declareConversions()
    declareStringPredicates()
    declareTimeAccessors()
  }

  mutating func declareTypeIdentifiers() {
    let named: [(String, CELType)] = [
      ("bool", .bool), ("bytes", .bytes), ("double", .double), ("int", .int), ("uint", .uint),
      ("string", .string), ("null_type", .null), ("list", .list(.dyn)), ("map", .map(.dyn, .dyn)),
      ("google.protobuf.Duration", .duration), ("google.protobuf.Timestamp", .timestamp),
      ("type", .type(.dyn)),
    ]
    for (name, t) in named { declare(identifier: name, .type(t)) }
  }

  mutating func declareLogic() {
    let a = CELType.paramA
    declare("_?_:_", [global("conditional", [.bool, a, a], a)])
    declare("_&&_", [global("logical_and", [.bool, .bool], .bool)])
    declare("_||_", [global("logical_or", [.bool, .bool], .bool)])
    declare("!_", [global("logical_not", [.bool], .bool)])
    declare("@not_strictly_false", [global("not_strictly_false", [.bool], .bool)])
    declare("__not_strictly_false__", [global("not_strictly_false", [.bool], .bool)])
    // Heterogeneous equality (CEL spec): any two values compare, `1 == 1.0` and `'a' == 1`
    // included. (cel-go's checker requires one type, `(A, A)`; Docket follows the spec.)
    let b = CELType.paramB
    declare("_==_", [global("equals", [a, b], .bool)])
    declare("_!=_", [global("not_equals", [a, b], .bool)])
  }

  mutating func declareArithmetic() {
    let listA = CELType.list(.paramA)
    declare(
      "_+_",
      [
        global("add_bytes", [.bytes, .bytes], .bytes),
        global("add_double", [.double, .double], .double),
        global("add_duration_duration", [.duration, .duration], .duration),
        global("add_duration_timestamp", [.duration, .timestamp], .timestamp),
        global("add_timestamp_duration", [.timestamp, .duration], .timestamp),
        global("add_int64", [.int, .int], .int),
        global("add_list", [listA, listA], listA),
        global("add_string", [.string, .string], .string),
        global("add_uint64", [.uint, .uint], .uint),
      ])
    declare(
      "_-_",
      [
        global("subtract_double", [.double, .double], .double),
        global("subtract_duration_duration", [.duration, .duration], .duration),
        global("subtract_int64", [.int, .int], .int),
        global("subtract_timestamp_duration", [.timestamp, .duration], .timestamp),
        global("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration),
        global("subtract_uint64", [.uint, .uint], .uint),
      ])
    for (op, name) in [("_*_", "multiply"), ("_/_", "divide")] {
      declare(
        op,
        [
          global("\(name)_double", [.double, .double], .double),
          global("\(name)_int64", [.int, .int], .int),
          global("\(name)_uint64", [.uint, .uint], .uint),
        ])
    }
    declare(
      "_%_",
      [
        global("modulo_int64", [.int, .int], .int),
        global("modulo_uint64", [.uint, .uint], .uint),
      ])
    declare(
      "-_",
      [
        global("negate_double", [.double], .double),
        global("negate_int64", [.int], .int),
      ])
  }

  mutating func declareComparisons() {
    let operators = [
      ("_<_", "less"), ("_<=_", "less_equals"), ("_>_", "greater"), ("_>=_", "greater_equals"),
    ]
    // Same-type orderings, then the cross-type numeric ones cel-go declares.
    let same: [(String, CELType)] = [
      ("bool", .bool), ("int64", .int), ("uint64", .uint), ("double", .double),
      ("string", .string), ("bytes", .bytes), ("timestamp", .timestamp), ("duration", .duration),
    ]
    let numeric: [(String, CELType)] = [("int64", .int), ("uint64", .uint), ("double", .double)]
    func orderings(_ name: String) -> [OverloadDeclaration] {
      var overloads = same.map { suffix, t in global("\(name)_\(suffix)", [t, t], .bool) }
      for (ln, lt) in numeric {
        for (rn, rt) in numeric where ln != rn {
          overloads.append(global("\(name)_\(ln)_\(rn)", [lt, rt], .bool))
        }
      }
      return overloads
    }
    for (op, name) in operators { declare(op, orderings(name)) }
  }

  mutating func declareCollections() {
    let a = CELType.paramA
    let b = CELType.paramB
    let listA = CELType.list(a)
    let mapAB = CELType.map(a, b)
    // Map keys compare by heterogeneous equality, so an int-keyed map accepts `1u` and `1.0`.
    declare(
      "_[_]",
      [
        global("index_list", [listA, .int], a),
        global("index_map", [mapAB, a], b),
        global("index_map_int64_uint64", [.map(.int, b), .uint], b),
        global("index_map_int64_double", [.map(.int, b), .double], b),
        global("index_map_uint64_int64", [.map(.uint, b), .int], b),
        global("index_map_uint64_double", [.map(.uint, b), .double], b),
      ])
    // Membership uses heterogeneous equality too: `1 in [1.0]`.
    let c = CELType.typeParam("C")
    let inOverloads = [
      global("in_list", [a, .list(b)], .bool),
      global("in_map", [a, .map(b, c)], .bool),
    ]
    declare("@in", inOverloads)
    declare("_in_", inOverloads)
    declare(
      "size",
      [
        global("size_bytes", [.bytes], .int), member("bytes_size", [.bytes], .int),
        global("size_list", [listA], .int), member("list_size", [listA], .int),
        global("size_map", [mapAB], .int), member("map_size", [mapAB], .int),
        global("size_string", [.string], .int), member("string_size", [.string], .int),
      ])
    // Emitted by the two-variable `transformMap` / `transformMapEntry` macros.
    let k = CELType.paramK
    let v = CELType.paramV
    declare(
      "cel.@mapInsert",
      [
        global("@mapInsert_map_key_value", [.map(k, v), k, v], .map(k, v)),
        global("@mapInsert_map_map", [.map(k, v), .map(k, v)], .map(k, v)),
      ])
  }

  mutating func declareConversions() {
    let a = CELType.paramA
    declare("type", [global("type", [a], .type(a))])
    declare("dyn", [global("to_dyn", [a], .dyn)])
    declare(
      "bool",
      [global("bool_to_bool", [.bool], .bool), global("string_to_bool", [.string], .bool)])
    declare(
      "bytes",
      [global("bytes_to_bytes", [.bytes], .bytes), global("string_to_bytes", [.string], .bytes)])
    declare(
      "double",
      [
        global("double_to_double", [.double], .double),
        global("int64_to_double", [.int], .double),
        global("string_to_double", [.string], .double),
        global("uint64_to_double", [.uint], .double),
      ])
    declare(
      "duration",
      [
        global("duration_to_duration", [.duration], .duration),
        global("int64_to_duration", [.int], .duration),
        global("string_to_duration", [.string], .duration),
      ])
    declare(
      "int",
      [
        global("int64_to_int64", [.int], .int),
        global("double_to_int64", [.double], .int),
        global("duration_to_int64", [.duration], .int),
        global("string_to_int64", [.string], .int),
        global("timestamp_to_int64", [.timestamp], .int),
        global("uint64_to_int64", [.uint], .int),
      ])
    declare(
      "string",
      [
        global("string_to_string", [.string], .string),
        global("bool_to_string", [.bool], .string),
        global("bytes_to_string", [.bytes], .string),
        global("double_to_string", [.double], .string),
        global("duration_to_string", [.duration], .string),
        global("int64_to_string", [.int], .string),
        global("timestamp_to_string", [.timestamp], .string),
        global("uint64_to_string", [.uint], .string),
      ])
    declare(
      "timestamp",
      [
        global("timestamp_to_timestamp", [.timestamp], .timestamp),
        global("int64_to_timestamp", [.int], .timestamp),
        global("string_to_timestamp", [.string], .timestamp),
      ])
    declare(
      "uint",
      [
        global("uint64_to_uint64", [.uint], .uint),
        global("double_to_uint64", [.double], .uint),
        global("int64_to_uint64", [.int], .uint),
        global("string_to_uint64", [.string], .uint),
      ])
  }

  mutating func declareStringPredicates() {
    declare("contains", [member("contains_string", [.string, .string], .bool)])
    declare("endsWith", [member("ends_with_string", [.string, .string], .bool)])
    declare("startsWith", [member("starts_with_string", [.string, .string], .bool)])
    declare(
      "matches",
      [
        global("matches", [.string, .string], .bool),
        member("matches_string", [.string, .string], .bool),
      ])
  }

  mutating func declareTimeAccessors() {
    // (function, overload stem, also defined on durations)
    let accessors: [(String, String, Bool)] = [
      ("getFullYear", "year", false), ("getMonth", "month", false),
      ("getDayOfYear", "day_of_year", false), ("getDayOfMonth", "day_of_month", false),
      ("getDate", "day_of_month_1_based", false), ("getDayOfWeek", "day_of_week", false),
      ("getHours", "hours", true), ("getMinutes", "minutes", true),
      ("getSeconds", "seconds", true), ("getMilliseconds", "milliseconds", true),
    ]
    func overloads(_ stem: String, onDurations: Bool) -> [OverloadDeclaration] {
      var overloads = [
        member("timestamp_to_\(stem)", [.timestamp], .int),
        member("timestamp_to_\(stem)_with_tz", [.timestamp, .string], .int),
      ]
      if onDurations { overloads.append(member("duration_to_\(stem)", [.duration], .int)) }
      return overloads
    }
    for (name, stem, onDurations) in accessors {
      declare(name, overloads(stem, onDurations: onDurations))
    }
  }
}

/// Signatures of the extension libraries Docket supports, after cel-go `ext/strings.go`,
/// `ext/math.go`, `ext/encoders.go` and the optional-types library of `cel/library.go`.
/// (`cel.bind`, the two-variable comprehensions, `optMap` and `optFlatMap` are macros: the
/// parser expands them, so they need no signature here.)
extension CheckerDeclarations {
  /// Every supported extension.
  package static let extensions: CheckerDeclarations = {
    var d = CheckerDeclarations()
    d.declareExtensions()
    return d
  }()

  /// Adds every extension's declarations (``all`` declares them group by group on first
  /// lookup instead; this eager form is what it must equal).
  mutating func declareExtensions() {
    declareOptionalTypeIdentifier()
    declareStrings()
    declareMath()
    declareEncoders()
    declareOptionals()
  }

  mutating func declareStrings() {
    let s = CELType.string
    declare("charAt", [member("string_char_at_int", [s, .int], s)])
    declare(
      "indexOf",
      [
        member("string_index_of_string", [s, s], .int),
        member("string_index_of_string_int", [s, s, .int], .int),
      ])
    declare(
      "lastIndexOf",
      [
        member("string_last_index_of_string", [s, s], .int),
        member("string_last_index_of_string_int", [s, s, .int], .int),
      ])
    declare("lowerAscii", [member("string_lower_ascii", [s], s)])
    declare("upperAscii", [member("string_upper_ascii", [s], s)])
    declare(
      "replace",
      [
        member("string_replace_string_string", [s, s, s], s),
        member("string_replace_string_string_int", [s, s, s, .int], s),
      ])
    declare(
      "split",
      [
        member("string_split_string", [s, s], .list(s)),
        member("string_split_string_int", [s, s, .int], .list(s)),
      ])
    declare(
      "substring",
      [
        member("string_substring_int", [s, .int], s),
        member("string_substring_int_int", [s, .int, .int], s),
      ])
    declare("trim", [member("string_trim", [s], s)])
    declare(
      "join",
      [
        member("list_join", [.list(s)], s),
        member("list_join_string", [.list(s), s], s),
      ])
    declare("format", [member("string_format", [s, .list(.dyn)], s)])
    declare("reverse", [member("string_reverse", [s], s)])
    declare("strings.quote", [global("strings_quote", [s], s)])
  }

  mutating func declareMath() {
    let numeric: [(String, CELType)] = [("int", .int), ("uint", .uint), ("double", .double)]
    func extremum(_ stem: String) -> [OverloadDeclaration] {
      var overloads: [OverloadDeclaration] = []
      for (n, t) in numeric {
        overloads.append(global("math_@\(stem)_\(n)", [t], t))
        overloads.append(global("math_@\(stem)_list_\(n)", [.list(t)], t))
      }
      for (ln, lt) in numeric {
        for (rn, rt) in numeric {
          // Mixed numeric kinds may return either argument, so the result is dyn.
          overloads.append(global("math_@\(stem)_\(ln)_\(rn)", [lt, rt], ln == rn ? lt : .dyn))
        }
      }
      return overloads
    }
    for (fn, stem) in [("math.greatest", "max"), ("math.least", "min")] {
      declare(fn, extremum(stem))
    }
    for fn in ["ceil", "floor", "round", "trunc"] {
      declare("math.\(fn)", [global("math_\(fn)_double", [.double], .double)])
    }
    for fn in ["abs", "sign"] {
      declare("math.\(fn)", numeric.map { n, t in global("math_\(fn)_\(n)", [t], t) })
    }
    declare("math.sqrt", numeric.map { n, t in global("math_sqrt_\(n)", [t], .double) })
    for fn in ["isInf", "isNaN", "isFinite"] {
      declare("math.\(fn)", [global("math_\(fn)_double", [.double], .bool)])
    }
    for fn in ["bitAnd", "bitOr", "bitXor"] {
      declare(
        "math.\(fn)",
        [
          global("math_\(fn)_int_int", [.int, .int], .int),
          global("math_\(fn)_uint_uint", [.uint, .uint], .uint),
        ])
    }
    declare(
      "math.bitNot",
      [
        global("math_bitNot_int_int", [.int], .int),
        global("math_bitNot_uint_uint", [.uint], .uint),
      ])
    for fn in ["bitShiftLeft", "bitShiftRight"] {
      declare(
        "math.\(fn)",
        [
          global("math_\(fn)_int_int", [.int, .int], .int),
          global("math_\(fn)_uint_int", [.uint, .int], .uint),
        ])
    }
  }

  mutating func declareEncoders() {
    declare("base64.encode", [global("base64_encode_bytes", [.bytes], .string)])
    declare("base64.decode", [global("base64_decode_string", [.string], .bytes)])
  }

  mutating func declareOptionalTypeIdentifier() {
    declare(identifier: "optional_type", .type(.optional(.dyn)))
  }

  mutating func declareOptionals() {
    let t = CELType.typeParam("T")
    let k = CELType.paramK
    let v = CELType.paramV
    let optT = CELType.optional(t)
    declare("optional.of", [global("optional_of", [t], optT)])
    declare("optional.ofNonZeroValue", [global("optional_ofNonZeroValue", [t], optT)])
    declare("optional.none", [global("optional_none", [], optT)])
    declare("value", [member("optional_value", [optT], t)])
    declare("hasValue", [member("optional_hasValue", [optT], .bool)])
    declare("or", [member("optional_or_optional", [optT, optT], optT)])
    declare("orValue", [member("optional_orValue_value", [optT, t], t)])
    declare(
      "_[?_]",
      [
        global("list_optindex_optional_int", [.list(v), .int], .optional(v)),
        global("optional_list_optindex_optional_int", [.optional(.list(v)), .int], .optional(v)),
        global("map_optindex_optional_value", [.map(k, v), k], .optional(v)),
        global("optional_map_optindex_optional_value", [.optional(.map(k, v)), k], .optional(v)),
      ])
    declare(
      "_[_]",
      [
        global("optional_list_index_int", [.optional(.list(v)), .int], .optional(v)),
        global("optional_map_index_value", [.optional(.map(k, v)), k], .optional(v)),
      ])
  }
}

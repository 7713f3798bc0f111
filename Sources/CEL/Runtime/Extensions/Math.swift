import Foundation

/// cel-go's `ext.Math()`: `math.greatest`/`math.least` over numbers of any kinds (two
/// arguments, a list, or three and more which the checker and planner pass as one list),
/// rounding, `abs`/`sign`, the floating-point predicates, bitwise operations and `sqrt`.
/// Wrong kinds, empty lists, negative shifts and `abs` of the smallest int are error values.
extension CELLibrary {
  public static let math = CELLibrary(
    name: "math",
    names: [
      "math.greatest",
      "math.least",
      "math.ceil",
      "math.floor",
      "math.round",
      "math.trunc",
      "math.abs",
      "math.sign",
      "math.sqrt",
      "math.isInf",
      "math.isNaN",
      "math.isFinite",
      "math.bitAnd",
      "math.bitOr",
      "math.bitXor",
      "math.bitNot",
      "math.bitShiftLeft",
      "math.bitShiftRight",
    ],
    build: mathFunction)

  /// The function called `name`, built alone (nil for a name the library lacks).
  private static func mathFunction(_ name: String) -> CELFunction? {
    switch name {
    case "math.greatest":
      MathExtension.extremum("math.greatest", stem: "max", keep: 1)
    case "math.least":
      MathExtension.extremum("math.least", stem: "min", keep: -1)
    case "math.ceil":
      MathExtension.rounding("ceil") { $0.rounded(.up) }
    case "math.floor":
      MathExtension.rounding("floor") { $0.rounded(.down) }
    case "math.round":
      MathExtension.rounding("round") { $0.rounded(.toNearestOrAwayFromZero) }
    case "math.trunc":
      MathExtension.rounding("trunc") { $0.rounded(.towardZero) }
    case "math.abs":
      CELFunction(
        "math.abs",
        overloads: MathExtension.numeric("abs") { v in
          switch v {
          case .int(let i):
            return i == .min ? .error(.overflow("integer")) : .int(Swift.abs(i))
          case .uint: return v
          case .double(let d): return .double(Swift.abs(d))
          default: return nil
          }
        })
    case "math.sign":
      CELFunction(
        "math.sign",
        overloads: MathExtension.numeric("sign") { v in
          switch v {
          case .int(let i): return .int(i.signum())
          case .uint(let u): return .uint(u == 0 ? 0 : 1)
          case .double(let d):
            if d.isNaN { return v }
            return .double(d > 0 ? 1 : (d < 0 ? -1 : 0))
          default: return nil
          }
        })
    case "math.sqrt":
      CELFunction(
        "math.sqrt",
        overloads: [("int", CELType.int), ("uint", .uint), ("double", .double)].map { n, t in
          MathExtension.global("math.sqrt", "math_sqrt_\(n)", [t], .double) { args in
            switch args[0] {
            case .int(let i): return .double(Double(i).squareRoot())
            case .uint(let u): return .double(Double(u).squareRoot())
            case .double(let d): return .double(d.squareRoot())
            default: return nil
            }
          }
        })
    case "math.isInf":
      MathExtension.predicate("isInf") { $0.isInfinite }
    case "math.isNaN":
      MathExtension.predicate("isNaN") { $0.isNaN }
    case "math.isFinite":
      MathExtension.predicate("isFinite") { $0.isFinite }
    case "math.bitAnd":
      MathExtension.bitwise("bitAnd", { $0 & $1 }, { $0 & $1 })
    case "math.bitOr":
      MathExtension.bitwise("bitOr", { $0 | $1 }, { $0 | $1 })
    case "math.bitXor":
      MathExtension.bitwise("bitXor", { $0 ^ $1 }, { $0 ^ $1 })
    case "math.bitNot":
      CELFunction(
        "math.bitNot",
        overloads: [
          MathExtension.global("math.bitNot", "math_bitNot_int_int", [.int], .int) { args in
            guard case .int(let i) = args[0] else { return nil }
            return .int(~i)
          },
          MathExtension.global("math.bitNot", "math_bitNot_uint_uint", [.uint], .uint) { args in
            guard case .uint(let u) = args[0] else { return nil }
            return .uint(~u)
          },
        ])
    case "math.bitShiftLeft":
      MathExtension.shift("bitShiftLeft", left: true)
    case "math.bitShiftRight":
      MathExtension.shift("bitShiftRight", left: false)
    default: nil
    }
  }
}

/// Builders for the math library's overload families.
enum MathExtension {
  /// A global overload whose body returns nil for arguments of the wrong kinds.
  static func global(
    _ name: String, _ id: String, _ parameters: [CELType], _ result: CELType,
    _ body: @escaping @Sendable ([CELValue]) -> CELValue?
  ) -> CELOverload {
    CELOverload(id, parameters, result) { args in
      body(args) ?? .error(.noMatchingOverload(name, args))
    }
  }

  static func numeric(
    _ fn: String, _ body: @escaping @Sendable (CELValue) -> CELValue?
  ) -> [CELOverload] {
    [("int", CELType.int), ("uint", .uint), ("double", .double)].map { n, t in
      global("math.\(fn)", "math_\(fn)_\(n)", [t], t) { body($0[0]) }
    }
  }

  static func rounding(_ fn: String, _ f: @escaping @Sendable (Double) -> Double) -> CELFunction {
    CELFunction(
      "math.\(fn)",
      overloads: [
        global("math.\(fn)", "math_\(fn)_double", [.double], .double) { args in
          guard case .double(let d) = args[0] else { return nil }
          return .double(f(d))
        }
      ])
  }

  static func predicate(_ fn: String, _ f: @escaping @Sendable (Double) -> Bool) -> CELFunction {
    CELFunction(
      "math.\(fn)",
      overloads: [
        global("math.\(fn)", "math_\(fn)_double", [.double], .bool) { args in
          guard case .double(let d) = args[0] else { return nil }
          return .bool(f(d))
        }
      ])
  }

  static func bitwise(
    _ fn: String, _ ints: @escaping @Sendable (Int64, Int64) -> Int64,
    _ uints: @escaping @Sendable (UInt64, UInt64) -> UInt64
  ) -> CELFunction {
    let name = "math.\(fn)"
    return CELFunction(
      name,
      overloads: [
        global(name, "math_\(fn)_int_int", [.int, .int], .int) { args in
          guard case .int(let a) = args[0], case .int(let b) = args[1] else { return nil }
          return .int(ints(a, b))
        },
        global(name, "math_\(fn)_uint_uint", [.uint, .uint], .uint) { args in
          guard case .uint(let a) = args[0], case .uint(let b) = args[1] else { return nil }
          return .uint(uints(a, b))
        },
      ])
  }

  /// Shifts are logical for both kinds (cel-go shifts an int's bits as unsigned), and a
  /// shift of 64 or more gives 0.
  static func shift(_ fn: String, left: Bool) -> CELFunction {
    let name = "math.\(fn)"
    @Sendable func apply(_ bits: UInt64, _ n: Int64) -> UInt64 {
      if n >= 64 { return 0 }
      return left ? bits << UInt64(n) : bits >> UInt64(n)
    }
    let negative = CELError.invalidArgument("\(name)() negative offset")
    return CELFunction(
      name,
      overloads: [
        global(name, "math_\(fn)_int_int", [.int, .int], .int) { args in
          guard case .int(let a) = args[0], case .int(let n) = args[1] else { return nil }
          if n < 0 { return .error(negative) }
          return .int(Int64(bitPattern: apply(UInt64(bitPattern: a), n)))
        },
        global(name, "math_\(fn)_uint_int", [.uint, .int], .uint) { args in
          guard case .uint(let a) = args[0], case .int(let n) = args[1] else { return nil }
          if n < 0 { return .error(negative) }
          return .uint(apply(a, n))
        },
      ])
  }

  /// `math.greatest`/`math.least`: `keep` is the comparison result (1 or -1) that makes a
  /// later value replace the current one. Every overload shares one implementation, which
  /// looks at the values themselves (mixed kinds and `dyn` lists included).
  static func extremum(_ name: String, stem: String, keep: Int) -> CELFunction {
    let impl: CELImplementation = { args in
      let values: [CELValue]
      if args.count == 1, case .list(let items) = args[0] {
        guard !items.isEmpty else {
          return .error(.invalidArgument("math.@\(stem)(list) argument must not be empty"))
        }
        values = items
      } else {
        values = args
      }
      var best: CELValue?
      for v in values {
        switch v {
        case .int, .uint, .double: break
        default: return .error(.noMatchingOverload(name, args))
        }
        guard let current = best else {
          best = v
          continue
        }
        if CELValue.compareNumbers(v, current) == keep { best = v }
      }
      return best ?? .error(.noMatchingOverload(name, args))
    }
    let numeric: [(String, CELType)] = [("int", .int), ("uint", .uint), ("double", .double)]
    var overloads: [CELOverload] = []
    for (n, t) in numeric {
      overloads.append(CELOverload("math_@\(stem)_\(n)", [t], t, implementation: impl))
      overloads.append(
        CELOverload("math_@\(stem)_list_\(n)", [.list(t)], t, implementation: impl))
    }
    for (ln, lt) in numeric {
      for (rn, rt) in numeric {
        overloads.append(
          CELOverload(
            "math_@\(stem)_\(ln)_\(rn)", [lt, rt], ln == rn ? lt : .dyn, implementation: impl))
      }
    }
    return CELFunction(name, overloads: overloads)
  }
}

import Foundation
import Testing

@testable import CEL

/// A small deterministic generator (SplitMix64), so every run explores the same inputs and a
/// failure reproduces.
struct SeededRandom {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

/// Random expressions from CEL's grammar, and random mutations of valid ones.
struct ExpressionFuzzer {
  var random: SeededRandom

  static let leaves = [
    "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "1u", "18446744073709551615u",
    "0.0", "-0.0", "1.5", "1e308", "'a'", "''", "'\\u00e9'", "b'\\xff'", "true", "false", "null",
    "x", "y", "s", "m", "l", "t", "d", "[]", "{}", "int", "string", "list",
    "timestamp('2009-02-13T23:31:30Z')", "duration('1h')", "optional.none()",
  ]
  static let binary = [
    "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in",
  ]
  static let members = [
    "size()", "contains('a')", "startsWith('')", "endsWith('a')", "matches('a+')",
    "getHours()", "getDayOfWeek('Asia/Shanghai')", "getMonth('+08:00')", "orValue(1)",
    "hasValue()", "value()",
  ]
  static let tokens = [
    "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "'", "\"", "\\", "`",
    "&&", "||", "==", " ", "x", "1", "u", "e", "all", "map", "has", ".?", "[?", "\u{0}",
    "名", "\u{1F600}", "'''", "r'", "b'",
  ]

  mutating func expression(_ depth: Int = 0) -> String {
    if depth > 5 || random.below(4) == 0 { return random.pick(Self.leaves) }
    switch random.below(12) {
    case 0, 1, 2: return "\(expression(depth + 1)) \(random.pick(Self.binary)) \(expression(depth + 1))"
    case 3: return "(\(expression(depth + 1)))"
    case 4: return "\(random.pick(["!", "-"]))\(expression(depth + 1))"
    case 5: return "\(expression(depth + 1)) ? \(expression(depth + 1)) : \(expression(depth + 1))"
    case 6: return "[\(expression(depth + 1)), \(expression(depth + 1))]"
    case 7: return "{\(expression(depth + 1)): \(expression(depth + 1))}"
    case 8: return "\(expression(depth + 1))[\(expression(depth + 1))]"
    case 9: return "\(expression(depth + 1)).\(random.pick(Self.members))"
    case 10:
      let macro = random.pick(["all", "exists", "exists_one", "map", "filter"])
      return "\(expression(depth + 1)).\(macro)(v, \(expression(depth + 1)))"
    default:
      let f = random.pick(["int", "uint", "double", "string", "bytes", "bool", "type", "dyn", "size"])
      return "\(f)(\(expression(depth + 1)))"
    }
  }

  mutating func mutate(_ source: String) -> String {
    var scalars = Array(source.unicodeScalars)
    for _ in 0...random.below(3) {
      let at = scalars.isEmpty ? 0 : random.below(scalars.count + 1)
      switch random.below(3) {
      case 0 where !scalars.isEmpty && at < scalars.count: scalars.remove(at: at)
      case 1: scalars.insert(contentsOf: random.pick(Self.tokens).unicodeScalars, at: at)
      default:
        if at < scalars.count {
          scalars.replaceSubrange(at...at, with: random.pick(Self.tokens).unicodeScalars)
        }
      }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}

@Suite struct FuzzTests {
  /// Runs per test; `CEL_FUZZ_RUNS=200000 swift test --filter FuzzTests` explores further.
  static let runs = Int(ProcessInfo.processInfo.environment["CEL_FUZZ_RUNS"] ?? "") ?? 3000
  static let seed = UInt64(ProcessInfo.processInfo.environment["CEL_FUZZ_SEED"] ?? "") ?? 20_261_129

  static let bindings: CELBindings = [
    "x": 3, "y": 2.5, "s": "héllo", "m": ["a": 1, "b": [1, 2]], "l": [1, "two", 3.0, nil],
    "t": .timestamp(CELTimestamp(seconds: 1_234_567_890)!),
    "d": .duration(CELDuration(seconds: 3600)!),
  ]

  /// Compiles and evaluates, checking that failures are well-formed.
  static func exercise(_ source: String) {
    switch CELEnvironment().compile(source) {
    case .failure(let issues):
      let count = source.unicodeScalars.count
      for i in issues.issues {
        #expect(!i.message.isEmpty, "empty message for \(source)")
        #expect(i.line >= 1 && i.column >= 1, "bad position for \(source)")
        #expect(i.range.lowerBound >= 0 && i.range.upperBound <= count, "bad range for \(source)")
      }
    case .success(let program):
      if case .error(let e) = program.evaluate(bindings) {
        #expect(!e.message.isEmpty, "empty error for \(source)")
      }
      _ = program.evaluate(CELBindings())
    }
  }

  @Test func randomExpressions() {
    var fuzzer = ExpressionFuzzer(random: SeededRandom(state: Self.seed))
    for _ in 0..<Self.runs { Self.exercise(fuzzer.expression()) }
  }

  @Test func mutatedExpressions() {
    var fuzzer = ExpressionFuzzer(random: SeededRandom(state: Self.seed &+ 1))
    for _ in 0..<Self.runs {
      let valid = fuzzer.expression()
      Self.exercise(fuzzer.mutate(valid))
    }
  }

  /// JSON and typed-JSON readers get mutated documents: errors, never traps.
  @Test func mutatedJSON() {
    var random = SeededRandom(state: Self.seed &+ 2)
    let seeds = [
      #"{"map":[[{"string":"a"},{"list":[{"int":"-3"},{"double":"NaN"},{"bytes":"AP8="}]}]]}"#,
      #"{"timestamp":"2009-02-13T23:31:30Z"}"#, #"{"duration":"-1.5s"}"#,
      #"[1, 2.5e3, "x\u00e9\ud83d\ude00", null, true, {"k": []}]"#,
    ]
    let pieces = ["{", "}", "[", "]", "\"", ",", ":", "\\u", "\\ud800", "1e999", "-", "0", " ", "\u{0}"]
    for _ in 0..<Self.runs {
      var s = Array(random.pick(seeds).unicodeScalars)
      for _ in 0...random.below(4) {
        let at = random.below(s.count + 1)
        if random.below(2) == 0, at < s.count {
          s.remove(at: at)
        } else {
          s.insert(contentsOf: random.pick(pieces).unicodeScalars, at: at)
        }
      }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: s)
      if let json = try? CELJSON(parsing: String(view)) {
        _ = try? CELValue(typedJSON: json)
        _ = try? CELValue(json: json, as: .map(.string, .list(.timestamp)))
        _ = json.text
      }
    }
  }

  /// Inputs the fuzzer once found problems with, kept so they stay fixed.
  @Test(arguments: FuzzRegressions.inputs)
  func regression(_ source: String) {
    Self.exercise(source)
  }
}

enum FuzzRegressions {
  static let inputs: [String] = [
    "-9223372036854775808 % -1",
    "-9223372036854775808 / -1",
    "'\\",
    "b'\\u00ff'",
    "`",
    "a.`",
    "[?]",
    "{?: 1}",
    ".",
    "x.?",
    "cel.bind(1, 2, 3)",
    "[1].all(1, true)",
    "[1].map(x, y, z, w)",
  ]
}

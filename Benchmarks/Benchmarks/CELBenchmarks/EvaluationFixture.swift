import CEL
import Foundation

/// One expression with its declared variables and the bindings it is evaluated against.
struct EvaluationFixture: Sendable {
  let name: String
  let program: CELProgram
  let bindings: CELBindings

  /// The issue's expressions: (a) a guard, (b) `exists` over 100 maps that do not match,
  /// (c) timestamp arithmetic. Each is checked against declared types, as Docket does.
  static let all: [EvaluationFixture] = [
    make(
      "a guard", source: #"plan_ok && kind == "minor" && fee > 0.0"#,
      variables: ["plan_ok": .bool, "kind": .string, "fee": .double],
      bindings: ["plan_ok": .bool(true), "kind": .string("minor"), "fee": .double(12.5)]),
    make(
      "b exists over 100 items", source: "items.exists(i, i.price > 100.0)",
      variables: ["items": .list(.map(.string, .dyn))],
      bindings: ["items": .list((0..<100).map(item))]),
    make(
      "c timestamp arithmetic", source: #"now - created_at > duration("24h")"#,
      variables: ["now": .timestamp, "created_at": .timestamp],
      bindings: [
        "now": timestamp("2026-03-03T12:00:00Z"), "created_at": timestamp("2026-03-02T09:00:00Z"),
      ]),
  ]

  static func make(
    _ name: String, source: String, variables: [String: CELType], bindings: [String: CELValue]
  ) -> EvaluationFixture {
    switch CELEnvironment(variables: variables).compile(source) {
    case .success(let program):
      return EvaluationFixture(name: name, program: program, bindings: CELBindings(bindings))
    case .failure(let issues):
      fatalError("benchmark expression does not compile: \(issues)")
    }
  }

  static func item(_ i: Int) -> CELValue {
    .map(CELMap([(.string("name"), .string("item-\(i)")), (.string("price"), .double(Double(i % 100)))]))
  }

  static func timestamp(_ text: String) -> CELValue {
    guard case .success(let program) = CELEnvironment().compile("timestamp('\(text)')") else {
      fatalError("bad timestamp \(text)")
    }
    return program.evaluate(CELBindings())
  }

  /// A workflow-like environment: a dozen typed fields plus Docket's standard variables.
  static let guardEnvironment = CELEnvironment(variables: [
    "customer": .string, "category": .string, "urgent": .bool, "amount": .double,
    "visits": .int, "resolution": .string, "satisfaction": .string, "level": .int,
    "visit_at": .timestamp, "now": .timestamp, "event": .string,
    "instance": .map(.string, .dyn), "actor": .map(.string, .dyn),
  ])

  /// `count` distinct guards of the shapes process owners write.
  static func guardSources(count: Int) -> [String] {
    let shapes = [
      #"resolution != "" && size(resolution) >= %d"#,
      #"amount > %d.0 || urgent"#,
      #"visits + %d < 5 && category in ["noise", "hygiene"]"#,
      #"satisfaction == "unsatisfied" && level < %d"#,
      #"now - visit_at > duration("%dh")"#,
      #"actor.roles.exists(r, r == "supervisor") || instance.state == "s%d""#,
    ]
    return (0..<count).map { i in String(format: shapes[i % shapes.count], i) }
  }
}

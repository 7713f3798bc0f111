import Foundation
import Testing

@testable import CEL

/// The checker must accept every conformance case that cel-go's checker accepts: each case
/// that is type-checked and expects a value. This runs the checker alone, so it holds even
/// where the interpreter still has gaps (those are the conformance harness's business).
@Suite struct CheckerConformanceSweepTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let expr: String
    let container: String
    let variables: [String: CELType]
    let functions: [CELFunction]
    let deducedType: String?
    var testDescription: String { id }
  }

  /// Checked cases with a value (or deduced type) to reach, read in place from `shared/`.
  static let cases: [Case] = {
    guard let text = try? String(contentsOf: casesURL, encoding: .utf8) else { return [] }
    var out: [Case] = []
    for line in text.split(separator: "\n") {
      guard let json = try? CELJSON(parsing: String(line)) else { continue }
      if json["disable_check"] == .bool(true) { continue }
      guard case .string(let file)? = json["file"], !["network_ext", "block_ext"].contains(file),
        case .string(let id)? = json["id"], case .string(let expr)? = json["expr"],
        let expect = json["expect"], expect["error"] == nil
      else { continue }
      var container = ""
      if case .string(let c)? = json["container"] { container = c }
      var variables: [String: CELType] = [:]
      var functions: [CELFunction] = []
      if case .array(let decls)? = json["type_env"] {
        for d in decls {
          guard case .string(let name)? = d["name"] else { continue }
          if case .string(let t)? = d["type"] {
            variables[name] = CELType(notation: t) ?? .dyn
          } else if case .array(let overloads)? = d["overloads"] {
            functions.append(CELFunction(name, overloads: overloads.compactMap(overload)))
          }
        }
      }
      var deduced: String?
      if case .string(let t)? = expect["deduced_type"] { deduced = t }
      out.append(
        Case(
          id: id, expr: expr, container: container, variables: variables, functions: functions,
          deducedType: deduced))
    }
    return out
  }()

  static let casesURL: URL = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<8 {
      let candidate = dir.appendingPathComponent("shared/conformance/cel/cases.jsonl")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "/work/shared/conformance/cel/cases.jsonl")
  }()

  private static func overload(_ json: CELJSON) -> CELOverload? {
    guard case .string(let id)? = json["id"], case .array(let ps)? = json["params"],
      case .string(let r)? = json["result"]
    else { return nil }
    let params = ps.compactMap { p -> CELType? in
      if case .string(let t) = p { return CELType(notation: t) }
      return nil
    }
    guard params.count == ps.count, let result = CELType(notation: r) else { return nil }
    return CELOverload(id, params, result, member: json["instance"] == .bool(true))
  }

  @Test func readsTheSharedCases() {
    #expect(Self.cases.count > 1300)
  }

  @Test(arguments: cases)
  func acceptsWhatCelGoAccepts(_ c: Case) throws {
    let env = CELEnvironment(variables: c.variables, functions: c.functions, container: c.container)
    let parsed = try env.parse(c.expr).get()
    switch env.typeCheck(parsed) {
    case .success(let checked):
      if let deduced = c.deducedType { #expect(checked.type.description == deduced) }
    case .failure(let issues):
      Issue.record("\(c.id): \(c.expr) → \(issues)")
    }
  }
}

import CEL
import Foundation
import Testing

/// One case of `shared/conformance/cel/cases.jsonl` (format in the README beside it).
struct ConformanceCase: Sendable, CustomTestStringConvertible {
  let id: String
  let file: String
  let expr: String
  let container: String
  let disableCheck: Bool
  let checkOnly: Bool
  let declarations: [CELJSON]
  let bindings: [(String, CELJSON)]
  let expect: CELJSON

  var testDescription: String { id }

  init(line: String) throws {
    let json = try CELJSON(parsing: line)
    func string(_ k: String) -> String? {
      if case .string(let s)? = json[k] { return s }
      return nil
    }
    id = string("id") ?? "?"
    file = string("file") ?? "?"
    expr = string("expr") ?? ""
    container = string("container") ?? ""
    disableCheck = json["disable_check"] == .bool(true)
    checkOnly = json["check_only"] == .bool(true)
    if case .array(let d)? = json["type_env"] { declarations = d } else { declarations = [] }
    if case .object(let members)? = json["bindings"] {
      bindings = members.map { ($0.key, $0.value) }
    } else {
      bindings = []
    }
    expect = json["expect"] ?? .null
  }

  /// Files the harness does not run at all (network types; cel-go's internal CSE form).
  static let excludedFiles: Set<String> = ["network_ext", "block_ext"]

  /// All cases, read in place from the shared folder found by walking up from this file.
  static let all: [ConformanceCase] = {
    guard let url = locateCases(), let text = try? String(contentsOf: url, encoding: .utf8) else {
      return []
    }
    return text.split(separator: "\n").compactMap { try? ConformanceCase(line: String($0)) }
      .filter { !excludedFiles.contains($0.file) }
  }()

  static func locateCases() -> URL? {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      let candidate = dir.appendingPathComponent("shared/conformance/cel/cases.jsonl")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return nil
  }
}

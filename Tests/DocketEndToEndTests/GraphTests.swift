import DocketTestSupport
import Foundation
import Testing

/// `docket graph` on every bundled workflow: the DOT is well formed, names every state, and
/// Graphviz accepts it when `dot` is installed; Mermaid names every state too.
@Suite("docket graph")
struct GraphTests {
  /// The bundled workflow files, with the states each declares (read from the YAML text
  /// directly, so the check does not trust the loader it is testing).
  static func bundledWorkflows() throws -> [(id: String, states: [String], labels: [String])] {
    let folder = TemporaryHome.repositoryRoot.appendingPathComponent("workflows")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    return try files.map { file in
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      var states: [String] = []
      var labels: [String] = []
      var inStates = false
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if !line.hasPrefix(" "), !line.hasPrefix("#"), !line.isEmpty { inStates = line.hasPrefix("states:") }
        guard inStates else { continue }
        if line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") {
          states.append(line.dropFirst(2)[..<colon].trimmingCharacters(in: .whitespaces))
        }
        if line.hasPrefix("    label:") {
          labels.append(line.dropFirst("    label:".count).trimmingCharacters(in: .whitespaces))
        }
      }
      return (String(file.dropLast(".yaml".count)), states, labels)
    }
  }

  /// `dot` on PATH, if Graphviz is installed.
  static var dotExecutable: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Braces outside quoted strings balance and never go negative.
  static func bracesBalance(_ dot: String) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for c in dot {
      if escaped { escaped = false; continue }
      if inString {
        if c == "\\" { escaped = true } else if c == "\"" { inString = false }
        continue
      }
      switch c {
      case "\"": inString = true
      case "{": depth += 1
      case "}":
        depth -= 1
        if depth < 0 { return false }
      default: break
      }
    }
    return depth == 0 && !inString
  }

  @Test("every bundled workflow: well-formed DOT naming every state and label; Graphviz renders it")
  func everyBundledWorkflow() throws {
    let home = try TemporaryHome.bundled()
    let workflows = try Self.bundledWorkflows()
    #expect(workflows.count >= 5, "the root home bundles the property's five workflows")
    for workflow in workflows {
      #expect(!workflow.states.isEmpty, "no states read from \(workflow.id)")
      let result = try RunDocket.run(["graph", workflow.id], home: home)
      try #require(result.status == 0, "\(result)")
      let dot = result.stdout
      #expect(dot.hasPrefix("digraph \"\(workflow.id)\" {"), "\(dot.prefix(80))")
      #expect(Self.bracesBalance(dot), "unbalanced braces or quotes in \(workflow.id)")
      for state in workflow.states {
        #expect(dot.contains("  \"\(state)\" ["), "state \(state) missing from \(workflow.id)")
      }
      for label in workflow.labels {
        #expect(dot.contains(label), "label \(label) missing from \(workflow.id)")
      }
      #expect(dot.contains("shape=doublecircle"), "\(workflow.id) marks no final state")
      #expect(dot.contains("\"__start\" -> "), "\(workflow.id) marks no initial state")

      let mermaid = try RunDocket.run(["graph", workflow.id, "--format", "mermaid"], home: home)
      try #require(mermaid.status == 0, "\(mermaid)")
      #expect(mermaid.stdout.contains("stateDiagram-v2"))
      #expect(mermaid.stdout.contains("[*] --> "))
      for state in workflow.states {
        let id = state.replacingOccurrences(of: "-", with: "_")
        #expect(mermaid.stdout.contains(" as \(id)\n"), "state \(state) missing from Mermaid")
      }

      if let dotTool = Self.dotExecutable {
        let svg = try Self.render(dot, with: dotTool)
        #expect(svg.status == 0, "dot -Tsvg rejected \(workflow.id): \(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
        for label in workflow.labels {
          #expect(svg.stdout.contains(label), "\(label) lost in the SVG of \(workflow.id)")
        }
      }
    }
  }

  @Test("--json wraps the text; an unknown workflow is unknown_workflow (exit 2) with a hint")
  func jsonAndUnknown() throws {
    let home = try TemporaryHome.bundled()
    let json = try RunDocket.run(["graph", "complaint", "--format", "mermaid", "--json"], home: home)
    #expect(json.status == 0, "\(json)")
    #expect(json.json?["format"] as? String == "mermaid")
    #expect((json.json?["text"] as? String)?.contains("stateDiagram-v2") == true)
    let unknown = try RunDocket.run(["graph", "complaints", "--json"], home: home)
    #expect(unknown.status == 2, "\(unknown)")
    #expect(unknown.errorCode == "unknown_workflow")
    let bad = try RunDocket.run(["graph", "complaint", "--format", "png"], home: home)
    #expect(bad.status == 2, "\(bad)")
  }

  /// Runs `dot -Tsvg` on `source`.
  static func render(_ source: String, with dot: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let input = scratch.appendingPathComponent("in.dot")
    let output = scratch.appendingPathComponent("out.svg")
    let errors = scratch.appendingPathComponent("err.txt")
    try Data(source.utf8).write(to: input)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = dot
    process.arguments = ["-Tsvg", "-o", output.path, input.path]
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus,
      (try? String(contentsOf: output, encoding: .utf8)) ?? "",
      (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    )
  }
}

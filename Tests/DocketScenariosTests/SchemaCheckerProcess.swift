import DocketTestSupport
import Foundation
import Testing

/// Runs `Scripts/check-schemas.py`, the independent validator (Python's `jsonschema`), on
/// files. When the package is missing it is installed into a temporary folder with pip
/// (PyPI is reachable); when even that fails the caller's test fails: never a silent skip.
enum SchemaChecker {
  struct Result {
    var status: Int32
    var output: String
  }

  static let script = TemporaryHome.repositoryRoot.appendingPathComponent("Scripts/check-schemas.py")

  static func check(_ files: [String]) throws -> Result {
    let first = try run(["python3", script.path] + files)
    guard first.status == 2, first.output.contains("missing Python package") else { return first }
    let target = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-jsonschema-\(UUID().uuidString)")
    let install = try run(
      ["python3", "-m", "pip", "install", "--quiet", "--target", target.path, "jsonschema", "PyYAML"])
    #expect(install.status == 0, "could not install jsonschema: \(install.output)")
    return try run(["python3", script.path] + files, pythonPath: target.path)
  }

  private static func run(_ arguments: [String], pythonPath: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    if let pythonPath { environment["PYTHONPATH"] = pythonPath }
    process.environment = environment
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-schema-check-\(UUID().uuidString).out")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self))
  }
}

import Foundation

/// What one run of the `docket` binary printed and how it exited.
public struct DocketResult: Sendable, CustomStringConvertible {
  public var stdout: String
  public var stderr: String
  public var status: Int32

  /// For failure messages: everything the run produced.
  public var description: String {
    "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
  }

  /// stdout parsed as JSON (objects as `[String: Any]`), or nil if it is not one document.
  public var json: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
  }

  /// `error.code` of a `--json` error envelope.
  public var errorCode: String? {
    (json?["error"] as? [String: Any])?["code"] as? String
  }
}

/// Runs the BUILT `docket` binary, as a user's shell would.
///
/// The binary is looked up next to the running test executable (SwiftPM puts products and
/// the test bundle in the same build folder) and in its parents. The environment is cleared
/// of `DOCKET_*` and `NO_COLOR` so the caller's shell never leaks into a test; pass what a
/// test needs in `environment`.
public enum RunDocket {
  public enum Failure: Error, CustomStringConvertible {
    case binaryNotFound([String])
    public var description: String {
      switch self {
      case .binaryNotFound(let searched):
        "the docket binary was not found (build it first); looked in: "
          + searched.joined(separator: ", ")
      }
    }
  }

  /// The path of the built `docket` executable.
  public static func binary() throws -> URL {
    var searched: [String] = []
    var starts: [URL] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
    }
    if let exe = Bundle.main.executableURL { starts.append(exe.deletingLastPathComponent()) }
    starts.append(Bundle.main.bundleURL)
    for start in starts {
      var folder = start.standardizedFileURL
      for _ in 0..<6 {
        let candidate = folder.appendingPathComponent("docket")
        searched.append(candidate.path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        folder = folder.deletingLastPathComponent()
      }
    }
    throw Failure.binaryNotFound(searched)
  }

  /// The environment a run starts from: the process's, without Docket's own variables.
  public static func baseEnvironment() -> [String: String] {
    ProcessInfo.processInfo.environment.filter {
      !$0.key.hasPrefix("DOCKET_") && $0.key != "NO_COLOR"
    }
  }

  /// Runs `docket ARGS...` and waits for it.
  ///
  /// - Parameters:
  ///   - arguments: the arguments after `docket`.
  ///   - home: passed as `DOCKET_HOME` unless `environment` sets it or is told not to.
  ///   - environment: added to (and overriding) the cleaned base environment.
  ///   - directory: the working directory (default: the home, else the temp folder).
  @discardableResult
  public static func run(
    _ arguments: [String], home: TemporaryHome? = nil, environment: [String: String] = [:],
    directory: URL? = nil
  ) throws -> DocketResult {
    var env = baseEnvironment()
    if let home { env["DOCKET_HOME"] = home.path }
    for (key, value) in environment { env[key] = value }
    let process = Process()
    process.executableURL = try binary()
    process.arguments = arguments
    process.environment = env
    process.currentDirectoryURL = directory ?? home?.url ?? FileManager.default.temporaryDirectory
    // Files rather than pipes: a full pipe can never block the child while we wait.
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("docket-run-\(UUID().uuidString)")
    let outURL = scratch.appendingPathExtension("out")
    let errURL = scratch.appendingPathExtension("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return DocketResult(
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
      status: process.terminationStatus)
  }

  /// Starts several shell loops at once, each running `docket` commands one after another,
  /// and waits for all: real concurrent processes contending for one store.
  ///
  /// - Parameter scripts: one `sh` script per worker; `$DOCKET` names the binary.
  /// - Returns: each worker's exit status (non-zero if any command in it failed with `set -e`).
  public static func concurrently(
    _ scripts: [String], home: TemporaryHome, environment: [String: String] = [:]
  ) throws -> [Int32] {
    var env = baseEnvironment()
    env["DOCKET_HOME"] = home.path
    env["DOCKET"] = try binary().path
    for (key, value) in environment { env[key] = value }
    let processes = try scripts.map { script -> Process in
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      p.arguments = ["-c", script]
      p.environment = env
      p.currentDirectoryURL = home.url
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      p.standardInput = FileHandle.nullDevice
      try p.run()
      return p
    }
    return processes.map {
      $0.waitUntilExit()
      return $0.terminationStatus
    }
  }
}

import DocketModel

/// `docket test --json`: one document with every fixture and every failure.
///
/// ```json
/// { "passed": 6, "failed": 1, "fixtures": [ { "name": "…", "file": "rules/fixtures/a.yaml",
///   "line": 1, "column": 7, "passed": false, "steps_run": 3, "failures": [ { "step": 3,
///   "summary": "wait 25h", "file": "…", "line": 14, "column": 7, "message": "…",
///   "expected": ["…"], "actual": ["…"] } ] } ] }
/// ```
public enum FixtureJSONReport {
  public static func render(_ report: FixtureReport) -> JSONValue {
    .object([
      "passed": .int(Int64(report.passed)),
      "failed": .int(Int64(report.failed)),
      "fixtures": .array(report.results.map(fixture)),
    ])
  }

  private static func fixture(_ result: FixtureResult) -> JSONValue {
    .object([
      "name": .string(result.name),
      "file": .string(result.path),
      "line": .int(Int64(result.span.start.line)),
      "column": .int(Int64(result.span.start.column)),
      "passed": .bool(result.passed),
      "steps_run": .int(Int64(result.stepsRun)),
      "failures": .array(result.failures.map(failure)),
    ])
  }

  private static func failure(_ failure: FixtureFailure) -> JSONValue {
    .object([
      "step": .int(Int64(failure.step)),
      "summary": .string(failure.summary),
      "file": .string(failure.span.file),
      "line": .int(Int64(failure.span.start.line)),
      "column": .int(Int64(failure.span.start.column)),
      "message": .string(failure.message),
      "expected": .array(failure.expected.map { .string($0) }),
      "actual": .array(failure.actual.map { .string($0) }),
    ])
  }
}

import DocketModel

/// `docket test` as people read it: `PASS name` / `FAIL name` per fixture, each failure at
/// its `file:line:col` with an expected/actual diff, and the closing `N passed, M failed`.
///
/// Pure: a value in, text out.
public enum FixtureTextReport {
  public static func render(_ report: FixtureReport) -> String {
    var text = ""
    for result in report.results {
      text += "\(result.passed ? "PASS" : "FAIL") \(result.name)\n"
      for failure in result.failures {
        text += "  \(failure.span): step \(failure.step) (\(failure.summary)): \(failure.message)\n"
        for line in failure.expected { text += "    - expected  \(line)\n" }
        for line in failure.actual { text += "    + actual    \(line)\n" }
      }
    }
    text += "\(report.passed) passed, \(report.failed) failed\n"
    return text
  }
}

import Foundation

/// `docket test --junit FILE`: JUnit XML as CI servers (Jenkins, GitLab, GitHub actions)
/// read it. One `<testsuite>` per fixture file, one `<testcase>` per fixture, a `<failure>`
/// whose message is the first failure's `file:line:col: message` and whose body is the
/// whole diff.
public enum FixtureJUnitReport {
  public static func render(_ report: FixtureReport) -> String {
    var files: [String] = []
    var byFile: [String: [FixtureResult]] = [:]
    for result in report.results {
      if byFile[result.path] == nil { files.append(result.path) }
      byFile[result.path, default: []].append(result)
    }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"docket test\" tests=\"\(report.results.count)\" failures=\"\(report.failed)\">\n"
    for file in files {
      let results = byFile[file] ?? []
      let failed = results.filter { !$0.passed }.count
      xml += "  <testsuite name=\"\(escape(file))\" tests=\"\(results.count)\" failures=\"\(failed)\">\n"
      for result in results {
        xml += "    <testcase classname=\"\(escape(classname(file)))\" name=\"\(escape(result.name))\" file=\"\(escape(file))\" line=\"\(result.span.start.line)\""
        guard let first = result.failures.first else {
          xml += "/>\n"
          continue
        }
        xml += ">\n"
        let body = result.failures.map { failure in
          (["\(failure.span): step \(failure.step) (\(failure.summary)): \(failure.message)"]
            + failure.expected.map { "- expected  \($0)" } + failure.actual.map { "+ actual    \($0)" })
            .joined(separator: "\n")
        }.joined(separator: "\n")
        xml += "      <failure message=\"\(escape("\(first.span): \(first.message)"))\" type=\"expectation\">\(escape(body))</failure>\n"
        xml += "    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    xml += "</testsuites>\n"
    return xml
  }

  /// `rules/fixtures/complaint.yaml` -> `rules.fixtures.complaint`, as CI servers group by.
  private static func classname(_ path: String) -> String {
    var name = path
    if name.hasSuffix(".yaml") { name.removeLast(5) } else if name.hasSuffix(".yml") { name.removeLast(4) }
    return name.replacingOccurrences(of: "/", with: ".")
  }

  /// XML text and attribute escaping; drops the control characters XML 1.0 cannot hold.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

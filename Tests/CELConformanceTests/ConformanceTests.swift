import CEL
import Foundation
import Testing

/// The official CEL conformance cases (non-protobuf subset), read in place from
/// `shared/conformance/cel/cases.jsonl`. A case fails the test when it fails and is not a
/// known gap, or when it is listed as a known gap but passes (so the list stays true).
@Suite struct ConformanceTests {
  @Test func casesAreFound() {
    #expect(ConformanceCase.all.count > 1600, "cases.jsonl not found above \(#filePath)")
  }

  @Test(arguments: ConformanceCase.all)
  func conformance(_ c: ConformanceCase) {
    let failure = ConformanceRunner.failure(of: c)
    if let reason = knownGaps[c.id] {
      #expect(failure != nil, "\(c.id) passes now; remove it from KnownGaps.swift (\(reason))")
    } else if let failure {
      Issue.record("\(c.id): \(c.expr)\n  \(failure)")
    }
  }

  @Test func summary() {
    var perFile: [String: (passed: Int, total: Int)] = [:]
    // CEL_CONFORMANCE_DUMP=1 prints every failing case as a KnownGaps.swift line.
    let dump = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_DUMP"] != nil
    for c in ConformanceCase.all {
      let failure = ConformanceRunner.failure(of: c)
      let ok = failure == nil
      if dump, let failure {
        print("GAP \(c.id)\t\(failure.prefix(100))")
      }
      perFile[c.file, default: (0, 0)].total += 1
      if ok { perFile[c.file, default: (0, 0)].passed += 1 }
    }
    let passed = perFile.values.map(\.passed).reduce(0, +)
    let total = perFile.values.map(\.total).reduce(0, +)
    print("CEL conformance: \(passed)/\(total) passed")
    for (file, n) in perFile.sorted(by: { $0.key < $1.key }) {
      print("CEL conformance: \(file): \(n.passed)/\(n.total) passed")
    }
    #expect(total > 0)
  }
}

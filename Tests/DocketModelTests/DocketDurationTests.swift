import DocketModel
import Testing

@Suite struct DocketDurationTests {
  @Test(arguments: [
    ("90m", 5400), ("2h", 7200), ("1h30m", 5400), ("3d", 259_200), ("45s", 45), ("1d2h3m4s", 93_784),
  ])
  func parsesContractForms(text: String, seconds: Int64) {
    #expect(DocketDuration(parsing: text)?.seconds == seconds)
  }

  @Test(arguments: ["", "h", "2", "30m1h", "1h1h", "1.5h", "-1h", "2 hours", "1w", "99999999999d"])
  func rejectsMalformedText(text: String) {
    #expect(DocketDuration(parsing: text) == nil)
  }

  @Test func printsCanonicalAndHumanForms() {
    #expect(DocketDuration(seconds: 5400).description == "1h30m")
    #expect(DocketDuration(seconds: 12_000).humanized == "3h 20m")
    #expect(DocketDuration(seconds: 187_200).humanized == "2d 4h")
  }
}

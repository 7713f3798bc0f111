import DocketEngine
import DocketReports

extension EventChoice {
  /// The report's view of an engine option: allowed, or refused with the refusal's sentence.
  init(_ option: EventOption) {
    // Allowed, but only with input: say what to add rather than hiding the event.
    var needs = option.missingFields.map { "--set \($0.rawValue)=…" }
    if option.needsNote { needs.append("--note …") }
    self.init(
      event: option.event, targets: option.targets, isAllowed: option.isPermitted,
      refusalCode: option.refusal?.code, refusalMessage: option.refusal?.message,
      hint: needs.isEmpty ? nil : "needs " + needs.joined(separator: " "))
  }
}

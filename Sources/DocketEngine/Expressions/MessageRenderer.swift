import CEL
import DocketModel
import Foundation

/// Renders `${CEL}` message templates. An expression that fails renders as a visible
/// `⟨error: …⟩` marker in the text instead of stopping the command.
struct MessageRenderer {
  var zone: Zone

  func render(_ template: MessageTemplate, in context: EvaluationContext) -> String {
    var out = ""
    for part in template.parts {
      switch part {
      case .text(let t): out += t
      case .expression(let e): out += text(e.program.evaluate(context))
      }
    }
    return out
  }

  /// How a value reads inside a sentence: strings without quotes, times in the home's zone.
  func text(_ value: CELValue) -> String {
    switch value {
    case .string(let s): s
    case .timestamp(let t): RFC3339.format(FieldConversion.date(t), in: zone)
    case .duration(let d): DocketDuration(seconds: d.seconds).description
    case .null: ""
    case .list(let items): items.map(text).joined(separator: ", ")
    case .error(let e): "⟨error: \(e.message)⟩"
    default: value.description
    }
  }
}

import DocketModel
import Foundation

/// JSON text for `--json` output: sorted keys, so the output is stable and diffable.
public enum JSONText {
  /// Pretty-printed with sorted keys, ending in a newline: one document per command.
  public static func pretty(_ value: JSONValue) -> String {
    encode(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + "\n"
  }

  /// One line, sorted keys (for history `set` maps and other inline values).
  public static func compact(_ value: JSONValue) -> String {
    encode(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
  }

  private static func encode(_ value: JSONValue, formatting: JSONEncoder.OutputFormatting)
    -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = formatting
    // Encoding a JSONValue cannot fail except for non-finite doubles, which CEL may produce;
    // those become null rather than aborting the output.
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8)
    else { return encode(value.replacingNonFinite, formatting: formatting) }
    return text
  }
}

extension JSONValue {
  /// The same value with NaN and infinities replaced by null (JSON has no spelling for them).
  fileprivate var replacingNonFinite: JSONValue {
    switch self {
    case .double(let d) where !d.isFinite: .null
    case .array(let a): .array(a.map(\.replacingNonFinite))
    case .object(let o): .object(o.mapValues(\.replacingNonFinite))
    default: self
    }
  }
}

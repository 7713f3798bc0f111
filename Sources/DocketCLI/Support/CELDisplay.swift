import CEL
import DocketModel

/// CEL values as `docket eval` prints them.
enum CELDisplay {
  /// Close to CEL literal syntax, so the output can be pasted back into an expression.
  static func text(_ value: CELValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .int(let i): String(i)
    case .uint(let u): "\(u)u"
    case .double(let d): d.rounded() == d && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
    case .string(let s): quote(s)
    case .bytes(let b): "b\"" + b.map { String(format: "\\x%02x", $0) }.joined() + "\""
    case .list(let l): "[" + l.map(text).joined(separator: ", ") + "]"
    case .map(let m): "{" + m.entries.map { text($0.key) + ": " + text($0.value) }.joined(separator: ", ") + "}"
    case .timestamp(let t): "timestamp(\"\(t.description)\")"
    case .duration(let d): "duration(\"\(d.description)\")"
    case .type(let t): t.runtimeName
    case .optional(let o): o.map { "optional.of(\(text($0)))" } ?? "optional.none()"
    case .error(let e): "error: \(e.message)"
    }
  }

  private static func quote(_ s: String) -> String {
    var out = "\""
    for ch in s {
      switch ch {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(ch)
      }
    }
    return out + "\""
  }

  /// The typed encoding (`{"int": "3"}`) as a JSON value for `--json`.
  static func json(_ value: CELJSON) -> JSONValue {
    switch value {
    case .null: .null
    case .bool(let b): .bool(b)
    case .number(let n): Int64(n).map(JSONValue.int) ?? Double(n).map(JSONValue.double) ?? .string(n)
    case .string(let s): .string(s)
    case .array(let a): .array(a.map(json))
    case .object(let members):
      .object(Dictionary(members.map { ($0.key, json($0.value)) }, uniquingKeysWith: { a, _ in a }))
    }
  }
}

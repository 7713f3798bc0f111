/// Escaping of user text (Chinese labels, CEL with quotes, newlines) for diagram languages.
///
/// Kept apart from the renderers so each rule is tested on its own: a label must never end a
/// string early, start a comment or inject a statement, whatever the workflow file holds.
public enum GraphText {
  /// A DOT double-quoted string (with the quotes): `"` and `\` escaped, line breaks as
  /// `\n` (or `\l`, left-justified), other control characters dropped. UTF-8 passes through.
  public static func dotQuoted(_ lines: [String], leftJustified: Bool = false) -> String {
    let breakEscape = leftJustified ? "\\l" : "\\n"
    var out = "\""
    for (index, line) in lines.enumerated() {
      if index > 0 { out += breakEscape }
      for scalar in line.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += breakEscape
        case "\r", "\t": out += scalar == "\t" ? " " : ""
        default:
          if scalar.properties.generalCategory == .control { continue }
          out.unicodeScalars.append(scalar)
        }
      }
    }
    if leftJustified, !lines.isEmpty { out += "\\l" }
    return out + "\""
  }

  /// A DOT id: always quoted, so any state id is safe.
  public static func dotID(_ id: String) -> String { dotQuoted([id]) }

  /// Mermaid text: characters Mermaid's grammar reacts to (`"`, `:`, `;`, `#`, `%`, `<`, `>`,
  /// `{`, `}`, `|`) as entity codes (`#quot;`, `#58;` …), which Mermaid decodes after parsing;
  /// line breaks as `<br/>`; other control characters dropped.
  public static func mermaid(_ lines: [String]) -> String {
    var out = ""
    for (index, line) in lines.enumerated() {
      if index > 0 { out += "<br/>" }
      for scalar in line.unicodeScalars {
        switch scalar {
        case "\"": out += "#quot;"
        case "#", ":", ";", "%", "{", "}", "|":
          out += "#\(scalar.value);"
        case "<": out += "#lt;"
        case ">": out += "#gt;"
        case "\n": out += "<br/>"
        case "\t": out += " "
        default:
          if scalar.properties.generalCategory == .control { continue }
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A YAML double-quoted scalar (Mermaid's front matter): `"` and `\` escaped, control
  /// characters dropped.
  public static func yamlQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if scalar.properties.generalCategory == .control { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A Mermaid state id: letters, digits and `_` only (other characters become `_`).
  public static func mermaidID(_ id: String) -> String {
    String(
      String.UnicodeScalarView(
        id.unicodeScalars.map { s in
          (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))) ? s : "_"
        }))
  }
}

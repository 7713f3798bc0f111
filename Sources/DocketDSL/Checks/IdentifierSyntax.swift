/// What names in definition files may look like.
///
/// Ids are what people type on the command line and what file names are made of, so they are
/// ASCII. Field names are CEL variables, so they follow CEL's identifier rules.
package enum IdentifierSyntax {
  /// A workflow id: `[a-z][a-z0-9_-]*` (contract §2); it is also a file stem.
  package static func isWorkflowID(_ s: String) -> Bool {
    let u = s.unicodeScalars
    guard let first = u.first, isLower(first), s.utf8.count <= 64 else { return false }
    return u.allSatisfy { isLower($0) || isDigit($0) || $0 == "_" || $0 == "-" }
  }

  /// A state, event, role or deadline name, or a user id: `[A-Za-z0-9_][A-Za-z0-9_.-]*`.
  package static func isName(_ s: String) -> Bool {
    let u = s.unicodeScalars
    guard let first = u.first, isLetter(first) || isDigit(first) || first == "_", s.utf8.count <= 64
    else { return false }
    return u.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "." || $0 == "-" }
  }

  /// A CEL identifier that is not a CEL reserved word: `[A-Za-z_][A-Za-z0-9_]*`.
  package static func isFieldName(_ s: String) -> Bool {
    let u = s.unicodeScalars
    guard let first = u.first, isLetter(first) || first == "_", !celReserved.contains(s) else {
      return false
    }
    return u.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" }
  }

  /// An instance-id prefix: `[A-Za-z][A-Za-z0-9_]*`, at most 16 characters.
  package static func isPrefix(_ s: String) -> Bool {
    let u = s.unicodeScalars
    guard let first = u.first, isLetter(first), s.utf8.count <= 16 else { return false }
    return u.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" }
  }

  /// Words CEL reserves; none can name a variable.
  static let celReserved: Set<String> = [
    "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
    "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
  ]

  private static func isLower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
  private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }
}

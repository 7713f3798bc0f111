/// One lexical token with its scalar range in the source.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case ident(String)
    /// A backtick-quoted field name: `` `content-type` ``.
    case quotedIdent(String)
    /// Digits of an integer literal as written (decimal or `0x` hex), without a sign.
    case int(String)
    case uint(String)
    case double(String)
    case string(String)
    case bytes([UInt8])
    case punct(String)
    case eof
  }

  var kind: Kind
  var range: Range<Int>

  func isPunct(_ p: String) -> Bool {
    if case .punct(let q) = kind { return q == p }
    return false
  }
}

/// A lexing or parsing problem at a scalar range.
struct SyntaxError: Error, Sendable {
  var message: String
  var range: Range<Int>
  var id: String = "cel_syntax"
}

/// Words the grammar reserves: not usable as identifiers (but fine as field names after `.`).
/// A `switch` rather than a set: the first identifier of a process would hash them all.
func isReservedWord(_ name: String) -> Bool {
  switch name {
  case "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
    "loop", "package", "namespace", "return", "var", "void", "while":
    true
  default: false
  }
}

/// Turns CEL source (as Unicode scalars) into tokens, tracking scalar offsets.
///
/// Literal forms follow the CEL spec: decimal and hex ints, `u` suffixes, doubles with
/// exponents, strings and bytes with every escape, raw (`r"..."`) and triple-quoted forms.
/// Invalid escapes and unterminated literals are ``SyntaxError``s.
struct Lexer {
  private let s: [Unicode.Scalar]
  private var i = 0

  init(_ scalars: [Unicode.Scalar]) { s = scalars }

  /// All tokens, ending with `.eof`, or the first lexical error.
  static func tokenize(_ scalars: [Unicode.Scalar]) throws(SyntaxError) -> [Token] {
    var lexer = Lexer(scalars)
    var out: [Token] = []
    out.reserveCapacity(scalars.count / 2 + 1)
    while true {
      let t = try lexer.next()
      out.append(t)
      if t.kind == .eof { return out }
    }
  }

  private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

  private mutating func skipSpaceAndComments() {
    while let c = peek() {
      if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
        i += 1
      } else if c == "/", peek(1) == "/" {
        while let d = peek(), d != "\n" { i += 1 }
      } else {
        return
      }
    }
  }

  mutating func next() throws(SyntaxError) -> Token {
    skipSpaceAndComments()
    let start = i
    guard let c = peek() else { return Token(kind: .eof, range: i..<i) }

    if isIdentStart(c) {
      // String/bytes prefixes: r, R, b, B and combinations.
      if let lit = try lexPrefixedLiteral() { return lit }
      while let d = peek(), isIdentStart(d) || d.digitValue != nil { i += 1 }
      return Token(kind: .ident(text(start, i)), range: start..<i)
    }
    if c.digitValue != nil || (c == "." && peek(1)?.digitValue != nil) {
      return try lexNumber()
    }
    if c == "`" {
      i += 1
      var name = String.UnicodeScalarView()
      while let d = peek(), d != "`", d != "\n" {
        name.append(d)
        i += 1
      }
      guard peek() == "`", !name.isEmpty else {
        throw SyntaxError(message: "unterminated quoted identifier", range: start..<i)
      }
      i += 1
      return Token(kind: .quotedIdent(String(name)), range: start..<i)
    }
    if c == "\"" || c == "'" {
      let v = try lexQuoted(raw: false, bytes: false)
      return Token(kind: v, range: start..<i)
    }
    let two = peek(1).map { String(c) + String($0) } ?? ""
    for p in ["==", "!=", "<=", ">=", "&&", "||"] where two == p {
      i += 2
      return Token(kind: .punct(p), range: start..<i)
    }
    if "+-*/%<>!?:.,()[]{}".unicodeScalars.contains(c) {
      i += 1
      return Token(kind: .punct(String(c)), range: start..<i)
    }
    if c == "=" {
      throw SyntaxError(message: "token recognition error at: '='", range: start..<start + 1)
    }
    if c == "&" || c == "|" {
      throw SyntaxError(message: "token recognition error at: '\(c)'", range: start..<start + 1)
    }
    throw SyntaxError(message: "token recognition error at: '\(c)'", range: start..<start + 1)
  }

  private func isIdentStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }

  private func text(_ a: Int, _ b: Int) -> String {
    // Scalar by scalar: the generic append(contentsOf:) is not specialised for a slice of
    // scalars and looks its types up at run time, a cost on every command's compiles.
    var v = String.UnicodeScalarView()
    for c in s[a..<b] { v.append(c) }
    return String(v)
  }

  /// `r"..."`, `b'...'`, `rb"""..."""`, ... or nil when the identifier is not a prefix.
  private mutating func lexPrefixedLiteral() throws(SyntaxError) -> Token? {
    let start = i
    var raw = false
    var bytes = false
    var k = 0
    while k < 2, let c = peek(k) {
      if (c == "r" || c == "R") && !raw {
        raw = true
      } else if (c == "b" || c == "B") && !bytes {
        bytes = true
      } else {
        break
      }
      k += 1
    }
    guard k > 0, let q = peek(k), q == "\"" || q == "'" else { return nil }
    i += k
    let v = try lexQuoted(raw: raw, bytes: bytes)
    return Token(kind: v, range: start..<i)
  }

  private mutating func lexQuoted(raw: Bool, bytes: Bool) throws(SyntaxError) -> Token.Kind {
    let start = i
    guard let q = peek() else { throw SyntaxError(message: "unexpected end", range: i..<i) }
    let triple = peek(1) == q && peek(2) == q
    i += triple ? 3 : 1
    var out: [UInt8] = []
    var str = String.UnicodeScalarView()
    func appendScalar(_ u: Unicode.Scalar) {
      if bytes { out.append(contentsOf: Array(String(u).utf8)) } else { str.append(u) }
    }
    while true {
      guard let c = peek() else {
        throw SyntaxError(message: "unterminated string literal", range: start..<i)
      }
      if c == q {
        if !triple {
          i += 1
          break
        }
        if peek(1) == q && peek(2) == q {
          i += 3
          break
        }
      }
      if !triple && (c == "\n" || c == "\r") {
        throw SyntaxError(message: "unterminated string literal", range: start..<i)
      }
      if c == "\\" && !raw {
        let escStart = i
        i += 1
        guard let e = peek() else {
          throw SyntaxError(message: "unterminated string literal", range: start..<i)
        }
        i += 1
        switch e {
        case "a": appendScalar("\u{07}")
        case "b": appendScalar("\u{08}")
        case "f": appendScalar("\u{0C}")
        case "n": appendScalar("\n")
        case "r": appendScalar("\r")
        case "t": appendScalar("\t")
        case "v": appendScalar("\u{0B}")
        case "\\", "'", "\"", "`", "?": appendScalar(e)
        case "x", "X":
          let v = try hexDigits(2, escStart)
          if bytes { out.append(UInt8(v)) } else { str.append(Unicode.Scalar(UInt8(v))) }
        case "u", "U":
          let v = try hexDigits(e == "u" ? 4 : 8, escStart)
          guard let u = Unicode.Scalar(v) else {
            throw SyntaxError(
              message: "invalid unicode code point in escape", range: escStart..<i)
          }
          if bytes {
            throw SyntaxError(
              message: "unicode escapes are not allowed in bytes literals", range: escStart..<i)
          }
          str.append(u)
        case "0"..."3":
          guard let d1 = peek(), let d2 = peek(1), let o1 = octal(d1), let o2 = octal(d2),
            let o0 = octal(e)
          else {
            throw SyntaxError(message: "invalid octal escape", range: escStart..<i)
          }
          i += 2
          let v = o0 * 64 + o1 * 8 + o2
          if bytes { out.append(UInt8(v)) } else { str.append(Unicode.Scalar(UInt8(v))) }
        default:
          throw SyntaxError(
            message: "invalid escape sequence '\\\(e)'", range: escStart..<i)
        }
        continue
      }
      appendScalar(c)
      i += 1
    }
    return bytes ? .bytes(out) : .string(String(str))
  }

  private func octal(_ c: Unicode.Scalar) -> Int? {
    c >= "0" && c <= "7" ? Int(c.value - 48) : nil
  }

  private mutating func hexDigits(_ n: Int, _ escStart: Int) throws(SyntaxError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<n {
      guard let c = peek(), let h = hexValue(c) else {
        throw SyntaxError(message: "invalid hex escape", range: escStart..<i)
      }
      v = v * 16 + h
      i += 1
    }
    return v
  }

  private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": c.value - 48
    case "a"..."f": c.value - 87
    case "A"..."F": c.value - 55
    default: nil
    }
  }

  private mutating func lexNumber() throws(SyntaxError) -> Token {
    let start = i
    if peek() == "0", let x = peek(1), x == "x" || x == "X", let h = peek(2), hexValue(h) != nil {
      i += 2
      while let c = peek(), hexValue(c) != nil { i += 1 }
      let digits = text(start, i)
      if let u = peek(), u == "u" || u == "U" {
        i += 1
        return Token(kind: .uint(digits), range: start..<i)
      }
      return Token(kind: .int(digits), range: start..<i)
    }
    while peek()?.digitValue != nil { i += 1 }
    var isDouble = false
    if peek() == ".", peek(1)?.digitValue != nil {
      isDouble = true
      i += 1
      while peek()?.digitValue != nil { i += 1 }
    }
    if let e = peek(), e == "e" || e == "E" {
      var k = 1
      if let sgn = peek(1), sgn == "+" || sgn == "-" { k = 2 }
      if peek(k)?.digitValue != nil {
        isDouble = true
        i += k
        while peek()?.digitValue != nil { i += 1 }
      }
    }
    let digits = text(start, i)
    if isDouble { return Token(kind: .double(digits), range: start..<i) }
    if let u = peek(), u == "u" || u == "U" {
      i += 1
      return Token(kind: .uint(digits), range: start..<i)
    }
    return Token(kind: .int(digits), range: start..<i)
  }
}

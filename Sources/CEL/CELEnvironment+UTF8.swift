/// Compiling raw bytes: text read from a file or a socket may not be valid UTF-8, and that
/// is a syntax issue at the first bad byte, not a crash or a silent replacement character.
extension CELEnvironment {
  public func compile(utf8 bytes: [UInt8], checked: Bool = true) -> Result<CELProgram, CELIssues> {
    if let source = String(validating: bytes, as: UTF8.self) {
      return compile(source, checked: checked)
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var scalars = String.UnicodeScalarView()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let s): scalars.append(s)
      case .emptyInput, .error: break loop
      }
    }
    let offset = scalars.count
    let map = SourceMap(source: String(scalars))
    let issue = CELIssue(
      id: "cel_syntax", message: "invalid UTF-8 in expression", range: offset..<offset + 1, in: map)
    return .failure(CELIssues([issue]))
  }
}

import DocketDiagnostics

/// Turns a definition file's bytes into text, refusing what YAML loading must never see:
/// files over the size limit and bytes that are not UTF-8 (reported at their line and column).
package enum SourceText {
  /// The text of `bytes` without a leading byte-order mark, or nil with a diagnostic in `bag`.
  package static func decode(
    _ bytes: [UInt8], path: String, limits: YAMLLimits = .default, into bag: inout DiagnosticBag
  ) -> String? {
    guard bytes.count <= limits.maxBytes else {
      bag.add(.fileTooLarge(bytes: bytes.count, limit: limits.maxBytes, path: path))
      return nil
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) { return text }
    // Slow path, only for bad files: find the line and column of the first bad byte.
    var line = 1
    var column = 1
    var iterator = body.makeIterator()
    var decoder = UTF8()
    var scalars = String.UnicodeScalarView()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return String(scalars)
      case .error:
        bag.add(.invalidUTF8(at: SourceSpan(file: path, line: line, column: column)))
        return nil
      }
    }
  }
}

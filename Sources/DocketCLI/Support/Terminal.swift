import DocketReports
import Rainbow

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where output goes and whether it may be coloured.
///
/// Colour only when stdout is a terminal, `NO_COLOR` is unset (https://no-color.org) and the
/// output is not `--json`; `TERM=dumb` also turns it off.
struct Terminal: Sendable {
  var colours: Bool

  init(environment: ProcessEnvironment, json: Bool, isTTY: Bool = isatty(STDOUT_FILENO) == 1) {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    colours = isTTY && !json && !noColor && environment["TERM"] != "dumb"
  }

  var palette: Palette {
    guard colours else { return .plain }
    return Palette(
      bold: { $0.bold }, dim: { $0.dim }, good: { $0.green }, warning: { $0.yellow },
      bad: { $0.red }, accent: { $0.cyan })
  }

  /// Where ``write(_:to:)`` sends text.
  enum Stream: Int32 {
    case standardOutput = 1
    case standardError = 2
  }

  /// Writes all of `text` with `write(2)` (through `FileHandle` and `Data`, the first write of
  /// a command cost 0.24 M instructions of run-time generic set-up). A closed or full stream
  /// is left alone, as `FileHandle` did not report it either.
  static func write(_ text: String, to stream: Stream) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = posixWrite(stream.rawValue, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return }
        offset += n
      }
    }
  }
}

/// `write(2)`, named apart from ``Terminal/write(_:to:)``, which it would otherwise shadow.
private func posixWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>?, _ count: Int) -> Int {
  write(fd, buffer, count)
}

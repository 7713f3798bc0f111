import DocketReports
import Foundation
import Rainbow

/// Where output goes and whether it may be coloured.
///
/// Colour only when stdout is a terminal, `NO_COLOR` is unset (https://no-color.org) and the
/// output is not `--json`; `TERM=dumb` also turns it off.
struct Terminal: Sendable {
  var colours: Bool

  init(environment: [String: String], json: Bool, isTTY: Bool = isatty(STDOUT_FILENO) == 1) {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    colours = isTTY && !json && !noColor && environment["TERM"] != "dumb"
  }

  var palette: Palette {
    guard colours else { return .plain }
    return Palette(
      bold: { $0.bold }, dim: { $0.dim }, good: { $0.green }, warning: { $0.yellow },
      bad: { $0.red }, accent: { $0.cyan })
  }

  static func write(_ text: String, to handle: FileHandle) {
    guard !text.isEmpty else { return }
    handle.write(Data(text.utf8))
  }
}

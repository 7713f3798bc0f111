/// How renderers emphasise text: colours on a terminal, nothing anywhere else.
///
/// Renderers stay pure and never ask whether output is a terminal; the command line decides
/// and passes a palette (``plain`` when piped, when `NO_COLOR` is set, or with `--json`).
public struct Palette: Sendable {
  public typealias Paint = @Sendable (String) -> String

  public var bold: Paint
  public var dim: Paint
  /// Good news: allowed events, met deadlines.
  public var good: Paint
  /// Something to act on soon: a deadline close to due.
  public var warning: Paint
  /// Refusals, overdue and breached deadlines.
  public var bad: Paint
  /// Identifiers: ticket ids, event names.
  public var accent: Paint

  public init(
    bold: @escaping Paint, dim: @escaping Paint, good: @escaping Paint,
    warning: @escaping Paint, bad: @escaping Paint, accent: @escaping Paint
  ) {
    self.bold = bold
    self.dim = dim
    self.good = good
    self.warning = warning
    self.bad = bad
    self.accent = accent
  }

  /// No colour at all: what pipes, files and tests see.
  public static let plain = Palette(
    bold: { $0 }, dim: { $0 }, good: { $0 }, warning: { $0 }, bad: { $0 }, accent: { $0 })
}

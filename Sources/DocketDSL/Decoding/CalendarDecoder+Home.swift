import DocketDiagnostics
import DocketModel
import Foundation

/// The calendars of a home: every `calendars/*.yaml`, and the check that each deadline's
/// `calendar:` names one of them. ``HomeLoader`` calls both.
extension CalendarDecoder {
  /// Loads every `calendars/*.yaml` of the home at `home`, in file-name order.
  ///
  /// Problems go into `bag` with paths relative to the home (`calendars/china-2026.yaml`); the
  /// source of every file read is added to `sources` for rendering. A file with errors
  /// contributes no calendar. No `calendars/` folder means no calendars, which is fine.
  ///
  /// - Returns: the calendars, and the stems of all calendar files (with errors or not), for
  ///   ``checkReferences(_:stems:into:)``.
  ///
  /// With `subset`, only those files are read (the others still count as known names).
  package static func loadCalendars(
    home: URL, only subset: Set<String>? = nil, into bag: inout DiagnosticBag,
    sources: inout [String: SourceFile]
  ) -> (calendars: [CalendarID: BusinessCalendar], stems: Set<String>) {
    guard let files = try? HomeFiles.read(home: home) else { return ([:], []) }
    return loadCalendars(files, only: subset, into: &bag, sources: &sources)
  }

  /// ``loadCalendars(home:only:into:sources:)`` over files already read.
  package static func loadCalendars(
    _ files: HomeFiles, only subset: Set<String>? = nil, into bag: inout DiagnosticBag,
    sources: inout [String: SourceFile]
  ) -> (calendars: [CalendarID: BusinessCalendar], stems: Set<String>) {
    var calendars: [CalendarID: BusinessCalendar] = [:]
    var stems: Set<String> = []
    for name in files.names(in: "calendars") {
      let path = "calendars/" + name
      let stem = String(name.dropLast(".yaml".count))
      stems.insert(stem)
      if let subset, !subset.contains(stem) { continue }
      guard let bytes = files.files[path]?.bytes else {
        bag.add(.error("unreadable_file", "\(path) cannot be read", at: nil))
        continue
      }
      guard let text = SourceText.decode(bytes, path: path, into: &bag) else { continue }
      let decoded = decode(text: text, path: path)
      sources[path] = decoded.source
      bag.add(contentsOf: decoded.diagnostics.diagnostics)
      if let calendar = decoded.calendar, !decoded.diagnostics.hasErrors {
        calendars[calendar.id] = calendar
      }
    }
    return (calendars, stems)
  }

  /// Reports each deadline `calendar:` that names no calendar file, with the nearest name.
  ///
  /// `stems` are the names of all calendar files, including any with errors: those are not
  /// "unknown", their own errors say what is wrong.
  package static func checkReferences(
    _ references: [Located<String>], stems: Set<String>, into bag: inout DiagnosticBag
  ) {
    let known = stems.sorted()
    for reference in references where !stems.contains(reference.value) {
      bag.add(.unknownCalendar(reference.value, known: known, at: reference.span))
    }
  }
}

extension Diagnostic {
  static func unknownCalendar(_ name: String, known: [String], at span: SourceSpan) -> Diagnostic {
    .error(
      "unknown_calendar", "unknown calendar '\(name)'", at: span,
      suggestion: Suggestion.closest(to: name, in: known),
      help: known.isEmpty
        ? "add calendars/\(name).yaml (see docs/calendars.md)"
        : "calendars of this home: " + known.joined(separator: ", "))
  }
}

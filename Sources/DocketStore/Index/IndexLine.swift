import DocketModel
import Foundation

/// The text form of index entries: one line each, tab-separated columns.
///
/// A line is `E` and the entry's columns, or `R` and an id (the ticket left this log, e.g.
/// it closed). Later lines win, so a commit only appends. Text columns are percent-encoded
/// for `%`, tab, newline, carriage return, `,` and `:` so that neither the line nor the
/// deadline list can be split wrongly. Times are seconds since 1970 (shortest exact
/// decimal), empty when absent. Tab-separated rather than JSON because `tick` and `list`
/// read 100,000 of these per run.
package enum IndexLine {
  package static let header = "docket-index\t1"

  /// A change to apply to an index built from earlier lines.
  package enum Record: Sendable, Hashable {
    case entry(InstanceSummary)
    case removal(InstanceID)
  }

  package static func encode(_ entry: InstanceSummary) -> String {
    var c: [String] = ["E"]
    c.append(escape(entry.id.rawValue))
    c.append(escape(entry.workflow.rawValue))
    c.append(String(entry.version))
    c.append(escape(entry.digest))
    c.append(escape(entry.state.rawValue))
    c.append(entry.status.rawValue)
    c.append(entry.role.map { escape($0.rawValue) } ?? "")
    c.append(entry.user.map { escape($0.rawValue) } ?? "")
    c.append(time(entry.createdAt))
    c.append(time(entry.updatedAt))
    c.append(entry.closedAt.map(time) ?? "")
    c.append(entry.nextDueAt.map(time) ?? "")
    c.append(
      entry.deadlines.map { "\(escape($0.name.rawValue)):\($0.state.rawValue):\(time($0.dueAt))" }
        .joined(separator: ","))
    c.append(entry.title.map { "+" + escape($0) } ?? "")
    c.append(String(entry.revision))
    return c.joined(separator: "\t") + "\n"
  }

  package static func encodeRemoval(_ id: InstanceID) -> String { "R\t\(escape(id.rawValue))\n" }

  /// Parses one line (without its newline); nil when it is not a valid index line.
  package static func decode(_ line: ArraySlice<UInt8>) -> Record? {
    var columns: [ArraySlice<UInt8>] = []
    columns.reserveCapacity(16)
    var start = line.startIndex
    for i in line.indices where line[i] == 0x09 {
      columns.append(line[start..<i])
      start = i + 1
    }
    columns.append(line[start..<line.endIndex])
    guard let kind = columns.first, kind.count == 1 else { return nil }
    if kind.first == UInt8(ascii: "R") {
      guard columns.count == 2 else { return nil }
      return .removal(InstanceID(unescape(columns[1])))
    }
    guard kind.first == UInt8(ascii: "E"), columns.count == 16,
      let version = Int(text(columns[3])),
      let status = InstanceStatus(rawValue: text(columns[6])),
      let createdAt = date(columns[9]), let updatedAt = date(columns[10]),
      let revision = Int(text(columns[15]))
    else { return nil }
    var deadlines: [InstanceSummary.Deadline] = []
    if !columns[13].isEmpty {
      for item in columns[13].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
        let parts = item.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 3, let state = DeadlineClock.State(rawValue: text(parts[1])),
          let due = date(parts[2])
        else { return nil }
        deadlines.append(.init(name: DeadlineName(unescape(parts[0])), state: state, dueAt: due))
      }
    }
    let title = columns[14].isEmpty ? nil : unescape(columns[14].dropFirst())
    return .entry(
      InstanceSummary(
        id: InstanceID(unescape(columns[1])), workflow: WorkflowID(unescape(columns[2])),
        version: version, digest: unescape(columns[4]), state: StateID(unescape(columns[5])),
        status: status, role: optional(columns[7]).map { RoleID($0) },
        user: optional(columns[8]).map { UserID($0) }, createdAt: createdAt,
        updatedAt: updatedAt, closedAt: date(columns[11]), nextDueAt: date(columns[12]),
        deadlines: deadlines, title: title, revision: revision))
  }

  // MARK: - Columns

  private static func time(_ d: Date) -> String { String(describing: d.timeIntervalSince1970) }

  private static func date(_ bytes: ArraySlice<UInt8>) -> Date? {
    guard !bytes.isEmpty, let s = Double(text(bytes)) else { return nil }
    return Date(timeIntervalSince1970: s)
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  private static func optional(_ bytes: ArraySlice<UInt8>) -> String? {
    bytes.isEmpty ? nil : unescape(bytes)
  }

  private static let escaped: Set<UInt8> = [0x25, 0x09, 0x0A, 0x0D, 0x2C, 0x3A]

  package static func escape(_ s: String) -> String {
    guard s.utf8.contains(where: { escaped.contains($0) }) else { return s }
    var out: [UInt8] = []
    for b in s.utf8 {
      if escaped.contains(b) {
        out.append(0x25)
        out.append(contentsOf: Array(String(b, radix: 16, uppercase: true).utf8))
        if b < 0x10 { out.insert(0x30, at: out.count - 1) }
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  package static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(0x25) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    var i = bytes.startIndex
    while i < bytes.endIndex {
      if bytes[i] == 0x25, i + 2 < bytes.endIndex,
        let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
      {
        out.append(v)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

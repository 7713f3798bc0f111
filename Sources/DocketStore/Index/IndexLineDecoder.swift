import DocketModel
import Foundation

/// Reads ``IndexLine`` lines quickly, one log at a time.
///
/// `list --open` and `tick` read 100,000 lines per run, and most columns repeat from line to
/// line (workflow, digest, state, role, user), so each column's last text is kept and reused
/// when the bytes are the same: no new string per line. The column table is reused too.
/// A decoder must not outlive the buffer its lines come from.
/// A line's bytes, borrowed from the log being read (no reference counting per column).
package typealias LineBytes = Slice<UnsafeBufferPointer<UInt8>>

package struct IndexLineDecoder {
  private var columns: [Range<Int>] = []
  /// Per column: the last raw bytes seen and the text they decoded to.
  private var recent = [(bytes: LineBytes, text: String)](
    repeating: (UnsafeBufferPointer<UInt8>(start: nil, count: 0)[...], ""), count: 16)

  package init() { columns.reserveCapacity(16) }

  /// The record on this line (without its newline), or nil when the line is damaged.
  package mutating func decode(_ line: LineBytes) -> IndexLine.Record? {
    split(line)
    guard let kind = columns.first, kind.count == 1 else { return nil }
    if line[kind.lowerBound] == UInt8(ascii: "R") {
      guard columns.count == 2 else { return nil }
      return .removal(InstanceID(IndexLine.unescape(line[columns[1]])))
    }
    guard line[kind.lowerBound] == UInt8(ascii: "E"), columns.count == 16,
      let version = Int(IndexLine.text(line[columns[3]])),
      let status = InstanceStatus(rawValue: cached(line, 6)),
      let createdAt = IndexLine.date(line[columns[9]]),
      let updatedAt = IndexLine.date(line[columns[10]]),
      let revision = Int(IndexLine.text(line[columns[15]]))
    else { return nil }
    var deadlines: [InstanceSummary.Deadline] = []
    let list = line[columns[13]]
    if !list.isEmpty {
      for item in list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
        let parts = item.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 3, let state = DeadlineClock.State(rawValue: IndexLine.text(parts[1])),
          let due = IndexLine.date(parts[2])
        else { return nil }
        deadlines.append(.init(name: DeadlineName(IndexLine.unescape(parts[0])), state: state, dueAt: due))
      }
    }
    let titleColumn = line[columns[14]]
    let title = titleColumn.isEmpty ? nil : IndexLine.unescape(titleColumn.dropFirst())
    let role = line[columns[7]].isEmpty ? nil : RoleID(cached(line, 7))
    let user = line[columns[8]].isEmpty ? nil : UserID(cached(line, 8))
    return .entry(
      InstanceSummary(
        id: InstanceID(IndexLine.unescape(line[columns[1]])), workflow: WorkflowID(cached(line, 2)),
        version: version, digest: cached(line, 4), state: StateID(cached(line, 5)),
        status: status, role: role, user: user, createdAt: createdAt, updatedAt: updatedAt,
        closedAt: IndexLine.date(line[columns[11]]), nextDueAt: IndexLine.date(line[columns[12]]),
        deadlines: deadlines, title: title, revision: revision))
  }

  /// Only what `tick` needs: the id, and when the ticket next has work (nil: removed or no
  /// pending deadline). Nil when the line is damaged.
  package mutating func decodeDue(_ line: LineBytes) -> (id: InstanceID, dueAt: Date?)? {
    split(line)
    guard let kind = columns.first, kind.count == 1, columns.count >= 2 else { return nil }
    let id = InstanceID(IndexLine.unescape(line[columns[1]]))
    switch line[kind.lowerBound] {
    case UInt8(ascii: "R") where columns.count == 2: return (id, nil)
    case UInt8(ascii: "E") where columns.count == 16:
      let due = line[columns[12]]
      if due.isEmpty { return (id, nil) }
      guard let date = IndexLine.date(due) else { return nil }
      return (id, date)
    default: return nil
    }
  }

  private mutating func split(_ line: LineBytes) {
    columns.removeAll(keepingCapacity: true)
    var start = line.startIndex
    var i = start
    while i < line.endIndex {
      if line[i] == 0x09 {
        columns.append(start..<i)
        start = i + 1
      }
      i += 1
    }
    columns.append(start..<line.endIndex)
  }

  /// The column's text, reusing the previous line's string when the bytes are the same.
  private mutating func cached(_ line: LineBytes, _ column: Int) -> String {
    let bytes = line[columns[column]]
    let last = recent[column]
    if !last.bytes.isEmpty, last.bytes.elementsEqual(bytes) { return last.text }
    let text = IndexLine.unescape(bytes)
    recent[column] = (bytes, text)
    return text
  }
}

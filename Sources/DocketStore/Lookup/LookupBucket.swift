import DocketModel
import Foundation

/// The text of one lookup bucket file: an append-only log of tab-separated lines, later lines
/// winning per ticket.
///
/// - `E <id> <key> <state> <status> <created> <updated> <closed>`: the ticket's entry, its key
///   being ``LookupKey/text(_:)``; times are seconds since 1970 as in ``IndexLine``.
/// - `R <id>`: the ticket left this bucket (its key changed to one that hashes elsewhere).
///
/// A ticket whose latest line in the bucket has another key does not match, so a key change
/// inside one bucket needs no removal line.
package enum LookupBucket {
  package static func encode(_ entry: LookupEntry, keyText: [UInt8]) -> [UInt8] {
    var line: [UInt8] = [UInt8(ascii: "E"), 0x09]
    line.reserveCapacity(96 + keyText.count)
    line += IndexLine.escape(entry.id.rawValue).utf8
    line.append(0x09)
    line += keyText
    line.append(0x09)
    line += IndexLine.escape(entry.state.rawValue).utf8
    line.append(0x09)
    line += entry.status.rawValue.utf8
    line.append(0x09)
    line += IndexLine.time(entry.createdAt).utf8
    line.append(0x09)
    line += IndexLine.time(entry.updatedAt).utf8
    line.append(0x09)
    if let closed = entry.closedAt { line += IndexLine.time(closed).utf8 }
    line.append(0x0A)
    return line
  }

  package static func encodeRemoval(_ id: InstanceID) -> [UInt8] {
    Array("R\t\(IndexLine.escape(id.rawValue))\n".utf8)
  }

  /// The tickets whose latest line carries `keyText`, in id order; nil when a line is damaged
  /// (or the file does not end with a whole line).
  package static func entries(
    in bytes: [UInt8], keyText: [UInt8], workflow: WorkflowID, key: [JSONValue]
  ) -> [LookupEntry]? {
    var latest: [InstanceID: LookupEntry?] = [:]
    let whole = forEachLine(bytes) { line, columns in
      let id = InstanceID(IndexLine.unescape(line[columns[1]]))
      guard columns.count == 8 else {
        latest[id] = .some(nil)
        return true
      }
      guard line[columns[2]].elementsEqual(keyText) else {
        latest[id] = .some(nil)
        return true
      }
      guard let status = InstanceStatus(rawValue: IndexLine.text(line[columns[4]])),
        let created = IndexLine.date(line[columns[5]]), let updated = IndexLine.date(line[columns[6]])
      else { return false }
      let closedColumn = line[columns[7]]
      let closed = IndexLine.date(closedColumn)
      if !closedColumn.isEmpty, closed == nil { return false }
      latest[id] = LookupEntry(
        id: id, workflow: workflow, state: StateID(IndexLine.unescape(line[columns[3]])),
        status: status, createdAt: created, updatedAt: updated, closedAt: closed, key: key)
      return true
    }
    guard whole else { return nil }
    return latest.values.compactMap { $0 }.sorted { $0.id < $1.id }
  }

  /// For compaction: how many lines the bucket holds, and each ticket's latest line (with its
  /// newline) when it is an entry, in id order. Nil when a line is damaged.
  package static func liveLines(in bytes: [UInt8]) -> (lines: Int, live: [[UInt8]])? {
    var latest = LatestByID<[UInt8]>()
    var lines = 0
    let whole = forEachLine(bytes) { line, columns in
      lines += 1
      let id = InstanceID(IndexLine.unescape(line[columns[1]]))
      latest.set(id, columns.count == 8 ? Array(line) + [0x0A] : nil)
      return true
    }
    guard whole else { return nil }
    return (lines, latest.live().map(\.value))
  }

  /// Calls `body` with each line (without its newline) and its column ranges, after checking
  /// the line's shape (`E` with 8 columns or `R` with 2, and an id). Stops and returns false
  /// at a damaged line, or when `body` returns false.
  private static func forEachLine(
    _ bytes: [UInt8], _ body: (ArraySlice<UInt8>, [Range<Int>]) -> Bool
  ) -> Bool {
    guard !bytes.isEmpty else { return true }
    guard bytes.last == 0x0A else { return false }
    var columns: [Range<Int>] = []
    columns.reserveCapacity(8)
    var start = 0
    var columnStart = 0
    for i in bytes.indices {
      let b = bytes[i]
      if b == 0x09 {
        columns.append(columnStart..<i)
        columnStart = i + 1
      } else if b == 0x0A {
        columns.append(columnStart..<i)
        let line = bytes[start..<i]
        let kind = columns[0]
        guard kind.count == 1, columns.count >= 2, !columns[1].isEmpty,
          (bytes[kind.lowerBound] == UInt8(ascii: "E") && columns.count == 8)
            || (bytes[kind.lowerBound] == UInt8(ascii: "R") && columns.count == 2),
          body(line, columns)
        else { return false }
        columns.removeAll(keepingCapacity: true)
        start = i + 1
        columnStart = i + 1
      }
    }
    return true
  }
}

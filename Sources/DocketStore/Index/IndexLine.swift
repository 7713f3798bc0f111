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

  /// One line for `entry`. Built by appending to one string: `[String].joined` is an
  /// unspecialised generic whose first use in the static binary costs 0.28 M instructions
  /// of run-time conformance lookups, more than the rest of the commit's index work.
  package static func encode(_ entry: InstanceSummary) -> String {
    var line = "E"
    line.reserveCapacity(160)
    func column(_ text: String) {
      line += "\t"
      line += text
    }
    column(escape(entry.id.rawValue))
    column(escape(entry.workflow.rawValue))
    column(String(entry.version))
    column(escape(entry.digest))
    column(escape(entry.state.rawValue))
    column(entry.status.rawValue)
    column(entry.role.map { escape($0.rawValue) } ?? "")
    column(entry.user.map { escape($0.rawValue) } ?? "")
    column(time(entry.createdAt))
    column(time(entry.updatedAt))
    column(entry.closedAt.map(time) ?? "")
    column(entry.nextDueAt.map(time) ?? "")
    line += "\t"
    for (n, deadline) in entry.deadlines.enumerated() {
      if n > 0 { line += "," }
      line += "\(escape(deadline.name.rawValue)):\(deadline.state.rawValue):\(time(deadline.dueAt))"
    }
    column(entry.title.map { "+" + escape($0) } ?? "")
    column(String(entry.revision))
    line += "\n"
    return line
  }

  package static func encodeRemoval(_ id: InstanceID) -> String { "R\t\(escape(id.rawValue))\n" }

  /// Parses one line (without its newline); nil when it is not a valid index line.
  package static func decode(_ line: ArraySlice<UInt8>) -> Record? {
    line.withUnsafeBufferPointer { buffer in
      var decoder = IndexLineDecoder()
      return decoder.decode(buffer[...])
    }
  }

  // MARK: - Columns

  static func time(_ d: Date) -> String { String(describing: d.timeIntervalSince1970) }

  /// Seconds since 1970 as written by ``time(_:)``. Whole seconds (`1772413200.0`, the
  /// common case) are read without going through `Double(String)`.
  static func date<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> Date? where C.Index == Int {
    guard !bytes.isEmpty else { return nil }
    var value: Int64 = 0
    var i = bytes.startIndex
    let negative = bytes[i] == UInt8(ascii: "-")
    if negative { i += 1 }
    let digitsStart = i
    while i < bytes.endIndex, bytes[i] >= 0x30, bytes[i] <= 0x39, i - digitsStart < 17 {
      value = value * 10 + Int64(bytes[i] - 0x30)
      i += 1
    }
    if i > digitsStart, bytes.endIndex - i == 2, bytes[i] == UInt8(ascii: "."), bytes[i + 1] == 0x30 {
      return Date(timeIntervalSince1970: Double(negative ? -value : value))
    }
    guard let s = Double(text(bytes)) else { return nil }
    return Date(timeIntervalSince1970: s)
  }

  static func text<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> String where C.Index == Int {
    String(decoding: bytes, as: UTF8.self)
  }

  static func optional<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> String? where C.Index == Int {
    bytes.isEmpty ? nil : unescape(bytes)
  }

  /// The bytes an index field writes as `%XX`: `%` itself, tab, newline, return, `,`, `:`.
  /// (A comparison, not a `Set<UInt8>`: hashing every byte of every field was a fifth of
  /// writing a ticket's index line.)
  static func isEscaped(_ b: UInt8) -> Bool {
    b == 0x25 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x2C || b == 0x3A
  }

  package static func escape(_ s: String) -> String {
    guard s.utf8.contains(where: isEscaped) else { return s }
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 8)
    for b in s.utf8 {
      if isEscaped(b) {
        out.append(0x25)
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0xF)])
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  package static func unescape<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> String where C.Index == Int {
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

import DocketModel
import Foundation
import Testing

/// The golden table: each row's deadline falls due exactly where the table says.
@Suite("Business calendar golden table")
struct GoldenTableTests {
  @Test("the golden table has at least 60 rows") func tableIsLargeEnough() {
    #expect(GoldenCase.all.count >= 60)
  }

  @Test("deadline falls due where the golden table says", arguments: GoldenCase.all)
  func dueTime(_ row: GoldenCase) throws {
    let calendar = try TestCalendars.named(row.calendar)
    let start = try TimeText.parse(row.start)
    let within = try #require(DocketDuration(parsing: row.within))
    let due = DeadlineTimeBase(calendar: calendar).due(from: start, within: within)
    #expect(TimeText.format(due, in: calendar) == row.due)
  }

  @Test("working time from start to due is the duration asked for", arguments: GoldenCase.all)
  func workingTimeRoundTrips(_ row: GoldenCase) throws {
    let calendar = try TestCalendars.named(row.calendar)
    let within = try #require(DocketDuration(parsing: row.within))
    guard within.workingDays == 0, row.due != "—" else { return }
    let start = try TimeText.parse(row.start)
    let due = try TimeText.parse(row.due)
    #expect(calendar.workingTime(from: start, to: due) == within.seconds)
  }
}

import DocketDSL
import DocketDiagnostics
import DocketModel
import Foundation
import Testing

@Suite("Bundled homes load cleanly")
struct BundledHomeTests {
  static let homes = ["", "examples/helpdesk", "examples/leave"]

  @Test("loads with no errors", arguments: homes)
  func loadsWithoutErrors(_ path: String) throws {
    let url = path.isEmpty ? Paths.repository : Paths.repository.appendingPathComponent(path)
    let loaded = try HomeLoader.load(home: url)
    let rendered = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
    #expect(!loaded.hasErrors, "\(rendered)")
    #expect(!loaded.home.workflows.isEmpty)
  }

  @Test func rootHomeHasThePropertyWorkflows() throws {
    let loaded = try HomeLoader.load(home: Paths.repository)
    #expect(
      loaded.home.workflows.keys.map(\.rawValue)
        == ["complaint", "paid_service", "repair", "revisit", "survey"])
    #expect(loaded.home.settings.timeZone.identifier == "Asia/Shanghai")
    let complaint = try #require(loaded.home.workflows["complaint"])
    #expect(complaint.digest.hasPrefix("sha256:") && complaint.digest.count == 71)
    #expect(complaint.initial == "received")
    #expect(complaint.deadline(named: "accept_30m") != nil)
  }
}

@Suite struct BundledCalendarTests {
  @Test func rootHomeLoadsItsCalendarsForDeadlines() throws {
    let loaded = try HomeLoader.load(home: Paths.repository)
    let china = try #require(loaded.home.calendars["china-2026"])
    #expect(china.timeZone.identifier == "Asia/Shanghai")
    #expect(loaded.sources["calendars/china-2026.yaml"] != nil)
  }
}

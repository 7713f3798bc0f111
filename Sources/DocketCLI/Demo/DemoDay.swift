import DocketModel
import DocketReports
import Foundation

/// A day at the property's customer-service desk, played against a home copy with a moving
/// clock: who does what, what the workflow says, and what the deadlines do as time passes.
///
/// Every step goes through the same gateway as the real commands, so what the demo shows is
/// what `docket` does. Refusals are part of the story, not failures of the demo.
final class DemoDay {
  /// One thing that happened, for `--json`.
  struct Step {
    var at: Date
    var actor: String
    var command: String
    var ok: Bool
    var code: String?
    var message: String
  }

  let home: URL
  let open: (ResolvedOptions) throws(CommandFailure) -> any SessionGateway
  let palette: Palette
  /// 2026-03-02 (a Monday), 09:00 in the bundled home's zone (Asia/Shanghai).
  let start = RFC3339.parse("2026-03-02T09:00:00+08:00") ?? Date(timeIntervalSince1970: 1_772_413_200)
  private(set) var clock: Date
  var text = ""
  private(set) var steps: [Step] = []
  var zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
  var staffNames: [String: String] = [:]

  init(
    home: URL, open: @escaping (ResolvedOptions) throws(CommandFailure) -> any SessionGateway,
    palette: Palette
  ) {
    self.home = home
    self.open = open
    self.palette = palette
    self.clock = start
  }

  func session(as actor: String? = nil) throws(CommandFailure) -> any SessionGateway {
    try open(ResolvedOptions(home: home, actor: actor.map { UserID($0) }, now: clock, json: false))
  }

  func at(_ hhmm: String, dayOffset: Int = 0) {
    let parts = hhmm.split(separator: ":").compactMap { Double($0) }
    guard parts.count == 2 else { return }
    let target = start.addingTimeInterval(
      Double(dayOffset) * 86_400 + (parts[0] - 9) * 3600 + parts[1] * 60)
    if target > clock { clock = target }
  }

  /// The clock as `09:10`: the scene titles say which day it is.
  var hhmm: String { String(TimeText.local(clock, in: zone).suffix(5)) }

  func who(_ user: String) -> String { staffNames[user].map { "\($0) (\(user))" } ?? user }

  func say(_ line: String) { text += line + "\n" }

  func scene(_ title: String) {
    text += "\n" + palette.bold("── " + title) + "\n"
  }

  /// Runs one command as `actor`; prints it, then `✓ result` or `✗ refused (code): why`.
  @discardableResult
  func run(
    _ actor: String, _ command: String, _ body: (any SessionGateway) throws(CommandFailure) -> String
  ) -> Bool {
    say("\(palette.dim(hhmm))  \(who(actor))")
    say("       " + palette.accent("$ docket \(command) --as \(actor)"))
    do throws(CommandFailure) {
      let result = try body(try session(as: actor))
      say("       " + palette.good("✓ ") + result)
      steps.append(Step(at: clock, actor: actor, command: command, ok: true, message: result))
      return true
    } catch {
      say("       " + palette.bad("✗ refused (\(error.code)): ") + error.message)
      steps.append(
        Step(at: clock, actor: actor, command: command, ok: false, code: error.code,
          message: error.message))
      return false
    }
  }

  func describe(_ i: Instance, in s: any SessionGateway) -> String {
    let d = Describe(home: s.home, instance: i)
    return "\(i.id.rawValue) \(d.state)" + (i.isOpen ? ", owner \(d.owner)" : " (closed)")
  }

  func tick() {
    say(palette.dim("\(hhmm)  ⏱  docket tick   (cron runs this every few minutes)"))
    do throws(CommandFailure) {
      let s = try session()
      let fired = try s.tick()
      if fired.isEmpty { say("       nothing due") }
      for f in fired {
        let ticket = try s.instance(f.id)
        let label = f.label
        let mark = f.kind == "breach" ? palette.bad("breached") : palette.warning("warning")
        say("       \(f.id.rawValue)  \(label): \(mark) → now \(describe(ticket, in: s))")
      }
      steps.append(Step(at: clock, actor: "system", command: "tick", ok: true,
        message: "\(fired.count) deadline action(s)"))
    } catch {
      say("       " + palette.bad("tick failed (\(error.code)): ") + error.message)
    }
  }
}

import ArgumentParser
import DocketModel
import DocketReports

extension DocketCommand {
  /// Plain `docket`: the actor's queue, soonest deadline first.
  struct Queue: DocketRunnable {
    static let configuration = CommandConfiguration.docket(
      "queue",
      abstract: "Show your queue: tickets you hold or that wait for one of your roles.",
      discussion: "This is what plain `docket` runs. Soonest deadline first.")

    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws(CommandFailure) -> CommandOutput {
      let actor = try context.requireActor()
      let session = try context.openSession(for: .allWorkflows)
      try context.checkActor(in: session.home)
      guard let member = session.home.staff[actor] else { throw .missingActor() }
      let rows = try session.tickets(TicketFilter(status: .open, queueOf: actor))
        .sorted(by: QueueOrder.soonestFirst)
      let table = TicketTable(rows: rows, now: session.now, zone: session.home.settings.timeZone)
      let p = context.palette
      var text = p.bold("Queue of \(member.name) (\(actor.rawValue))") + ": "
      if rows.isEmpty {
        text += "nothing waiting.\n"
      } else {
        text += "\(rows.count) ticket\(rows.count == 1 ? "" : "s")\n\n" + table.render(palette: p)
        text += "\n" + p.dim("docket show ID   ·   docket advance ID EVENT") + "\n"
      }
      guard case .object(var json) = table.json else { return CommandOutput(text: text, json: table.json) }
      json["user"] = .string(actor.rawValue)
      return CommandOutput(text: text, json: .object(json))
    }
  }
}

/// The queue's order: tickets with a pending deadline first, soonest first; then the rest,
/// oldest first; ids break ties so the order is stable.
enum QueueOrder {
  static func soonestFirst(_ a: TicketRow, _ b: TicketRow) -> Bool {
    switch (a.nextDue, b.nextDue) {
    case (let x?, let y?) where x != y: return x < y
    case (_?, nil): return true
    case (nil, _?): return false
    default:
      if a.createdAt != b.createdAt { return a.createdAt < b.createdAt }
      return a.id < b.id
    }
  }
}

extension DocketCommand.Queue: GlobalOptionsOnly {}

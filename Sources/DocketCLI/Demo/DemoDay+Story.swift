import DocketModel
import DocketReports
import Foundation

extension DemoDay {
  /// Plays the day. Throws only if the home cannot be opened at all.
  func play() throws(CommandFailure) {
    let first = try session()
    zone = first.home.settings.timeZone
    staffNames = Dictionary(
      first.home.staff.members.values.map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
    var complaint = "CMP-000001"
    var urgent = "CMP-000002"
    var repair = "REP-000001"
    var late = "CMP-000003"

    scene("Morning: a noise complaint comes in at the service desk")
    run("li.wei", "new complaint --set customer=张三 --set category=noise --set location=L3美食广场 --set description=夜间装修噪音扰民") {
      s throws(CommandFailure) in
      let i = try s.create(
        "complaint",
        fields: fields(["customer": "张三", "category": "noise", "location": "L3美食广场", "description": "夜间装修噪音扰民"]),
        actor: "li.wei")
      complaint = i.id.rawValue
      return "created " + describe(i, in: s)
    }
    at("09:10")
    run("li.wei", "advance \(complaint) accept") { s throws(CommandFailure) in
      describe(try s.advance(InstanceID(complaint), event: "accept", fields: [], note: nil, actor: "li.wei"), in: s)
    }

    scene("A tenant reports a broken air conditioner")
    at("09:20")
    run("zhou.yan", "new repair --set kind=tenant --set requester=王先生 --set unit=L2-015 --set equipment=hvac --set description=空调不制冷") {
      s throws(CommandFailure) in
      let i = try s.create(
        "repair",
        fields: fields(["kind": "tenant", "requester": "王先生", "unit": "L2-015", "equipment": "hvac", "description": "空调不制冷"]),
        actor: "zhou.yan")
      repair = i.id.rawValue
      return "created " + describe(i, in: s)
    }
    at("09:25")
    say(palette.dim("       (dispatching needs an agreed completion time; she types this morning's by mistake)"))
    let typo = RFC3339.format(clock.addingTimeInterval(-3600), in: zone)
    run("zhou.yan", "advance \(repair) dispatch --set due_at=\(typo)") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(repair), event: "dispatch", fields: fields(["due_at": typo]), note: nil, actor: "zhou.yan"),
        in: s)
    }
    let due = RFC3339.format(clock.addingTimeInterval(6 * 3600), in: zone)
    run("zhou.yan", "advance \(repair) dispatch --set due_at=\(due)") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(repair), event: "dispatch", fields: fields(["due_at": due]), note: nil, actor: "zhou.yan"),
        in: s)
    }

    scene("An urgent hygiene complaint waits too long to be accepted")
    at("09:40")
    run("chen.jing", "new complaint --set customer=李女士 --set category=hygiene --set urgent=true --set description=B1洗手间无人清洁") {
      s throws(CommandFailure) in
      let i = try s.create(
        "complaint",
        fields: fields(["customer": "李女士", "category": "hygiene", "urgent": "true", "description": "B1洗手间无人清洁"]),
        actor: "chen.jing")
      urgent = i.id.rawValue
      return "created " + describe(i, in: s)
    }
    at("09:45")
    say(palette.dim("       (a maintenance engineer cannot touch complaints)"))
    run("zhao.lei", "advance \(complaint) resolve --set resolution=已处理") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(complaint), event: "resolve", fields: fields(["resolution": "已处理"]), note: nil, actor: "zhao.lei"),
        in: s)
    }
    at("10:15")
    tick()

    scene("The engineer takes the repair from the maintenance queue")
    at("10:20")
    queue("zhao.lei")
    run("wang.fang", "assign \(repair) --to zhao.lei") { s throws(CommandFailure) in
      describe(try s.assign(InstanceID(repair), to: "zhao.lei", actor: "wang.fang"), in: s)
    }
    at("10:50")
    run("zhao.lei", "advance \(repair) arrive") { s throws(CommandFailure) in
      describe(try s.advance(InstanceID(repair), event: "arrive", fields: [], note: nil, actor: "zhao.lei"), in: s)
    }

    scene("Resolving complaints: the urgent one needs the supervisor")
    at("11:30")
    run("li.wei", "advance \(complaint) resolve --set resolution=已协调商户22点后停止施工") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(complaint), event: "resolve", fields: fields(["resolution": "已协调商户22点后停止施工"]), note: nil, actor: "li.wei"),
        in: s)
    }
    run("chen.jing", "advance \(urgent) resolve --set resolution=已安排保洁") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(urgent), event: "resolve", fields: fields(["resolution": "已安排保洁"]), note: nil, actor: "chen.jing"),
        in: s)
    }
    run("wang.fang", "advance \(urgent) resolve --set resolution=已安排保洁并加密巡查") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(urgent), event: "resolve", fields: fields(["resolution": "已安排保洁并加密巡查"]), note: nil, actor: "wang.fang"),
        in: s)
    }

    scene("Afternoon: the repair is done; a revisit closes the first complaint")
    at("14:00")
    run("zhao.lei", "advance \(repair) complete --set work_done=更换压缩机启动电容") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(repair), event: "complete", fields: fields(["work_done": "更换压缩机启动电容"]), note: nil, actor: "zhao.lei"),
        in: s)
    }
    at("14:30")
    say(palette.dim("       (the tenant checks the air conditioner; closing the repair sets off a rule)"))
    run("zhou.yan", "advance \(repair) accept") { s throws(CommandFailure) in
      let change = try s.advanceReporting(
        InstanceID(repair), event: "accept", fields: [], note: nil, actor: "zhou.yan")
      return describe(change.instance, in: s) + rulesDid(change, in: s)
    }
    at("15:00")
    run("li.wei", "advance \(complaint) record_visit --set satisfaction=satisfied") { s throws(CommandFailure) in
      describe(
        try s.advance(InstanceID(complaint), event: "record_visit", fields: fields(["satisfaction": "satisfied"]), note: nil, actor: "li.wei"),
        in: s)
    }
    run("li.wei", "advance \(complaint) reopen") { s throws(CommandFailure) in
      describe(try s.advance(InstanceID(complaint), event: "reopen", fields: [], note: nil, actor: "li.wei"), in: s)
    }

    scene("Late afternoon: a parking complaint is accepted, then forgotten")
    at("16:00")
    run("zhang.min", "new complaint --set customer=赵先生 --set category=parking --set description=停车场出口排队过长") {
      s throws(CommandFailure) in
      let i = try s.create(
        "complaint",
        fields: fields(["customer": "赵先生", "category": "parking", "description": "停车场出口排队过长"]),
        actor: "zhang.min")
      late = i.id.rawValue
      return "created " + describe(i, in: s)
    }
    run("zhang.min", "advance \(late) accept") { s throws(CommandFailure) in
      describe(try s.advance(InstanceID(late), event: "accept", fields: [], note: nil, actor: "zhang.min"), in: s)
    }
    at("16:20")
    say(palette.dim("       (张三 calls again about the noise: a rule looks up his earlier complaints)"))
    run("li.wei", "new complaint --set customer=张三 --set category=noise --set description=装修噪音又开始了") {
      s throws(CommandFailure) in
      let change = try s.createReporting(
        "complaint",
        fields: fields(["customer": "张三", "category": "noise", "description": "装修噪音又开始了"]),
        actor: "li.wei")
      let repeatMark = change.instance.fields["is_repeat"] == .bool(true) ? ", marked as a repeat" : ""
      return "created " + describe(change.instance, in: s) + repeatMark + rulesDid(change, in: s)
    }

    scene("The next day, 3 March: the clock moves on and deadlines fall due")
    at("12:00", dayOffset: 1)
    tick()
    at("16:30", dayOffset: 1)
    tick()

    scene("Where things stand")
    queue("wang.fang")
    show(late, as: "wang.fang")
    listAll()
  }

  /// What rules did because of one command, for the demo's one-line answers.
  private func rulesDid(_ change: TicketChange, in s: any SessionGateway) -> String {
    var parts: [String] = []
    for firing in change.firedRules {
      let started = change.started.filter { $0.history.first?.rule == firing.rule.rawValue }
      let what = started.isEmpty ? "fired" : "started " + started.map { describe($0, in: s) }.joined(separator: ", ")
      parts.append("rule '\(firing.rule)' \(what)")
    }
    return parts.isEmpty ? "" : "\n         " + parts.joined(separator: "\n         ")
  }

  private func fields(_ values: KeyValuePairs<String, String>) -> [FieldAssignment] {
    values.compactMap { FieldAssignment(argument: "\($0.key)=\($0.value)") }
  }

  private func queue(_ user: String) {
    say(palette.dim(hhmm) + "  " + palette.accent("$ docket --as \(user)") + "   (\(who(user))'s queue)")
    do throws(CommandFailure) {
      let s = try session(as: user)
      let rows = try s.tickets(TicketFilter(status: .open, queueOf: UserID(user)))
        .sorted(by: QueueOrder.soonestFirst)
      let table = TicketTable(rows: rows, now: clock, zone: zone).render(palette: palette)
      text += rows.isEmpty ? "       nothing waiting\n" : indent(table)
    } catch {
      say("       " + palette.bad("✗ \(error.code): ") + error.message)
    }
  }

  private func listAll() {
    say(palette.dim(hhmm) + "  " + palette.accent("$ docket list --all"))
    do throws(CommandFailure) {
      let s = try session()
      var filter = TicketFilter()
      filter.status = .any
      let rows = try s.tickets(filter)
      text += indent(TicketTable(rows: rows, now: clock, zone: zone).render(palette: palette))
    } catch {
      say("       " + palette.bad("✗ \(error.code): ") + error.message)
    }
  }

  private func show(_ id: String, as user: String) {
    say(palette.dim(hhmm) + "  " + palette.accent("$ docket show \(id) --as \(user)"))
    do throws(CommandFailure) {
      let s = try session(as: user)
      let instance = try s.instance(InstanceID(id))
      let view = InstanceView(
        instance: instance, definition: s.home.definition(for: instance), staff: s.home.staff,
        choices: try s.choices(for: InstanceID(id), actor: UserID(user)), now: clock, zone: zone)
      text += indent(view.render(palette: palette))
    } catch {
      say("       " + palette.bad("✗ \(error.code): ") + error.message)
    }
  }

  private func indent(_ block: String) -> String {
    block.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map { $0.isEmpty ? "\n" : "       " + $0 + "\n" }.joined()
  }
}

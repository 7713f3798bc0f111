// A plain driver for the lookup index (docs/performance.md §7), built by
// Benchmarks/lookup/run.sh against the root package's release build of DocketStore. Setting
// up 100,000 ticket files costs tens of seconds, too much for package-benchmark's repeated
// runs, so this fills one store once and then measures:
//   1. lookups on that store: inside an open transaction, and as a whole read command;
//   2. rebuilding the index (main + lookups) from the ticket files;
//   3. what a commit of one changed ticket costs with no lookup declared, and with two.
// It reports wall time and this thread's CPU time (on a loaded machine, wall time mostly
// measures waiting for a core or the disk).
import DocketModel
import DocketStore
import Foundation

func percentile(_ values: [Double], _ p: Double) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func µs(_ s: Double) -> String { String(format: "%.1f µs", s * 1e6) }
func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1e3) }

func describe(_ name: String, wall w: [Double], cpu c: [Double], unit: (Double) -> String = µs) {
  print(
    "\(name): n=\(w.count)  wall p50 \(unit(percentile(w, 0.5)))  p90 \(unit(percentile(w, 0.9)))"
      + "  p99 \(unit(percentile(w, 0.99)))  max \(unit(percentile(w, 1)))"
      + "  |  cpu p50 \(unit(percentile(c, 0.5)))  p99 \(unit(percentile(c, 0.99)))")
}

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let folder = arguments.count > 2 ? arguments[2] : "/var/tmp/docket-lookup-bench"
let customers = max(count / 5, 1)
let categories = ["noise", "hygiene", "facility", "service", "other"]
let t0 = Date(timeIntervalSince1970: 1_772_413_200)
let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current

let customer = FieldDefinition(name: "customer", type: .string)
let category = FieldDefinition(name: "category", type: .enum(categories))
let complaintsOf = LookupDefinition(name: "complaints_of", workflow: "complaint", keys: [customer, category])
let byCustomer = LookupDefinition(name: "by_customer", workflow: "complaint", keys: [customer])
let lookups = [complaintsOf, byCustomer]

func makeStore(_ lookups: [LookupDefinition], at path: String = folder) -> FileInstanceStore {
  FileInstanceStore(
    directory: URL(fileURLWithPath: path), timeZone: zone, workflowsByPrefix: ["CMP": "complaint"],
    title: { $0.fields["customer"]?.stringValue }, lookups: lookups)
}

func ticket(_ n: Int) -> Instance {
  let at = t0 + Double(n)
  return Instance(
    id: InstanceID.make(prefix: "CMP", number: n), workflow: "complaint", version: 1,
    digest: "sha256:bench", state: "received",
    fields: [
      "customer": .string("客户\(n % customers)"), "category": .string(categories[n % categories.count]),
      "description": "夜间噪音，影响休息", "urgent": false, "visits": 0,
    ],
    assignee: Assignee(role: "specialist", user: "li.wei"), createdAt: at,
    deadlines: ["handle_24h": DeadlineClock(startedAt: at, dueAt: at + 86_400)],
    history: [HistoryEntry(seq: 1, at: at, actor: "li.wei", event: "create", to: "received")])
}

func advanced(_ instance: Instance, at: Date) -> Instance {
  var i = instance
  i.revision += 1
  i.state = i.state == "received" ? "handling" : "received"
  i.updatedAt = at
  i.history.append(
    HistoryEntry(seq: i.history.count + 1, at: at, actor: "li.wei", event: "accept", from: instance.state, to: i.state))
  return i
}

do {
  // MARK: Fill the store (once; kept between runs when it already holds `count` tickets).
  let filled = FileManager.default.fileExists(atPath: folder + "/instances/complaint/" + InstanceID.make(prefix: "CMP", number: count).rawValue + ".json")
  if !filled {
    try? FileManager.default.removeItem(atPath: folder)
    let store = makeStore(lookups)
    let w = wall()
    var n = 1
    while n <= count {
      let batch = (n..<min(n + 5_000, count + 1)).map(ticket)
      let tx = try store.beginWrite()
      try tx.commit(Changeset(instances: batch), pins: [])
      tx.end()
      n += batch.count
    }
    print("filled \(count) tickets (\(customers) customers x \(categories.count) categories) in \(ms(wall() - w))")
  } else {
    print("store already holds \(count) tickets: \(folder)")
  }

  // MARK: 1. Lookups
  let store = makeStore(lookups)
  var rng = SystemRandomNumberGenerator()
  var keys: [(customer: String, category: String)] = []
  for _ in 0..<2_000 {
    let n = Int.random(in: 1...count, using: &rng)
    keys.append(("客户\(n % customers)", categories[Int.random(in: 0..<categories.count, using: &rng)]))
  }
  do {
    let tx = try store.beginRead()
    _ = try tx.lookup(complaintsOf, key: ["warm", "up"])  // checks the signatures once
    _ = try tx.lookup(byCustomer, key: ["warm"])
    var w: [Double] = [], c: [Double] = [], wc: [Double] = [], cc: [Double] = []
    var found = 0
    for key in keys {
      let w0 = wall(), c0 = threadCPU()
      found += try tx.lookup(complaintsOf, key: [.string(key.customer), .string(key.category)]).count
      let w1 = wall(), c1 = threadCPU()
      found += try tx.lookup(byCustomer, key: [.string(key.customer)]).count
      let w2 = wall(), c2 = threadCPU()
      w.append(w1 - w0)
      c.append(c1 - c0)
      wc.append(w2 - w1)
      cc.append(c2 - c1)
    }
    tx.end()
    describe("lookup complaints_of(customer, category), open transaction", wall: w, cpu: c)
    describe("lookup by_customer(customer), open transaction", wall: wc, cpu: cc)
    print("  (\(found) entries found over \(keys.count * 2) lookups)")
  }
  do {
    var w: [Double] = [], c: [Double] = []
    for key in keys.prefix(500) {
      let w0 = wall(), c0 = threadCPU()
      let tx = try store.beginRead()
      _ = try tx.lookup(complaintsOf, key: [.string(key.customer), .string(key.category)])
      tx.end()
      w.append(wall() - w0)
      c.append(threadCPU() - c0)
    }
    describe("begin read + signature check + lookup + end", wall: w, cpu: c)
  }
  do {
    let tx = try store.beginRead()
    let key = keys[0]
    var w: [Double] = []
    for _ in 0..<5 {
      let w0 = wall()
      _ = try tx.scanLookup(complaintsOf, key: [.string(key.customer), .string(key.category)])
      w.append(wall() - w0)
    }
    tx.end()
    describe("reference scanLookup (reads every ticket file)", wall: w, cpu: w, unit: ms)
  }

  // MARK: 2. Rebuild
  if arguments.contains("--rebuild") {
    for (name, declared) in [("no lookups", [LookupDefinition]()), ("2 lookups", lookups)] {
      let w0 = wall(), c0 = threadCPU()
      _ = try makeStore(declared).rebuildIndex()
      print("rebuildIndex, \(name): wall \(ms(wall() - w0))  cpu \(ms(threadCPU() - c0))")
    }
  }

  // MARK: 3. Commit cost: one changed ticket, no lookups vs 2 lookups, interleaved
  // In a small store of its own, so the store size cannot matter (a commit never reads
  // the whole index; §storage), and so no lookup index is swept or rebuilt between runs.
  let small = folder + "-commits"
  try? FileManager.default.removeItem(atPath: small)
  let plain = makeStore([], at: small + "/plain")
  let indexed = makeStore(lookups, at: small + "/indexed")
  var current: [String: Instance] = [:]
  for (name, s) in [("plain", plain), ("indexed", indexed)] {
    let tx = try s.beginWrite()
    try tx.commit(Changeset(instances: (1...1_000).map(ticket)), pins: [])
    tx.end()
    current[name] = ticket(1)
  }
  var results: [String: (w: [Double], c: [Double])] = ["plain": ([], []), "indexed": ([], [])]
  for round in 0..<300 {
    for (name, s) in round % 2 == 0 ? [("plain", plain), ("indexed", indexed)] : [("indexed", indexed), ("plain", plain)] {
      guard let before = current[name] else { continue }
      let next = advanced(before, at: t0 + Double(1_000 + round))
      let w0 = wall(), c0 = threadCPU()
      let tx = try s.beginWrite()
      _ = try tx.load(before.id)
      try tx.commit(Changeset(instances: [next]), pins: [])
      tx.end()
      results[name]?.w.append(wall() - w0)
      results[name]?.c.append(threadCPU() - c0)
      current[name] = next
    }
  }
  for name in ["plain", "indexed"] {
    guard let r = results[name] else { continue }
    describe("commit one changed ticket, \(name == "plain" ? "no lookups" : "2 lookups")", wall: r.w, cpu: r.c, unit: ms)
  }
} catch {
  print("error: \(error)")
  exit(1)
}

// A plain driver for the engine workload (the same Lifecycle code as EngineBenchmarks), built
// by Benchmarks/engine/run.sh against the root package's release build. It reports both wall
// time and this thread's CPU time: on a loaded machine wall time mostly measures waiting for a
// core, while thread CPU time is what one core spends on the work.
import DocketKit
import Foundation

let arguments = CommandLine.arguments
let batch = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
/// "peers" or "bundled" runs that workflow alone (for a profile of one); both by default.
let only = arguments.count > 3 ? arguments[3] : nil
let now = Date(timeIntervalSince1970: 1_795_000_000)

/// The drive phase, not inlined so a profiler can count it alone:
/// `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*drivePhase*' …`.
@inline(never)
func drivePhase(_ ids: [InstanceID], _ lifecycle: Lifecycle, on shelf: TicketShelf) -> Int {
  var fired = 0
  for (i, id) in ids.enumerated() { fired += lifecycle.drive(id, i, at: now, on: shelf) ?? 0 }
  return fired
}

do {
  var workloads: [(String, Lifecycle)] = []
  if only != "bundled" { workloads.append(("peers workflow", try Lifecycle.peers())) }
  if only != "peers" { workloads.append(("bundled complaint", try Lifecycle.bundled())) }
  for (name, lifecycle) in workloads {
    var driveWall: [Double] = [], driveCPU: [Double] = [], allWall: [Double] = [], allCPU: [Double] = []
    var fired = 0
    for _ in 0..<runs {
      let shelf = TicketShelf(capacity: batch)
      let w0 = wall(), c0 = threadCPU()
      var ids: [InstanceID] = []
      for i in 0..<batch { if let id = lifecycle.create(i, at: now, on: shelf) { ids.append(id) } }
      let w1 = wall(), c1 = threadCPU()
      fired = drivePhase(ids, lifecycle, on: shelf)
      let w2 = wall(), c2 = threadCPU()
      driveWall.append(w2 - w1); driveCPU.append(c2 - c1)
      allWall.append(w2 - w0); allCPU.append(c2 - c0)
    }
    let expected = Int((Double(batch) * lifecycle.transitionsPerTicket).rounded())
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    func rate(_ x: Double, _ t: Double) -> String { String(Int((x / t).rounded())) }
    print("\(name): \(batch) tickets, \(fired) transitions (expected \(expected)), median of \(runs) runs")
    print("  drive:          \(rate(Double(fired), median(driveWall))) tr/s wall, \(rate(Double(fired), median(driveCPU))) tr/s thread CPU")
    print("  create + drive: \(rate(Double(batch), median(allWall))) lifecycles/s wall, \(rate(Double(batch), median(allCPU))) lifecycles/s thread CPU")
  }
} catch {
  print("cannot load a home: \(error)")
  exit(1)
}

import Benchmark
import DocketKit
import Foundation

/// The engine in process on the peers' W1 workload: tickets created and driven to closed in
/// memory. "drive" times the transitions alone (tickets created before the measurement, as
/// W1's "drive tr/s"); "lifecycle" includes create (W1's "lifecycles/s incl. create").
/// Transitions/s = batch transitions / wall time per iteration; see docs/performance.md.
let benchmarks: @Sendable () -> Void = {
  // ARC counters crash on this toolchain; keep to time, throughput and allocations.
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    scalingFactor: .one,
    maxDuration: .seconds(5),
    maxIterations: 50
  )
  let batch = 10_000
  let lifecycles: [(String, Lifecycle)]
  do {
    lifecycles = [
      ("peers workflow", try Lifecycle.peers()), ("bundled complaint", try Lifecycle.bundled()),
      // Issue 4 item 7: the same workflow without rules and with five rules firing per step.
      ("rules: none", try RuleLifecycle.make(withRules: false)),
      ("rules: 5 per transition", try RuleLifecycle.make(withRules: true)),
    ]
  } catch {
    print("engine benchmarks: cannot load a home: \(error)")
    return
  }
  let now = Date(timeIntervalSince1970: 1_795_000_000)

  for (name, lifecycle) in lifecycles {
    let transitions = Int((Double(batch) * lifecycle.transitionsPerTicket).rounded())
    Benchmark("\(name): drive \(batch) tickets (\(transitions) transitions)") { benchmark in
      let shelf = TicketShelf(capacity: batch)
      var ids: [InstanceID] = []
      ids.reserveCapacity(batch)
      for i in 0..<batch {
        guard let id = lifecycle.create(i, at: now, on: shelf) else { return }
        ids.append(id)
      }
      benchmark.startMeasurement()
      var fired = 0
      for (i, id) in ids.enumerated() { fired += lifecycle.drive(id, i, at: now, on: shelf) ?? 0 }
      benchmark.stopMeasurement()
      if fired != transitions { benchmark.error("fired \(fired) transitions, expected \(transitions)") }
    }

    Benchmark("\(name): create + drive \(batch) tickets") { benchmark in
      let shelf = TicketShelf(capacity: batch)
      var fired = 0
      for i in 0..<batch {
        guard let id = lifecycle.create(i, at: now, on: shelf) else { break }
        fired += lifecycle.drive(id, i, at: now, on: shelf) ?? 0
      }
      if fired != transitions { benchmark.error("fired \(fired) transitions, expected \(transitions)") }
    }
  }
}

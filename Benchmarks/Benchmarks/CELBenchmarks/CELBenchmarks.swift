import Benchmark
import CEL

/// Compile once, evaluate many: the three expressions of the CEL issue, plus compiling a
/// workflow's worth of guards. Figures go to docs/performance.md with the command that
/// produced them; the Python CEL packages are timed by Benchmarks/python/run_peers.sh.
let benchmarks: @Sendable () -> Void = {
  // ARC counters crash on this toolchain; keep to time, throughput and allocations.
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    scalingFactor: .kilo,
    maxDuration: .seconds(2),
    maxIterations: 1_000_000
  )

  for fixture in EvaluationFixture.all {
    Benchmark("evaluate \(fixture.name)") { benchmark in
      let program = fixture.program
      let bindings = fixture.bindings
      for _ in benchmark.scaledIterations {
        blackHole(program.evaluate(bindings))
      }
    }
  }

  Benchmark(
    "compile 200 guards",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], scalingFactor: .one)
  ) { benchmark in
    let env = EvaluationFixture.guardEnvironment
    let sources = EvaluationFixture.guardSources(count: 200)
    for _ in benchmark.scaledIterations {
      for source in sources { blackHole(env.compile(source)) }
    }
  }
}

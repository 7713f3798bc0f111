// swift-tools-version: 6.1
// Docket's benchmarks, kept out of the root package so `swift build` and `swift test` never
// build the benchmark tooling (it costs minutes). Run from this folder:
//   swift package benchmark                      every suite
//   swift package benchmark --target CELBenchmarks
import PackageDescription

let package = Package(
  name: "DocketBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Docket", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "CELBenchmarks",
      dependencies: [
        .product(name: "CEL", package: "Docket"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/CELBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "EngineBenchmarks",
      dependencies: [
        .product(name: "DocketKit", package: "Docket"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/EngineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)

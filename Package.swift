// swift-tools-version: 6.1
// The Docket package: a CEL module that knows nothing of workflows, a model of loaded
// definitions and running instances, YAML loading (the only code that imports Yams), a pure
// engine, a file store, and a thin `docket` executable over them. The benchmark tooling lives
// in Benchmarks/ with its own Package.swift so that `swift build` and `swift test` stay fast.
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  // Release builds reach concrete generic type metadata through accessor calls instead of
  // demangling type names at run time: every `docket` command is a fresh process, and first
  // uses of generic types were ~20% of a whole `docket advance` (docs/performance.md §8).
  // Cross-module optimization lets the engine's hot path inline and specialise across its
  // modules (−3.6% instructions per transition, same build time; §10).
  .unsafeFlags(
    [
      "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
      "-cross-module-optimization",
    ],
    .when(configuration: .release)),
]

let package = Package(
  name: "Docket",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "docket", targets: ["docket"]),
    .library(name: "CEL", targets: ["CEL"]),
    .library(name: "DocketKit", targets: ["DocketKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.2"),
  ],
  targets: [
    // Positions, diagnostics, suggestions and terminal display width; no dependencies.
    .target(name: "DocketDiagnostics", swiftSettings: strict),
    // The POSIX file calls the loader and the store share (read, list, write, sync, rename).
    .target(name: "DocketFiles", swiftSettings: strict),
    // The Common Expression Language: lexer, parser, checker, interpreter. Knows no workflows.
    .target(name: "CEL", dependencies: ["DocketDiagnostics"], swiftSettings: strict),
    // Loaded definitions (immutable) and running instances.
    .target(
      name: "DocketModel",
      dependencies: [
        "CEL", "DocketDiagnostics", "DocketFiles",
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      swiftSettings: strict),
    // YAML -> model, with positions. The only target that imports Yams.
    .target(
      name: "DocketDSL",
      dependencies: [
        "CEL", "DocketModel", "DocketDiagnostics", "DocketFiles", .product(name: "Yams", package: "Yams"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      swiftSettings: strict),
    // The pure engine: commands in, changesets or refusals out. No I/O, no clock.
    .target(
      name: "DocketEngine",
      dependencies: [
        "CEL", "DocketModel", "DocketDiagnostics",
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      swiftSettings: strict),
    // The JSON instance store: atomic, durable, locked; plus the derived index.
    .target(name: "DocketStore", dependencies: ["DocketModel", "DocketFiles"], swiftSettings: strict),
    // The application layer shared by the CLI and fixtures: load home, run engine, commit.
    .target(
      name: "DocketKit",
      dependencies: [
        "DocketDSL", "DocketEngine", "DocketStore", "DocketModel", "DocketDiagnostics", "CEL",
        "DocketFiles",
      ],
      swiftSettings: strict),
    // Fixtures (contract §7): scenario files read with positions, run on a scratch store
    // with a virtual clock, checked and reported.
    .target(
      name: "DocketScenarios",
      dependencies: ["DocketKit", "DocketDSL", "DocketModel", "DocketDiagnostics"],
      swiftSettings: strict),
    // Pure renderers: tables, instance views, diagrams, JSON output.
    .target(
      name: "DocketReports", dependencies: ["DocketKit", "DocketModel", "DocketDiagnostics"],
      swiftSettings: strict),
    // The commands, as a library so they can be tested in process.
    .target(
      name: "DocketCLI",
      dependencies: [
        "DocketKit", "DocketReports", "DocketDiagnostics", "DocketModel", "DocketEngine", "CEL",
        "DocketScenarios",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Rainbow", package: "Rainbow"),
      ],
      swiftSettings: strict),
    // Release builds on Linux link a position-dependent executable: as a PIE, the
    // static-stdlib binary made the dynamic loader apply ~83,000 relocations (and dirty the
    // pages they touch) at every start. The install line in README.md goes further and links
    // one fully static executable (no dynamic loader at all); that needs
    // `--static-swift-stdlib`, which a package cannot require, so it is given on the command
    // line (docs/performance.md §13).
    .executableTarget(
      name: "docket", dependencies: ["DocketCLI"], swiftSettings: strict,
      linkerSettings: [
        .unsafeFlags(["-Xlinker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
      ]),

    // Helpers shared by tests: temp homes, running the built binary.
    .target(name: "DocketTestSupport", dependencies: ["DocketDiagnostics"], path: "Tests/Support"),

    .testTarget(name: "DocketDiagnosticsTests", dependencies: ["DocketDiagnostics"]),
    .testTarget(name: "CELTests", dependencies: ["CEL"]),
    .testTarget(name: "CELConformanceTests", dependencies: ["CEL"]),
    .testTarget(name: "DocketModelTests", dependencies: ["DocketModel"]),
    .testTarget(
      name: "DocketDSLTests", dependencies: ["DocketDSL", "DocketTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "DocketEngineTests", dependencies: ["DocketEngine", "DocketDSL", "DocketTestSupport"],
      exclude: ["Calendar/DifferentialCases.jsonl"]),
    .testTarget(name: "DocketStoreTests", dependencies: ["DocketStore", "DocketFiles", "DocketTestSupport"]),
    .testTarget(name: "DocketKitTests", dependencies: ["DocketKit", "DocketReports", "DocketTestSupport"]),
    .testTarget(
      name: "DocketScenariosTests", dependencies: ["DocketScenarios", "DocketTestSupport"]),
    .testTarget(
      name: "DocketCLITests",
      dependencies: ["DocketCLI", "DocketReports", "DocketModel", "DocketTestSupport"]),
    .testTarget(
      name: "DocketEndToEndTests", dependencies: ["DocketTestSupport", "DocketDiagnostics"]),
  ],
  swiftLanguageModes: [.v6]
)

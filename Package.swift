// swift-tools-version: 6.0
//
// The order-privacy lifecycle simulator.
//
// Modules, from the bottom up:
//   CGSL          the GNU Scientific Library as a system library (random
//                 generators, distributions, CDFs)
//   SimKernel     the domain-free discrete-event kernel: time, event sets, the
//                 simulation loop, random streams, statistics, replications
//   PrivacyModel  the domain: RULEBOOK rules, phases, orders, merchants,
//                 couriers; depends on SimKernel only
//   Analysis      domain-free experiment designs and estimators: Saltelli
//                 and Morris designs, Sobol indices, elementary effects,
//                 Latin hypercubes, PRIM scenario discovery (GSL's
//                 quasi-random sequences); knows nothing about orders
//   ScenarioFormat  the scenario files: YAML reader with located
//                 diagnostics, key schema, templates, overrides, `expect:`
//                 thresholds; shared by simrun, tests and external workers
//   RunTasks      a running command as independent tasks (scenario, seed,
//                 replication): plans, task results with checksums and the
//                 checks `simrun merge` makes; what `simrun exec` workers and
//                 the cluster driver exchange
//   simrun        the command-line tool
//
// Benchmarks live in their own package (Benchmarks/Package.swift) so that
// building and testing this one stays light.

import PackageDescription

// MARK: - Settings shared by every Swift target

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  // `swift build -Xswiftc -DSIMKERNEL_INVARIANTS` turns on the (slow)
  // structural checks of the event sets after every mutation.
]

// MARK: - Targets

let package = Package(
  name: "order-privacy-sim",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SimKernel", targets: ["SimKernel"]),
    // GSL for packages that use the kernel's tests (Tests/InvariantChecks).
    .library(name: "CGSL", targets: ["CGSL"]),
    .library(name: "PrivacyModel", targets: ["PrivacyModel"]),
    .library(name: "ScenarioFormat", targets: ["ScenarioFormat"]),
    .library(name: "Analysis", targets: ["Analysis"]),
    .library(name: "RunTasks", targets: ["RunTasks"]),
    .executable(name: "simrun", targets: ["simrun"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // SHA-256 checksums of plans and task results.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // Tests only: property-based generation of hostile scenario values.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),
    .target(
      name: "SimKernel",
      dependencies: [
        "CGSL",
        .product(name: "HeapModule", package: "swift-collections"),
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "Histogram", package: "hdrhistogram-swift"),
        .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "PrivacyModel",
      dependencies: ["SimKernel"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "Analysis",
      dependencies: ["CGSL", "SimKernel"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScenarioFormat",
      dependencies: [
        "SimKernel",
        "PrivacyModel",
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "RunTasks",
      dependencies: [
        "PrivacyModel",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "simrun",
      dependencies: [
        "SimKernel",
        "PrivacyModel",
        "ScenarioFormat",
        "Analysis",
        "RunTasks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SimKernelTests",
      dependencies: ["SimKernel", "CGSL"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "simrunTests",
      dependencies: ["simrun", .product(name: "PropertyBased", package: "swift-property-based")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "AnalysisTests",
      dependencies: ["Analysis"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScenarioFormatTests",
      dependencies: ["ScenarioFormat", "PrivacyModel"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "RunTasksTests",
      dependencies: ["RunTasks", "PrivacyModel", "ScenarioFormat", "SimKernel"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "PrivacyModelTests",
      dependencies: ["PrivacyModel", "SimKernel"],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)

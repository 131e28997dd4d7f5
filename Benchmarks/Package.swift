// swift-tools-version: 6.1
//
// Benchmarks for the simulator, kept out of the main package so that building
// and testing it stays light (the pattern Apple's packages use).
//
//   swift package --package-path Benchmarks benchmark          # all suites
//   Benchmarks/compare-peers.sh                                # hold model vs. C, swift-collections, SimPy
//   swift run --package-path Benchmarks -c release model-throughput   # the order model

import PackageDescription

let package = Package(
  name: "order-privacy-sim-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "order-privacy-sim", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
  ],
  targets: [
    // The workloads, shared by the package-benchmark suites and the peer runner.
    .target(
      name: "HoldWorkloads",
      dependencies: [
        .product(name: "SimKernel", package: "order-privacy-sim"),
        .product(name: "HeapModule", package: "swift-collections"),
      ]
    ),
    // Orders per second per phase, bytes per order in flight, scaling.
    .executableTarget(
      name: "model-throughput",
      dependencies: [
        .product(name: "PrivacyModel", package: "order-privacy-sim"),
        .product(name: "SimKernel", package: "order-privacy-sim"),
      ]
    ),
    // Prints ns/event for one workload; driven by compare-peers.sh.
    .executableTarget(
      name: "hold-peers",
      dependencies: ["HoldWorkloads"]
    ),
    .executableTarget(
      name: "KernelBenchmarks",
      dependencies: [
        "HoldWorkloads",
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/KernelBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "ModelBenchmarks",
      dependencies: [
        .product(name: "PrivacyModel", package: "order-privacy-sim"),
        .product(name: "SimKernel", package: "order-privacy-sim"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/ModelBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)

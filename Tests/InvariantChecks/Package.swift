// swift-tools-version: 6.0
//
// The kernel's tests built with the event sets' structural invariant checks
// compiled in (`-DSIMKERNEL_INVARIANTS`, slow), for CI. A package of its own
// so that this build compiles only the kernel and its dependencies, not the
// whole simulator (scripts/test.sh):
//   swift test -c release --package-path Tests/InvariantChecks -Xswiftc -DSIMKERNEL_INVARIANTS
// The tests are the main package's Tests/SimKernelTests (a symbolic link).

import PackageDescription

let package = Package(
  name: "invariant-checks",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "order-privacy-sim", path: "../..")],
  targets: [
    .testTarget(
      name: "SimKernelTests",
      dependencies: [
        .product(name: "SimKernel", package: "order-privacy-sim"),
        .product(name: "CGSL", package: "order-privacy-sim"),
      ],
      path: "SimKernelTests",
      swiftSettings: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)

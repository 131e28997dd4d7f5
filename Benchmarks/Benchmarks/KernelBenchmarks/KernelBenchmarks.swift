import Benchmark
import HoldWorkloads
import SimKernel

/// The hold model through the real kernel loop (default 8-ary event set),
/// with N = 10², 10⁴ and 10⁶ events pending, and the other event sets at 10⁴. One benchmark iteration is 1,000 hold steps (scaling
/// factor kilo), so the reported time and malloc counts are per event.
///
/// Names use only characters that survive package-benchmark's file naming
/// (its threshold files are written under a shell-safe version of the name
/// but read back under the name itself).
///
/// Threshold: zero mallocs in steady state. The heap is filled and warmed up
/// in `setup`, outside the measurement; every step after that must reuse
/// storage.
let benchmarks: @Sendable () -> Void = {
  let zeroMallocs = BenchmarkThresholds(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0])

  for pending in [100, 10_000, 1_000_000] {
    Benchmark(
      "hold.kernel-8ary-default.N\(pending)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 20_000,
        thresholds: [.mallocCountTotal: zeroMallocs]
      )
    ) { benchmark, hold in
      hold.run(events: benchmark.scaledIterations.count)
    } setup: {
      KernelHold<DefaultEventSet<UInt32>>(pending: pending)
    }
  }

  for pending in [10_000] {
    Benchmark(
      "hold.kernel-4ary.N\(pending)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(1), thresholds: [.mallocCountTotal: zeroMallocs])
    ) { benchmark, hold in
      hold.run(events: benchmark.scaledIterations.count)
    } setup: {
      KernelHold<QuaternaryHeapEventSet<UInt32>>(pending: pending)
    }

    Benchmark(
      "hold.kernel-binary.N\(pending)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(1), thresholds: [.mallocCountTotal: zeroMallocs])
    ) { benchmark, hold in
      hold.run(events: benchmark.scaledIterations.count)
    } setup: {
      KernelHold<BinaryHeapEventSet<UInt32>>(pending: pending)
    }

    Benchmark(
      "hold.kernel-on-collections-heap.N\(pending)",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(1), thresholds: [.mallocCountTotal: zeroMallocs])
    ) { benchmark, hold in
      hold.run(events: benchmark.scaledIterations.count)
    } setup: {
      KernelHold<CollectionsHeapEventSet<UInt32>>(pending: pending)
    }
  }
}

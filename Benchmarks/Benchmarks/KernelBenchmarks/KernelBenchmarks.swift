import Benchmark
import HoldWorkloads
import SimKernel

/// The hold model through the real kernel loop (the default event set: a
/// 4-ary heap up to 2,048 pending, a ladder queue above), with N = 10², 10⁴
/// and 10⁶ events pending, and the other event sets at 10⁴.
/// One benchmark iteration is 1,000 hold steps (scaling factor kilo), so the
/// reported time and malloc counts are per event.
///
/// Names use only characters that survive package-benchmark's file naming
/// (its threshold files are written under a shell-safe version of the name
/// but read back under the name itself).
///
/// Threshold: zero mallocs in steady state. The heap is filled and warmed up
/// in `setup`, outside the measurement; every step after that must reuse
/// storage. Only wall clock and mallocs are sampled: package-benchmark's CPU
/// and throughput sampling allocates on its own thread, and the malloc
/// interposer counts every thread.
let benchmarks: @Sendable () -> Void = {
  for pending in [100, 10_000, 1_000_000] {
    hold("hold.kernel-default.N\(pending)", DefaultEventSet<UInt32>.self, pending: pending, seconds: 2)
  }
  hold("hold.kernel-ladder.N1000000", LadderEventSet<UInt32>.self, pending: 1_000_000, seconds: 1)
  hold("hold.kernel-8ary.N10000", OctonaryHeapEventSet<UInt32>.self, pending: 10_000, seconds: 1)
  hold("hold.kernel-4ary.N10000", QuaternaryHeapEventSet<UInt32>.self, pending: 10_000, seconds: 1)
  hold("hold.kernel-binary.N10000", BinaryHeapEventSet<UInt32>.self, pending: 10_000, seconds: 1)
  hold("hold.kernel-on-collections-heap.N10000", CollectionsHeapEventSet<UInt32>.self, pending: 10_000, seconds: 1)
}

/// Registers a hold benchmark on event set `Events` with `pending` events.
func hold<Events: EventSet<UInt32>>(_ name: String, _: Events.Type, pending: Int, seconds: Int) {
  let zeroMallocs = BenchmarkThresholds(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0])
  Benchmark(
    name,
    configuration: .init(
      metrics: [.wallClock, .mallocCountTotal],
      timeUnits: .nanoseconds,
      warmupIterations: 10,
      scalingFactor: .kilo,
      maxDuration: .seconds(seconds),
      maxIterations: 20_000,
      thresholds: [.mallocCountTotal: zeroMallocs]
    )
  ) { benchmark, workload in
    workload.run(events: benchmark.scaledIterations.count)
  } setup: {
    KernelHold<Events>(pending: pending)
  }
}

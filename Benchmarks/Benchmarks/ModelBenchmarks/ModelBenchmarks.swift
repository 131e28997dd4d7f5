import Benchmark
import PrivacyModel
import SimKernel

/// The order model, one benchmark per phase of RULEBOOK §7: an iteration is
/// one replication of a 20-day scenario with 100,000 orders, single-threaded.
/// Reports wall clock per replication and orders per second (custom metric).
/// Longer runs, scaling and memory: `model-throughput` in this package.
let benchmarks: @Sendable () -> Void = {
  let ordersPerSecond = BenchmarkMetric.custom("orders_per_second", polarity: .prefersLarger)
  for phase in Phase.all {
    Benchmark(
      "model.\(phase.id)",
      configuration: .init(
        metrics: [.wallClock, ordersPerSecond],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 10
      )
    ) { benchmark in
      var scenario = Scenario(phase: phase, days: 20, warmupDays: 0)
      scenario.orders.ordersPerDay = 5_000
      let clock = ContinuousClock()
      let start = clock.now
      let result = ScenarioRunner.replicate(scenario, seed: 1, replication: 0)
      let elapsed = clock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      benchmark.measurement(ordersPerSecond, Int(Double(result.counts.orders) / seconds))
      blackHole(result)
    }
  }
}

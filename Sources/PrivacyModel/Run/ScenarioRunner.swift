public import SimKernel

/// What one replication of a scenario produced.
public struct ReplicationResult: Sendable {
  public let counts: ModelCounts
  /// Counts by week of order creation, from the end of the warm-up.
  public let weekly: [ModelCounts]
  public let eventsExecuted: UInt64
  public let peakOrdersInFlight: Int
}

/// All replications of one scenario, in replication order.
public struct ScenarioResult: Sendable {
  public let scenario: Scenario
  public let seed: UInt64
  public let replications: [ReplicationResult]

  /// The metric's value in each replication.
  public func values(_ metric: Metric) -> [Double] { replications.map { $0.counts.value(metric) } }

  /// Mean and 95% confidence interval across replications.
  public func interval(_ metric: Metric, level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(values(metric), level: level)
  }

  /// Mean and 95% CI across replications of the metric for orders created
  /// in each week after the warm-up.
  public func weeklyIntervals(_ metric: Metric, level: Double = 0.95) -> [ConfidenceInterval] {
    guard let weeks = replications.first?.weekly.count else { return [] }
    return (0..<weeks).map { w in ConfidenceInterval(replications.map { $0.weekly[w].value(metric) }, level: level) }
  }

  /// Mean and 95% CI of `self − baseline`, replication by replication: the
  /// paired difference, valid because both ran with the same seed and so
  /// share common random numbers.
  public func difference(from baseline: ScenarioResult, _ metric: Metric, level: Double = 0.95) -> ConfidenceInterval {
    precondition(baseline.seed == seed && baseline.replications.count == replications.count,
                 "paired differences need the same seed and number of replications")
    return ConfidenceInterval(zip(values(metric), baseline.values(metric)).map { $0 - $1 }, level: level)
  }
}

/// Runs scenarios of the order model.
public enum ScenarioRunner {
  /// One replication: the whole scenario period, then the orders in flight
  /// run to their end.
  public static func replicate(_ scenario: Scenario, seed: UInt64, replication: Int) -> ReplicationResult {
    var model = OrderModel(scenario, seed: seed, replication: replication)
    var sim = Simulation<DefaultEventSet<OrderEvent>>()
    sim.reserveCapacity(Int(scenario.orders.ordersPerDay * 16))
    do {
      try model.start(&sim)
      try sim.run(&model)
    } catch {
      // Every delay the model schedules is non-negative: a model bug.
      preconditionFailure("order model scheduled in the past: \(error)")
    }
    return ReplicationResult(counts: model.counts, weekly: model.weekly, eventsExecuted: sim.eventsExecuted,
                             peakOrdersInFlight: model.peakOrdersInFlight)
  }

  /// `replications` independent replications on up to `threads` threads;
  /// the result does not depend on the thread count.
  public static func run(_ scenario: Scenario, seed: UInt64, replications: Int, threads: Int? = nil) -> ScenarioResult {
    let runner = ReplicationRunner(replications: replications, threads: threads)
    let results = try! runner.run { r in replicate(scenario, seed: seed, replication: r) }
    return ScenarioResult(scenario: scenario, seed: seed, replications: results)
  }
}

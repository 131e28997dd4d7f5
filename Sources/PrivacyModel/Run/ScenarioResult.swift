public import SimKernel

/// All replications of one scenario, in replication order.
public struct ScenarioResult: Sendable {
  public let scenario: Scenario
  public let seed: UInt64
  public let replications: [ReplicationValues]

  /// The replications of `scenario` run with `seed`, in replication order,
  /// as the values the reports need
  /// (from ``ScenarioRunner/run(_:seed:replications:threads:)``, or
  /// gathered from task results).
  public init(scenario: Scenario, seed: UInt64, replications: [ReplicationValues]) {
    self.scenario = scenario
    self.seed = seed
    self.replications = replications
  }

  /// The metric's value in each replication.
  public func values(_ metric: Metric) -> [Double] { replications.map { $0.value(metric) } }

  /// Mean and 95% confidence interval across replications.
  public func interval(_ metric: Metric, level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(values(metric), level: level)
  }

  /// Mean and 95% confidence interval across replications of the metric
  /// for the orders of shops in `segment`.
  public func interval(_ metric: Metric, segment: ShopSegment, level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(replications.map { $0.value(metric, segment: segment) }, level: level)
  }

  /// Mean and 95% confidence interval of the share of orders that went to
  /// shops in `segment`.
  public func orderShare(_ segment: ShopSegment, level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(replications.map { r in
      r.orders == 0 ? 0 : Double(r.segmentOrders[segment.rawValue]) / Double(r.orders)
    }, level: level)
  }

  /// Mean and 95% CI across replications of the metric for orders of
  /// `platform` (`nil`: both together) created in each week after the warm-up.
  public func weeklyIntervals(_ metric: Metric, platform: Platform? = nil, level: Double = 0.95) -> [ConfidenceInterval] {
    let series = replications.map { r in platform.map { r.weeklyByPlatform[$0] ?? [] } ?? r.weekly }
    guard let weeks = series.first?.count else { return [] }
    return (0..<weeks).map { w in ConfidenceInterval(series.map { $0[w].value(metric) }, level: level) }
  }

  /// The platforms with weekly series, in ``Platform`` order.
  public var weeklyPlatforms: [Platform] {
    Platform.allCases.filter { replications.first?.weeklyByPlatform[$0] != nil }
  }

  /// The first day of each week of ``weeklyIntervals(_:level:)`` (the
  /// last week may be shorter).
  public var weekStarts: [CivilDate] {
    guard let weeks = replications.first?.weeklyByPlatform.values.first?.count else { return [] }
    let first = scenario.start.adding(days: scenario.warmupDays)
    return (0..<weeks).map { first.adding(days: 7 * $0) }
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

public import SimKernel

/// What one replication of a scenario produced.
public struct ReplicationResult: Sendable {
  public let counts: ModelCounts
  /// The counts by shop-size segment, in ``ShopSegment`` order (their
  /// contact-time sketches are coarser: 2 significant digits).
  public let segments: [ModelCounts]
  /// Counts by platform and week (``Scenario/weeklySeriesBasis``), from the end of the
  /// warm-up, for the platforms the scenario runs (empty unless the
  /// scenario records weekly series).
  public let weeklyByPlatform: [Platform: [ModelCounts]]

  /// Both platforms' weekly counts together (orders of both platforms
  /// pooled; a report shows the platforms apart).
  public var weekly: [ModelCounts] {
    ModelCounts.pooled(weeklyByPlatform)
  }
  public let eventsExecuted: UInt64
  public let peakOrdersInFlight: Int
}

/// Watches a run from the replications' threads: told after each simulated
/// day of each replication, and able to stop the run (an interrupt). It must
/// be cheap and thread-safe; it cannot change results.
public protocol RunMonitor: Sendable {
  /// One more simulated day of some replication is done, in which `events`
  /// events ran. Returns `false` to stop the whole run.
  func dayCompleted(events: UInt64) -> Bool
  /// One replication has finished.
  func replicationCompleted()
  /// Asked before a replication starts and after every simulated hour:
  /// `false` stops the run (so an interrupt takes effect within about a
  /// second, however many replications remain).
  func shouldContinue() -> Bool
}

extension RunMonitor {
  public func replicationCompleted() {}
  public func shouldContinue() -> Bool { true }
}

/// A run stopped before it finished: by its ``RunMonitor`` (Ctrl-C), or
/// because a replication reached ``Scenario/maxOrdersInFlight``.
public struct RunInterrupted: Error, Hashable, Sendable {
  public enum Reason: Hashable, Sendable {
    /// The monitor asked to stop.
    case stopped
    /// A replication had this many orders in flight when another arrived.
    case tooManyOrdersInFlight(limit: Int)
  }

  public let reason: Reason

  public init(_ reason: Reason = .stopped) { self.reason = reason }
}

/// Runs scenarios of the order model.
public enum ScenarioRunner {
  /// One replication: the whole scenario period, then the orders in flight
  /// run to their end.
  public static func replicate(_ scenario: Scenario, seed: UInt64, replication: Int) -> ReplicationResult {
    try! replicate(scenario, seed: seed, replication: replication, monitor: nil)
  }

  /// One replication, reporting each simulated day to `monitor`. Running
  /// day by day gives exactly the events of one uninterrupted run (nothing is
  /// scheduled between days), so the results do not depend on the monitor.
  public static func replicate(
    _ scenario: Scenario, seed: UInt64, replication: Int, monitor: (any RunMonitor)?
  ) throws(RunInterrupted) -> ReplicationResult {
    try replicate(scenario, seed: seed, replication: replication, monitor: monitor, on: DefaultEventSet<OrderEvent>.self)
  }

  /// One replication on the pending-event set `Events`. The results do not
  /// depend on it (every set delivers events in (time, sequence) order; a
  /// test runs every shipped scenario on the default set and on a plain
  /// heap): it is a parameter for that test and for benchmarks.
  public static func replicate<Events: EventSet<OrderEvent>>(
    _ scenario: Scenario, seed: UInt64, replication: Int, monitor: (any RunMonitor)?, on _: Events.Type
  ) throws(RunInterrupted) -> ReplicationResult {
    if let monitor, !monitor.shouldContinue() { throw RunInterrupted() }
    var model = OrderModel(scenario, seed: seed, replication: replication)
    var sim = Simulation<Events>()
    sim.reserveCapacity(OrderModel.reservation(scenario))
    do {
      try model.start(&sim)
      if let monitor {
        var day = SimTime.zero
        var reported: UInt64 = 0
        while sim.pendingCount > 0 {
          var t = day
          day = day + SimDuration(days: 1)
          // Jump over days without events (a far-future event must not
          // mean billions of empty days); the events run are the same.
          if let next = sim.nextEventTime(), next > day { day = next }
          // Hour by hour (skipping hours without events), asking whether
          // to go on after each.
          while t < day {
            var step = t + SimDuration(hours: 1)
            if let next = sim.nextEventTime(), next > step { step = next }
            t = min(day, step)
            try sim.run(&model, until: t)
            if model.inFlightLimitReached { throw RunInterrupted(.tooManyOrdersInFlight(limit: scenario.maxOrdersInFlight)) }
            guard monitor.shouldContinue() else { throw RunInterrupted() }
          }
          guard monitor.dayCompleted(events: sim.eventsExecuted - reported) else { throw RunInterrupted() }
          reported = sim.eventsExecuted
        }
        monitor.replicationCompleted()
      } else {
        try sim.run(&model)
        if model.inFlightLimitReached { throw RunInterrupted(.tooManyOrdersInFlight(limit: scenario.maxOrdersInFlight)) }
      }
    } catch let error as RunInterrupted {
      throw error
    } catch {
      // Every delay the model schedules is non-negative: a model bug.
      preconditionFailure("order model scheduled in the past: \(error)")
    }
    return ReplicationResult(counts: model.counts, segments: model.segmentCounts, weeklyByPlatform: model.weekly,
                             eventsExecuted: sim.eventsExecuted,
                             peakOrdersInFlight: model.peakOrdersInFlight)
  }

  /// `replications` independent replications on up to `threads` threads;
  /// the result does not depend on the thread count.
  public static func run(_ scenario: Scenario, seed: UInt64, replications: Int, threads: Int? = nil) -> ScenarioResult {
    try! run(scenario, seed: seed, replications: replications, threads: threads, monitor: nil)
  }

  /// Like ``run(_:seed:replications:threads:)``, reporting progress to
  /// `monitor`, which may stop the run.
  public static func run(
    _ scenario: Scenario, seed: UInt64, replications: Int, threads: Int?, monitor: (any RunMonitor)?
  ) throws(RunInterrupted) -> ScenarioResult {
    let runner = ReplicationRunner(replications: replications, threads: threads)
    do {
      let results = try runner.run { r in
        ReplicationValues(try replicate(scenario, seed: seed, replication: r, monitor: monitor))
      }
      return ScenarioResult(scenario: scenario, seed: seed, replications: results)
    } catch let error as RunInterrupted {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }
}

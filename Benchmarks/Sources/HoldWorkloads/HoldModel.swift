public import SimKernel

/// The classic "hold" model of event-set benchmarking (Jones 1986): N events
/// pending; each step takes the earliest and schedules it again after an
/// Exp(1) delay, so the set stays at N events. Here it runs through the real
/// kernel loop: a payload dispatched to a model, which reschedules through
/// `Simulation.schedule`. The time unit of the delay is one second (1,000 ms
/// of kernel time).
public struct HoldModel: SimulationModel {
  public typealias Payload = UInt32

  @usableFromInline let stream: RandomStream
  /// Events left before the run stops.
  @usableFromInline var remaining = 0

  @inlinable
  init(stream: RandomStream) {
    self.stream = stream
  }

  @inlinable
  public mutating func handle<Events: EventSet<Payload>>(
    _ payload: UInt32, in sim: inout Simulation<Events>
  ) throws(SimulationError) {
    try sim.schedule(payload, after: SimDuration(roundingMilliseconds: stream.exponential(mean: 1_000)))
    remaining &-= 1
    if remaining == 0 { sim.stop() }
  }
}

/// A hold workload on the simulation kernel, with `n` events pending, warmed
/// up by `n` steps so the heap is in steady state before anything is measured.
public final class KernelHold<Events: EventSet<UInt32>> {
  @usableFromInline var simulation = Simulation<Events>()
  @usableFromInline var model: HoldModel

  @inlinable
  public init(pending n: Int, seed: UInt64 = 1) {
    model = HoldModel(stream: RandomStream(seed: seed, replication: 0, stream: 1))
    simulation.reserveCapacity(n)
    for i in 0..<n {
      let delay = SimDuration(roundingMilliseconds: model.stream.exponential(mean: 1_000))
      try! simulation.schedule(UInt32(truncatingIfNeeded: i), after: delay)
    }
    run(events: n)
  }

  /// Runs exactly `events` hold steps.
  @inlinable @inline(never)
  public func run(events: Int) {
    guard events > 0 else { return }
    model.remaining = events
    try! simulation.run(&model)
  }

  /// Events handled so far, warm-up included.
  public var eventsExecuted: UInt64 { simulation.eventsExecuted }
  /// The simulated time reached.
  public var now: SimTime { simulation.now }
}

internal import DequeModule

/// A multi-server FIFO queue (G/G/c) built on the kernel, used to validate it
/// against queueing theory. Time unit of the distributions: minutes.
public struct QueueingStation: SimulationModel {
  /// What a run of the station is given.
  public struct Configuration: Hashable, Sendable {
    public var servers: Int
    /// Time between arrivals, in minutes.
    public var interarrival: ContinuousDistribution
    /// Service time, in minutes.
    public var service: ContinuousDistribution
    /// Observations before this time are discarded (initial transient).
    public var warmup: SimDuration
    /// The run ends at this time.
    public var horizon: SimDuration

    public init(servers: Int, interarrival: ContinuousDistribution, service: ContinuousDistribution,
                warmup: SimDuration, horizon: SimDuration) {
      precondition(servers >= 1 && warmup < horizon)
      self.servers = servers
      self.interarrival = interarrival
      self.service = service
      self.warmup = warmup
      self.horizon = horizon
    }
  }

  /// What one replication measured.
  public struct Result: Hashable, Sendable {
    /// Mean wait in queue of customers starting service after the warm-up, minutes.
    public var meanWaitInQueue: Double
    /// Time-average number in system after the warm-up.
    public var averageInSystem: Double
    /// Customers whose wait was measured.
    public var customersMeasured: Int
    /// Over the whole run: time-average number in system (L).
    public var littleL: Double
    /// Over the whole run: arrival rate × mean time in system (λW), with the
    /// customers still present at the end counted up to the end.
    public var littleLambdaW: Double
    public var eventsExecuted: UInt64
  }

  public enum Payload: Sendable {
    case arrival
    case departure
    case endOfWarmup
  }

  /// Stream numbers: arrivals and services draw from separate streams.
  public enum Stream {
    public static let arrivals: UInt64 = 1
    public static let services: UInt64 = 2
  }

  let configuration: Configuration
  let arrivals: RandomStream
  let services: RandomStream

  var waiting = Deque<SimTime>()
  var busyServers = 0
  var inSystem = 0

  var waits = Tally()
  var measuredInSystem: TimeWeightedAverage
  var wholeRunInSystem: TimeWeightedAverage
  var arrivalsCount = 0
  var sumOfArrivalTimes: Int64 = 0
  var sumOfDepartureTimes: Int64 = 0

  init(configuration: Configuration, seed: UInt64, replication: Int) {
    self.configuration = configuration
    arrivals = RandomStream(seed: seed, replication: replication, stream: Stream.arrivals)
    services = RandomStream(seed: seed, replication: replication, stream: Stream.services)
    measuredInSystem = TimeWeightedAverage(start: .zero + configuration.warmup)
    wholeRunInSystem = TimeWeightedAverage(start: .zero)
  }

  public mutating func handle<Events: EventSet<Payload>>(
    _ payload: Payload, in sim: inout Simulation<Events>
  ) throws(SimulationError) {
    let now = sim.now
    switch payload {
    case .arrival:
      arrivalsCount += 1
      sumOfArrivalTimes += now.milliseconds
      setInSystem(inSystem + 1, at: now)
      if busyServers < configuration.servers {
        busyServers += 1
        recordWait(arrival: now, start: now)
        try sim.schedule(.departure, after: serviceTime())
      } else {
        waiting.append(now)
      }
      try sim.schedule(.arrival, after: SimDuration(minutes: configuration.interarrival.sample(arrivals)))
    case .departure:
      sumOfDepartureTimes += now.milliseconds
      setInSystem(inSystem - 1, at: now)
      if let arrived = waiting.popFirst() {
        recordWait(arrival: arrived, start: now)
        try sim.schedule(.departure, after: serviceTime())
      } else {
        busyServers -= 1
      }
    case .endOfWarmup:
      measuredInSystem = TimeWeightedAverage(start: now, initial: Double(inSystem))
    }
  }

  mutating func serviceTime() -> SimDuration {
    SimDuration(minutes: configuration.service.sample(services))
  }

  mutating func setInSystem(_ n: Int, at now: SimTime) {
    inSystem = n
    wholeRunInSystem.update(to: Double(n), at: now)
    if now.milliseconds >= configuration.warmup.milliseconds {
      measuredInSystem.update(to: Double(n), at: now)
    }
  }

  mutating func recordWait(arrival: SimTime, start: SimTime) {
    if start.milliseconds >= configuration.warmup.milliseconds {
      waits.record((start - arrival).minutes)
    }
  }

  /// Runs one replication with an event set of the caller's choice.
  public static func run<Events: EventSet<Payload>>(
    _ configuration: Configuration, seed: UInt64, replication: Int, eventSet: Events.Type
  ) -> Result {
    var model = QueueingStation(configuration: configuration, seed: seed, replication: replication)
    var sim = Simulation<Events>()
    sim.reserveCapacity(configuration.servers + 8)
    let end = SimTime.zero + configuration.horizon
    do {
      try sim.schedule(.endOfWarmup, at: .zero + configuration.warmup)
      try sim.schedule(.arrival, after: SimDuration(minutes: configuration.interarrival.sample(model.arrivals)))
      try sim.run(&model, until: end)
    } catch {
      // Every delay above is non-negative; reaching this is a kernel bug.
      preconditionFailure("queueing station: \(error)")
    }
    model.measuredInSystem.advance(to: end)
    model.wholeRunInSystem.advance(to: end)
    let horizonMs = Double(configuration.horizon.milliseconds)
    // Σ over customers of (min(departure, end) − arrival), in ms.
    let sojournArea = Double(
      model.sumOfDepartureTimes + Int64(model.inSystem) * end.milliseconds - model.sumOfArrivalTimes)
    let lambda = Double(model.arrivalsCount) / horizonMs
    let meanSojourn = model.arrivalsCount > 0 ? sojournArea / Double(model.arrivalsCount) : 0
    return Result(
      meanWaitInQueue: model.waits.mean,
      averageInSystem: model.measuredInSystem.average,
      customersMeasured: model.waits.count,
      littleL: model.wholeRunInSystem.average,
      littleLambdaW: lambda * meanSojourn,
      eventsExecuted: sim.eventsExecuted)
  }

  /// Runs one replication on the default event set.
  public static func run(_ configuration: Configuration, seed: UInt64, replication: Int) -> Result {
    run(configuration, seed: seed, replication: replication, eventSet: DefaultEventSet<Payload>.self)
  }
}

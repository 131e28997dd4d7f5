import SimKernel
import Testing

/// An arrival stream (the source) whose arrivals schedule work at random
/// delays, many of them at the same millisecond as other events, and cancel
/// earlier work now and then. Run once with the arrivals in the source slot
/// and once with plain scheduling, it must do exactly the same things.
struct SourceWorkload: SimulationModel {
  enum Payload: Equatable { case arrival(Int), work(Int), cancelSource }
  enum Step: Equatable { case fired(SimTime, Payload), cancelled(Int, Bool) }

  let usesSlot: Bool
  let arrivals: Int
  var state: UInt64
  var log: [Step] = []
  var work: [EventHandle] = []
  var sourceHandle: EventHandle?
  var pendingArrival = 0
  var nextWork = 0

  init(usesSlot: Bool, arrivals: Int, seed: UInt64) {
    self.usesSlot = usesSlot
    self.arrivals = arrivals
    state = seed
  }

  /// SplitMix64: a test-local generator, so the workload is the same on both runs.
  mutating func draw(_ n: UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return (z ^ (z >> 31)) % n
  }

  mutating func arrive<Events: EventSet<Payload>>(_ n: Int, at time: SimTime, _ sim: inout Simulation<Events>) throws(SimulationError) {
    pendingArrival = n
    sourceHandle = usesSlot ? try sim.scheduleSource(.arrival(n), at: time) : try sim.schedule(.arrival(n), at: time)
  }

  mutating func handle<Events: EventSet<Payload>>(_ payload: Payload, in sim: inout Simulation<Events>) throws(SimulationError) {
    log.append(.fired(sim.now, payload))
    switch payload {
    case .arrival(let n):
      if n + 1 < arrivals { try arrive(n + 1, at: sim.now + SimDuration(milliseconds: Int64(draw(3))), &sim) }
      for _ in 0..<draw(4) {
        work.append(try sim.schedule(.work(nextWork), after: SimDuration(milliseconds: Int64(draw(6)))))
        nextWork += 1
      }
      if draw(3) == 0, !work.isEmpty {
        let i = Int(draw(UInt64(work.count)))
        log.append(.cancelled(i, sim.cancel(work[i])))
      }
      if draw(50) == 0 { try sim.schedule(.cancelSource, after: SimDuration(milliseconds: Int64(draw(3)))) }
    case .work:
      break
    case .cancelSource:
      // Cancels the pending arrival, if it is still pending; the stream
      // goes on a little later.
      if let h = sourceHandle, sim.cancel(h) {
        log.append(.cancelled(-1, true))
        try arrive(pendingArrival, at: sim.now + SimDuration(milliseconds: 2), &sim)
      }
    }
  }
}

@Suite("Simulation source slot")
struct SimulationSourceTests {
  /// Runs the workload in pieces (limits and a stop), as a runner does.
  static func trace<Events: EventSet<SourceWorkload.Payload>>(
    _: Events.Type, usesSlot: Bool, seed: UInt64, arrivals: Int = 3_000
  ) throws -> [SourceWorkload.Step] {
    var sim = Simulation<Events>()
    var model = SourceWorkload(usesSlot: usesSlot, arrivals: arrivals, seed: seed)
    try model.arrive(0, at: .zero, &sim)
    var limit: Int64 = 0
    while sim.pendingCount > 0 {
      limit += 97
      let reason = try sim.run(&model, until: SimTime(milliseconds: limit))
      #expect(reason != .stopped)
      if sim.pendingCount > 0 { #expect(reason == .reachedLimit) }
    }
    return model.log
  }

  @Test("a source in the slot runs exactly as one scheduled into the set: same events, times, order and cancellations, on the heap, the ladder and the adaptive set")
  func slotIsInvisible() throws {
    for seed: UInt64 in [1, 2, 3] {
      let plain = try Self.trace(QuaternaryHeapEventSet<SourceWorkload.Payload>.self, usesSlot: false, seed: seed)
      #expect(plain.count > 6_000)
      #expect(plain.contains { if case .cancelled(-1, true) = $0 { true } else { false } })
      #expect(plain.contains { if case .cancelled(_, false) = $0 { true } else { false } })
      #expect(try Self.trace(QuaternaryHeapEventSet<SourceWorkload.Payload>.self, usesSlot: true, seed: seed) == plain)
      #expect(try Self.trace(LadderEventSet<SourceWorkload.Payload>.self, usesSlot: true, seed: seed) == plain)
      #expect(try Self.trace(LadderEventSet<SourceWorkload.Payload>.self, usesSlot: false, seed: seed) == plain)
      #expect(try Self.trace(DefaultEventSet<SourceWorkload.Payload>.self, usesSlot: true, seed: seed) == plain)
    }
  }

  @Test("ties: a source event and set events at the same time run in scheduling order, whichever came first")
  func tiesFollowScheduling() throws {
    func order<Events: EventSet<Recorder.Payload>>(_: Events.Type) throws -> [Recorder.Payload] {
      var sim = Simulation<Events>()
      var model = Recorder()
      let t = SimTime(milliseconds: 5)
      try sim.schedule(.tick(1), at: t)
      try sim.scheduleSource(.tick(2), at: t)
      try sim.schedule(.tick(3), at: t)
      try sim.schedule(.tick(0), at: SimTime(milliseconds: 4))
      #expect(sim.pendingCount == 4)
      let next = sim.nextEventTime()
      #expect(next == SimTime(milliseconds: 4))
      try sim.run(&model)
      return model.fired.map(\.1)
    }
    let expected = [0, 1, 2, 3].map(Recorder.Payload.tick)
    #expect(try order(QuaternaryHeapEventSet<Recorder.Payload>.self) == expected)
    #expect(try order(LadderEventSet<Recorder.Payload>.self) == expected)
  }

  @Test("a second source event while the slot is taken goes into the set; both run, in order")
  func occupiedSlotFallsBack() throws {
    var sim = Simulation<LadderEventSet<Recorder.Payload>>()
    var model = Recorder()
    let first = try sim.scheduleSource(.tick(2), at: SimTime(milliseconds: 9))
    let second = try sim.scheduleSource(.tick(1), at: SimTime(milliseconds: 3))
    #expect(first.isSource)
    #expect(!second.isSource)
    #expect(sim.pendingCount == 2)
    try sim.run(&model)
    #expect(model.fired.map(\.1) == [.tick(1), .tick(2)])
  }

  @Test("cancelling the source's event: exact once, never after it fired; the set is not touched")
  func cancelSource() throws {
    var sim = Simulation<QuaternaryHeapEventSet<Recorder.Payload>>()
    var model = Recorder()
    let h = try sim.scheduleSource(.tick(1), at: SimTime(milliseconds: 3))
    try sim.schedule(.tick(2), at: SimTime(milliseconds: 4))
    let firstCancel = sim.cancel(h)
    let secondCancel = sim.cancel(h)
    #expect(firstCancel && !secondCancel)
    #expect(sim.pendingCount == 1)
    let again = try sim.scheduleSource(.tick(3), at: SimTime(milliseconds: 5))
    try sim.run(&model)
    #expect(model.fired.map(\.1) == [.tick(2), .tick(3)])
    let afterFiring = sim.cancel(again)
    #expect(!afterFiring)
    #expect(sim.pendingCount == 0)
  }

  @Test("a source event past the limit stays pending: the run reports the limit, the next run fires it")
  func sourceBeyondLimit() throws {
    var sim = Simulation<LadderEventSet<Recorder.Payload>>()
    var model = Recorder()
    try sim.scheduleSource(.tick(1), at: SimTime(milliseconds: 50))
    #expect(try sim.run(&model, until: SimTime(milliseconds: 10)) == .reachedLimit)
    #expect(sim.now == SimTime(milliseconds: 10))
    #expect(model.fired.isEmpty)
    #expect(try sim.run(&model) == .exhausted)
    #expect(model.fired.map(\.0) == [SimTime(milliseconds: 50)])
  }

  @Test("scheduling the source in the past throws, as for the set")
  func sourceInThePast() throws {
    var sim = Simulation<LadderEventSet<Recorder.Payload>>()
    var model = Recorder()
    try sim.schedule(.tick(1), at: SimTime(milliseconds: 10))
    try sim.run(&model)
    var caught: SimulationError?
    do { try sim.scheduleSource(.tick(2), at: SimTime(milliseconds: 9)) } catch { caught = error }
    #expect(caught == .scheduledInThePast(requested: SimTime(milliseconds: 9), now: SimTime(milliseconds: 10)))
    #expect(sim.pendingCount == 0)
  }
}

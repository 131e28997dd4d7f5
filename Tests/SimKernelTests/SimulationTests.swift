import SimKernel
import Testing

/// A model that records what fired and can be told what to do next.
struct Recorder: SimulationModel {
  enum Payload: Equatable { case tick(Int), scheduleInPast, stopHere, cancelSelf(EventHandle?), reschedule(times: Int), countPending }
  var fired: [(SimTime, Payload)] = []
  var pendingSeen: [Int] = []
  var selfHandle: EventHandle?
  var cancelResult: Bool?

  mutating func handle<Events: EventSet<Payload>>(_ payload: Payload, in sim: inout Simulation<Events>) throws(SimulationError) {
    fired.append((sim.now, payload))
    switch payload {
    case .tick: break
    case .scheduleInPast: try sim.schedule(.tick(-1), at: SimTime(milliseconds: sim.now.milliseconds - 1))
    case .stopHere: sim.stop()
    case .cancelSelf(let h): cancelResult = sim.cancel(h ?? selfHandle!)
    case .reschedule(let n):
      for i in 0..<n { try sim.schedule(.tick(100 + i), after: .zero) }
    case .countPending: pendingSeen.append(sim.pendingCount)
    }
  }
}

@Suite("Simulation loop")
struct SimulationTests {
  @Test("events at equal times run in scheduling order, across event sets; on a heap and on the ladder (which gives up each event before its handler runs)")
  func fifoAtEqualTimes() throws {
    try Self.fifoAtEqualTimes(on: QuaternaryHeapEventSet<Recorder.Payload>.self)
    try Self.fifoAtEqualTimes(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func fifoAtEqualTimes<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    for i in 0..<10 { try sim.schedule(.tick(i), at: SimTime(milliseconds: i % 2 == 0 ? 5 : 3)) }
    let reason = try sim.run(&model)
    #expect(reason == .exhausted)
    #expect(model.fired.map(\.1) == [1, 3, 5, 7, 9, 0, 2, 4, 6, 8].map(Recorder.Payload.tick))
    #expect(sim.eventsExecuted == 10)
  }

  @Test("scheduling in the past throws instead of crashing, and the loop stays consistent; on a heap and on the ladder (which gives up each event before its handler runs)")
  func pastIsAnError() throws {
    try Self.pastIsAnError(on: BinaryHeapEventSet<Recorder.Payload>.self)
    try Self.pastIsAnError(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func pastIsAnError<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    try sim.schedule(.scheduleInPast, at: SimTime(milliseconds: 10))
    try sim.schedule(.tick(1), at: SimTime(milliseconds: 20))
    var caught: SimulationError?
    do { try sim.run(&model) } catch { caught = error }
    #expect(caught == .scheduledInThePast(requested: SimTime(milliseconds: 9), now: SimTime(milliseconds: 10)))
    #expect(sim.pendingCount == 1)
    caught = nil
    do { try sim.schedule(.tick(2), after: SimDuration(milliseconds: -1)) } catch { caught = error }
    #expect(caught == .scheduledInThePast(requested: SimTime(milliseconds: 9), now: SimTime(milliseconds: 10)))
    try sim.run(&model)
    #expect(model.fired.last?.1 == .tick(1))
  }

  @Test("run(until:) runs events at the limit, leaves later ones, and advances the clock to the limit; on a heap and on the ladder (which gives up each event before its handler runs)")
  func runUntil() throws {
    try Self.runUntil(on: QuaternaryHeapEventSet<Recorder.Payload>.self)
    try Self.runUntil(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func runUntil<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    for t in [10, 20, 30] { try sim.schedule(.tick(t), at: SimTime(milliseconds: Int64(t))) }
    let r1 = try sim.run(&model, until: SimTime(milliseconds: 20))
    #expect(r1 == .reachedLimit)
    #expect(model.fired.map(\.1) == [.tick(10), .tick(20)])
    #expect(sim.now == SimTime(milliseconds: 20))
    let r2 = try sim.run(&model, until: SimTime(milliseconds: 25))
    #expect(r2 == .reachedLimit)
    #expect(sim.now == SimTime(milliseconds: 25))
    let r3 = try sim.run(&model, until: SimTime(milliseconds: 100))
    #expect(r3 == .exhausted)
    #expect(sim.now == SimTime(milliseconds: 100))
    #expect(sim.pendingCount == 0)
  }

  @Test("stop() ends the run after the current handler; the next run resumes; on a heap and on the ladder (which gives up each event before its handler runs)")
  func stop() throws {
    try Self.stop(on: QuaternaryHeapEventSet<Recorder.Payload>.self)
    try Self.stop(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func stop<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    try sim.schedule(.tick(1), at: SimTime(milliseconds: 1))
    try sim.schedule(.stopHere, at: SimTime(milliseconds: 2))
    try sim.schedule(.tick(3), at: SimTime(milliseconds: 3))
    let r1 = try sim.run(&model)
    #expect(r1 == .stopped)
    #expect(sim.now == SimTime(milliseconds: 2))
    #expect(model.fired.count == 2)
    let r2 = try sim.run(&model)
    #expect(r2 == .exhausted)
    #expect(model.fired.count == 3)
  }

  @Test("cancel: pending events are cancelled exactly once; fired and firing events cannot be; on a heap and on the ladder (which gives up each event before its handler runs)")
  func cancellation() throws {
    try Self.cancellation(on: QuaternaryHeapEventSet<Recorder.Payload>.self)
    try Self.cancellation(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func cancellation<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    let a = try sim.schedule(.tick(1), at: SimTime(milliseconds: 5))
    let b = try sim.schedule(.tick(2), at: SimTime(milliseconds: 5))
    let c = try sim.schedule(.tick(3), at: SimTime(milliseconds: 9))
    let first = sim.cancel(b)
    let second = sim.cancel(b)
    #expect(first)
    #expect(!second)
    #expect(sim.pendingCount == 2)
    try sim.run(&model, until: SimTime(milliseconds: 5))
    #expect(model.fired.map(\.1) == [.tick(1)])
    let late = sim.cancel(a)
    #expect(!late, "already fired")
    // An event trying to cancel itself while it fires: refused.
    let selfCancel = try sim.schedule(.cancelSelf(nil), at: SimTime(milliseconds: 7))
    model.selfHandle = selfCancel
    try sim.run(&model, until: SimTime(milliseconds: 7))
    #expect(model.cancelResult == false)
    // A handler cancelling a later event: accepted.
    try sim.schedule(.cancelSelf(c), at: SimTime(milliseconds: 8))
    try sim.run(&model)
    #expect(model.cancelResult == true)
    #expect(!model.fired.contains { $0.1 == .tick(3) })
  }

  @Test("a cancelled event beyond the run limit is not discarded early; cancel stays exact afterwards; on a heap and on the ladder (which gives up each event before its handler runs)")
  func cancelledBeyondLimit() throws {
    try Self.cancelledBeyondLimit(on: QuaternaryHeapEventSet<Recorder.Payload>.self)
    try Self.cancelledBeyondLimit(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func cancelledBeyondLimit<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    let doomed = try sim.schedule(.tick(30), at: SimTime(milliseconds: 30))
    try sim.schedule(.tick(40), at: SimTime(milliseconds: 40))
    let cancelled = sim.cancel(doomed)
    let r1 = try sim.run(&model, until: SimTime(milliseconds: 25))
    #expect(cancelled && r1 == .reachedLimit && sim.now == SimTime(milliseconds: 25))
    // Legal: after the clock (25), before the cancelled event (30).
    let late = try sim.schedule(.tick(27), at: SimTime(milliseconds: 27))
    let cancelLate = sim.cancel(late)
    let again = sim.cancel(late)
    #expect(cancelLate)
    #expect(!again)
    #expect(sim.pendingCount == 1)
    try sim.run(&model)
    #expect(model.fired.map(\.1) == [.tick(40)])
  }

  @Test("when only cancelled events remain, the clock passes through their times; on a heap and on the ladder (which gives up each event before its handler runs)")
  func clockPassesCancelled() throws {
    try Self.clockPassesCancelled(on: BinaryHeapEventSet<Recorder.Payload>.self)
    try Self.clockPassesCancelled(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func clockPassesCancelled<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    try sim.schedule(.tick(1), at: SimTime(milliseconds: 10))
    let h = try sim.schedule(.tick(2), at: SimTime(milliseconds: 50))
    _ = sim.cancel(h)
    let r = try sim.run(&model)
    #expect(r == .exhausted)
    #expect(sim.now == SimTime(milliseconds: 50))
    #expect(sim.eventsExecuted == 1)
    var caught: SimulationError?
    do { try sim.schedule(.tick(3), at: SimTime(milliseconds: 20)) } catch { caught = error }
    #expect(caught != nil, "scheduling before a passed (cancelled) event's time is in the past")
  }

  @Test("a handler scheduling several events at the current time: all run, in order (hold path); on a heap and on the ladder (which gives up each event before its handler runs)")
  func holdPathWithSeveralSchedules() throws {
    try Self.holdPathWithSeveralSchedules(on: BinaryHeapEventSet<Recorder.Payload>.self)
    try Self.holdPathWithSeveralSchedules(on: LadderEventSet<Recorder.Payload>.self)
  }

  static func holdPathWithSeveralSchedules<Events: EventSet<Recorder.Payload>>(on _: Events.Type) throws {
    var sim = Simulation<Events>()
    var model = Recorder()
    try sim.schedule(.reschedule(times: 3), at: SimTime(milliseconds: 1))
    try sim.schedule(.tick(9), at: SimTime(milliseconds: 1))
    try sim.run(&model)
    #expect(model.fired.map(\.1) == [.reschedule(times: 3), .tick(9), .tick(100), .tick(101), .tick(102)])
    #expect(sim.eventsExecuted == 5)
  }

  @Test("while a handler runs, pendingCount counts the other events, on a heap and on the ladder")
  func pendingDuringHandling() throws {
    func seen<Events: EventSet<Recorder.Payload>>(_: Events.Type) throws -> [Int] {
      var sim = Simulation<Events>()
      var model = Recorder()
      try sim.schedule(.countPending, at: SimTime(milliseconds: 1))
      try sim.schedule(.tick(1), at: SimTime(milliseconds: 2))
      try sim.schedule(.countPending, at: SimTime(milliseconds: 3))
      try sim.run(&model)
      return model.pendingSeen
    }
    #expect(try seen(QuaternaryHeapEventSet<Recorder.Payload>.self) == [2, 0])
    #expect(try seen(LadderEventSet<Recorder.Payload>.self) == [2, 0])
    #expect(try seen(DefaultEventSet<Recorder.Payload>.self) == [2, 0])
  }

  @Test("every event set gives bit-identical results for the same model and seed")
  func eventSetsAgree() {
    let c = KernelValidation.standardCases[2].configuration
    var short = c
    short.horizon = .minutes(20_000)
    let a = QueueingStation.run(short, seed: 3, replication: 0, eventSet: BinaryHeapEventSet<QueueingStation.Payload>.self)
    let b = QueueingStation.run(short, seed: 3, replication: 0, eventSet: QuaternaryHeapEventSet<QueueingStation.Payload>.self)
    let d = QueueingStation.run(short, seed: 3, replication: 0, eventSet: CollectionsHeapEventSet<QueueingStation.Payload>.self)
    let e = QueueingStation.run(short, seed: 3, replication: 0, eventSet: OctonaryHeapEventSet<QueueingStation.Payload>.self)
    #expect(a == b)
    #expect(a == d)
    #expect(a == e)
    #expect(a.eventsExecuted > 90_000)
  }
}

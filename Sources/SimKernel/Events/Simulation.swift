/// The simulation clock and loop: owns the pending-event set, advances time
/// from event to event and hands each payload to a ``SimulationModel``.
///
/// Ordering is by (time, insertion sequence), so equal-time events run in the
/// order they were scheduled. Scheduling before ``now`` throws
/// ``SimulationError/scheduledInThePast(requested:now:)``.
///
/// **Hold optimisation.** While a handler runs, the firing event stays at the
/// top of the set; the handler's first ``schedule(_:at:)`` replaces it in one
/// sift (``EventSet/replaceMin(with:)``). Only if the handler schedules nothing
/// is the event removed afterwards. A set whose replacement costs a removal
/// and an insertion anyway (``EventSet/removesBeforeHandling``, the ladder)
/// gives up the event before the handler runs instead.
///
/// **Source slot.** A process that always has exactly one event pending (an
/// arrival stream, each arrival scheduling the next) can keep it beside the
/// set, in one slot (``scheduleSource(_:at:)``); before each step the loop
/// compares the slot's key with the set's earliest. The order of a run is the
/// same as if the event had gone into the set.
///
/// **Cancellation** is lazy (see ``EventSet``): ``cancel(_:)`` is O(1) and
/// exact — it reports whether the event was still pending.
public struct Simulation<Events: EventSet> {
  public typealias Payload = Events.Payload

  /// Why ``run(_:until:)`` returned.
  public enum StopReason: Hashable, Sendable {
    /// No event was left.
    case exhausted
    /// The next event lies after the time limit.
    case reachedLimit
    /// A handler called ``Simulation/stop()``.
    case stopped
  }

  /// The current simulated time.
  @inlinable public var now: SimTime { clock }
  /// Events handled so far (cancelled events are not counted).
  @inlinable public var eventsExecuted: UInt64 { executed }

  @usableFromInline var clock: SimTime
  @usableFromInline var executed: UInt64 = 0

  @usableFromInline var events: Events
  @usableFromInline var nextSequence: UInt64 = 0
  /// Key of the event being handled, while its removal is deferred.
  @usableFromInline var firing: EventKey? = nil
  @usableFromInline var stopRequested = false
  /// The source's pending event, kept beside the set (``scheduleSource(_:at:)``).
  @usableFromInline var source: Event<Payload>? = nil
  /// The latest key the run's next step may take from the set: the run's
  /// limit, or the source's key when that is earlier. Kept up to date as the
  /// source changes, so that the loop does not work it out at every step.
  @usableFromInline var stepBound = EventKey(time: .distantFuture, sequence: .max)
  /// The key of the run's limit (its time, and the largest sequence number).
  @usableFromInline var limitKey = EventKey(time: .distantFuture, sequence: .max)

  /// A simulation at `start` with an empty event set.
  @inlinable
  public init(start: SimTime = .zero, events: Events = Events()) {
    self.clock = start
    self.events = events
  }

  /// The number of pending events.
  @inlinable
  public var pendingCount: Int { events.count - (firing == nil ? 0 : 1) + (source == nil ? 0 : 1) }

  /// Reserves room for `n` pending events so that the loop never allocates
  /// while fewer are pending.
  @inlinable
  public mutating func reserveCapacity(_ n: Int) {
    events.reserveCapacity(n)
  }

  /// Schedules `payload` to fire at `time`.
  ///
  /// - Throws: ``SimulationError/scheduledInThePast(requested:now:)`` if
  ///   `time` is before ``now``.
  /// - Complexity: O(log *n*).
  @inlinable
  @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime) throws(SimulationError) -> EventHandle {
    guard time >= now else { throw .scheduledInThePast(requested: time, now: now) }
    let key = EventKey(time: time, sequence: nextSequence)
    nextSequence &+= 1
    if firing != nil {
      firing = nil
      _ = events.replaceMin(with: Event(key: key, payload: payload))
    } else {
      events.insert(Event(key: key, payload: payload))
    }
    return EventHandle(key: key)
  }

  /// Schedules the next event of the simulation's source: a process that
  /// always has exactly one event pending, such as an arrival stream whose
  /// every arrival schedules the next. The event waits in a slot beside the
  /// event set and never pays the set's insertion and removal; it gets the
  /// next sequence number like any other, so the run's order is exactly that
  /// of ``schedule(_:at:)``. If the slot holds an event already, this one
  /// goes into the set.
  ///
  /// - Throws: ``SimulationError/scheduledInThePast(requested:now:)`` if
  ///   `time` is before ``now``.
  /// - Complexity: O(1).
  @inlinable
  @discardableResult
  public mutating func scheduleSource(_ payload: Payload, at time: SimTime) throws(SimulationError) -> EventHandle {
    guard source == nil else { return try schedule(payload, at: time) }
    guard time >= now else { throw .scheduledInThePast(requested: time, now: now) }
    let key = EventKey(time: time, sequence: nextSequence)
    nextSequence &+= 1
    source = Event(key: key, payload: payload)
    if key < limitKey { stepBound = key }
    return EventHandle(key: key, isSource: true)
  }

  /// Schedules `payload` to fire `delay` from now.
  ///
  /// - Throws: ``SimulationError/scheduledInThePast(requested:now:)`` if
  ///   `delay` is negative.
  /// - Complexity: O(log *n*).
  @inlinable
  @discardableResult
  public mutating func schedule(_ payload: Payload, after delay: SimDuration) throws(SimulationError) -> EventHandle {
    try schedule(payload, at: now + delay)
  }

  /// Cancels a pending event. Returns `false`, changing nothing, if it has
  /// already fired, is firing now, or was cancelled before.
  ///
  /// - Complexity: O(1).
  @inlinable
  @discardableResult
  public mutating func cancel(_ handle: EventHandle) -> Bool {
    if handle.isSource {
      guard source?.key == handle.key else { return false }
      source = nil
      stepBound = limitKey
      return true
    }
    if let firing, !(firing < handle.key) { return false }
    return events.cancel(handle.key)
  }

  /// The time of the earliest pending event (a cancelled one included until
  /// its time comes), or `nil` when none is pending or one is being handled.
  @inlinable
  public mutating func nextEventTime() -> SimTime? {
    guard firing == nil else { return nil }
    let inSet = events.peek()?.key.time
    guard let s = source?.key.time else { return inSet }
    return inSet.map { Swift.min($0, s) } ?? s
  }

  /// Asks ``run(_:until:)`` to return after the current handler.
  @inlinable
  public mutating func stop() {
    stopRequested = true
  }

  @inlinable
  mutating func completeDeferredRemoval() {
    if firing != nil {
      firing = nil
      _ = events.removeMin()
    }
  }

  /// Runs events in order until none is left, the next one lies after
  /// `limit`, or a handler calls ``stop()``.
  ///
  /// Events at exactly `limit` run. When the run ends because of the limit or
  /// because events ran out, and `limit` is finite, the clock is advanced to
  /// `limit` (so time-weighted statistics can be closed at the horizon); after
  /// ``stop()`` it stays at the stopping event's time. Cancelled events are
  /// discarded when their time comes, and the clock passes through their time
  /// like any other event's (without calling the model).
  ///
  /// - Throws: the first error a handler throws; the simulation is left
  ///   consistent (the failing event counts as fired) and may be inspected.
  @inlinable
  @discardableResult
  public mutating func run<Model: SimulationModel>(
    _ model: inout Model, until limit: SimTime = .distantFuture
  ) throws(SimulationError) -> StopReason where Model.Payload == Payload {
    stopRequested = false
    var reason = StopReason.exhausted
    limitKey = EventKey(time: limit, sequence: .max)
    stepBound = limitKey
    if let s = source, s.key < limitKey { stepBound = s.key }
    while true {
      // The next event: the set's earliest, unless the source's is earlier.
      var taken: Event<Payload>?
      if events.removesBeforeHandling {
        // The event leaves the set first; the handler's schedules insert.
        taken = events.removeMin(notAfter: stepBound)
      } else if let first = events.peek(notAfter: stepBound.time), !(stepBound < first.key) {
        // It stays at the top while its handler runs (the hold step).
        taken = first
        firing = first.key
      }
      if taken == nil, let s = source, s.key.time <= limit {
        taken = s
        source = nil
        stepBound = limitKey
      }
      guard let next = taken else {
        if !events.isEmpty || source != nil { reason = .reachedLimit }
        break
      }
      clock = next.key.time
      executed &+= 1
      do {
        try model.handle(next.payload, in: &self)
      } catch {
        completeDeferredRemoval()
        throw error
      }
      completeDeferredRemoval()
      if stopRequested {
        stopRequested = false
        return .stopped
      }
    }
    // Cancelled events discarded on the way count as passed: the clock never
    // stays behind a key that has left the event set.
    if let passed = events.lastRemovedKey?.time, passed > clock { clock = passed }
    if limit != .distantFuture, limit > clock { clock = limit }
    return reason
  }
}

/// The pending-event set of a simulation: a monotone priority queue of
/// ``Event``s ordered by ``EventKey`` (time, then insertion sequence).
///
/// The set is separate from the ``Simulation`` that drives it (as in ns-3's
/// scheduler interface), so implementations can be swapped and compared; one
/// conformance test suite runs against all of them.
///
/// **Monotone.** Every inserted key must be greater than ``lastRemovedKey``,
/// the key of the last event that left the set (delivered, or discarded after
/// cancellation). A simulation guarantees this because its clock never falls
/// behind a removed key, it never schedules in the past, and sequence numbers
/// only grow. Monotonicity is what makes cancellation exact: an event whose key
/// is at or below the last removed key has already left the set.
///
/// **Cancellation is lazy.** ``cancel(_:)`` records the key in a tombstone set
/// and leaves the event where it is; the event is discarded when it reaches the
/// top. The tombstone set holds only keys of events still in the set, so it is
/// bounded by the number of pending events.
public protocol EventSet<Payload> {
  associatedtype Payload

  /// An empty set.
  init()

  /// The number of pending (not cancelled) events.
  var count: Int { get }

  /// Whether no event is pending.
  var isEmpty: Bool { get }

  /// Reserves storage for `minimumCapacity` events, so that a run whose
  /// pending set stays below it never allocates.
  mutating func reserveCapacity(_ minimumCapacity: Int)

  /// Adds an event.
  ///
  /// - Precondition: `event.key` is greater than the last removed key.
  /// - Complexity: O(log *n*).
  mutating func insert(_ event: Event<Payload>)

  /// The earliest pending event if its time is at or before `limit`, else
  /// `nil`. Mutating because it discards cancelled events that have reached
  /// the top — but only those at or before `limit`, so that a caller whose
  /// clock stops at `limit` never sees a removed key after its clock.
  ///
  /// - Complexity: O(1), plus O(log *n*) per cancelled event discarded.
  mutating func peek(notAfter limit: SimTime) -> Event<Payload>?

  /// The key of the last event that left the set, delivered or discarded
  /// after cancellation. Every later insertion must be greater.
  var lastRemovedKey: EventKey? { get }

  /// Removes and returns the earliest pending event.
  ///
  /// - Complexity: O(log *n*), plus O(log *n*) per cancelled event discarded.
  mutating func removeMin() -> Event<Payload>?

  /// Replaces the earliest pending event with `event` and returns the one
  /// replaced: one sift instead of a removal and an insertion. This is the
  /// "hold" step of a simulation, where a handler reschedules as it fires.
  ///
  /// - Precondition: the set is not empty, and `event.key` is greater than the
  ///   key of the event it replaces.
  /// - Complexity: O(log *n*).
  mutating func replaceMin(with event: Event<Payload>) -> Event<Payload>

  /// Whether ``Simulation`` takes each event out before handling it
  /// (``removeMin(notAfter:)``) instead of leaving it at the top for the
  /// handler's first scheduling to replace (``replaceMin(with:)``). True for
  /// sets whose replacement is a removal and an insertion anyway (a ladder),
  /// where looking first and removing later does the work twice.
  var removesBeforeHandling: Bool { get }

  /// Removes and returns the earliest pending event if its key is at or
  /// before `bound`, else `nil` (discarding cancelled events at the top up
  /// to `bound`'s time, as ``peek(notAfter:)``). A bound of a time and the
  /// largest sequence number means "at or before that time".
  mutating func removeMin(notAfter bound: EventKey) -> Event<Payload>?

  /// Marks the pending event with `key` as cancelled.
  ///
  /// Returns `false`, and changes nothing, when no such event is pending (it
  /// was removed or cancelled already).
  ///
  /// - Precondition: `key` was inserted into this set.
  /// - Complexity: O(1).
  @discardableResult
  mutating func cancel(_ key: EventKey) -> Bool
}

extension EventSet {
  /// False: the simulation leaves the firing event at the top (the hold
  /// optimisation, one sift for a heap).
  @inlinable
  public var removesBeforeHandling: Bool { false }

  /// ``replaceMin(with:)`` for a set whose replacement is a removal and an
  /// insertion (a ladder, a radix heap): no single sift to save.
  @inlinable
  mutating func replaceMinByRemovalAndInsertion(with event: Event<Payload>) -> Event<Payload> {
    guard let old = removeMin() else { preconditionFailure("replaceMin on an empty event set") }
    precondition(old.key < event.key, "replaceMin with a key before the minimum")
    insert(event)
    return old
  }

  /// ``peek(notAfter:)``, then ``removeMin()``.
  @inlinable
  public mutating func removeMin(notAfter bound: EventKey) -> Event<Payload>? {
    guard let first = peek(notAfter: bound.time), !(bound < first.key) else { return nil }
    return removeMin()
  }

  /// The earliest pending event, or `nil` when empty (discarding cancelled
  /// events at the top, whatever their time).
  @inlinable
  public mutating func peek() -> Event<Payload>? {
    peek(notAfter: .distantFuture)
  }
}

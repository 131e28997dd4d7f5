/// A radix heap of events (Ahuja, Mehlhorn, Orlin & Tarjan 1990), keyed by
/// the events' integer time, with lazy cancellation.
///
/// Simulated time is integer milliseconds and never goes backwards, which is
/// what a radix heap needs: bucket *i* ≥ 1 holds the events whose time first
/// differs from the current minimum time `last` in bit *i* − 1, bucket 0 those
/// at `last` itself. Taking the minimum empties bucket 0 in order, then
/// redistributes the first non-empty bucket around its own minimum; each
/// event moves to a lower bucket at most 64 times over its life, and usually
/// a few. No comparisons of whole keys are needed: an event's bucket is a
/// function of its time and `last` only.
///
/// **FIFO ties.** Events of equal time are always in the same bucket (their
/// bucket depends only on the time), appends and redistribution keep their
/// order, and they are appended in insertion order, which is sequence order:
/// so equal times leave first-in-first-out, exactly as ``EventKey`` orders
/// them, and a run is the same event for event as on a heap.
///
/// **Peeking past a limit.** Finding the minimum advances `last` to its time
/// even when the caller only peeks (a run that stops at a limit before it).
/// An event scheduled later between the clock and that time is then below
/// `last`; the heap is rebuilt around it, keeping every event's order. That
/// happens once per such stop, not per event.
public struct RadixHeapEventSet<Payload>: EventSet {
  /// 65 buckets: 0 for the minimum time, i for a highest differing bit i − 1.
  @usableFromInline var buckets: [[Event<Payload>]] = Array(repeating: [], count: 65)
  /// Bucket 0 is consumed from the front: its next event.
  @usableFromInline var head = 0
  /// The minimum time, as an order-preserving unsigned number.
  @usableFromInline var last: UInt64 = 0
  /// Events stored, cancelled ones included.
  @usableFromInline var stored = 0
  /// Bit i − 1 set when bucket i ≥ 1 holds events: the first non-empty
  /// bucket in one instruction instead of a scan of 64 arrays.
  @usableFromInline var occupied: UInt64 = 0
  /// Where a bucket's events wait while they are redistributed (kept, so
  /// that steady state does not allocate).
  @usableFromInline var scratch: [Event<Payload>] = []
  @usableFromInline var tombstones = Tombstones()

  @inlinable
  public init() {}

  @inlinable
  public var count: Int { stored - tombstones.count }

  @inlinable
  public var isEmpty: Bool { count == 0 }

  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    buckets[0].reserveCapacity(min(minimumCapacity, 1 << 12))
    scratch.reserveCapacity(min(minimumCapacity, 1 << 12))
  }

  /// The time of `key` as an unsigned number of the same order.
  @inlinable @inline(__always)
  static func radix(_ key: EventKey) -> UInt64 { UInt64(bitPattern: key.time.milliseconds) ^ (1 << 63) }

  @inlinable @inline(__always)
  func bucket(_ t: UInt64) -> Int { t == last ? 0 : 64 &- (t ^ last).leadingZeroBitCount }

  /// - Complexity: O(1) amortised (O(n) once after a peek past a limit).
  @inlinable
  public mutating func insert(_ event: Event<Payload>) {
    #if SIMKERNEL_INVARIANTS
      tombstones.checkMonotone(event.key)
    #endif
    let t = Self.radix(event.key)
    if stored == 0 {
      buckets[0].removeAll(keepingCapacity: true)
      head = 0
      last = t
    } else if t < last {
      rebuild(around: t)
    }
    file(event, t)
    stored &+= 1
  }

  /// Appends `event` (of time `t`) to its bucket.
  @inlinable @inline(__always)
  mutating func file(_ event: Event<Payload>, _ t: UInt64) {
    let b = bucket(t)
    buckets[b].append(event)
    if b > 0 { occupied |= 1 &<< UInt64(b &- 1) }
  }

  /// - Complexity: O(1) amortised, plus the same per cancelled event discarded.
  @inlinable
  public mutating func peek(notAfter limit: SimTime) -> Event<Payload>? {
    while stored > 0 {
      settleMinimum()
      let top = buckets[0][head]
      guard top.key.time <= limit else { return nil }
      guard tombstones.count > 0, tombstones.cancelled.contains(top.key.sequence) else { return top }
      popMinimum()
      _ = tombstones.remove(top.key)
    }
    return nil
  }

  @inlinable
  public var lastRemovedKey: EventKey? { tombstones.lastRemoved }

  @inlinable
  public mutating func removeMin() -> Event<Payload>? {
    while stored > 0 {
      settleMinimum()
      let top = buckets[0][head]
      popMinimum()
      if !tombstones.remove(top.key) { return top }
    }
    return nil
  }

  @inlinable
  public mutating func replaceMin(with event: Event<Payload>) -> Event<Payload> {
    replaceMinByRemovalAndInsertion(with: event)
  }

  @inlinable
  @discardableResult
  public mutating func cancel(_ key: EventKey) -> Bool {
    tombstones.cancel(key)
  }

  // MARK: - Buckets

  /// Makes bucket 0 hold the minimum: when it is used up, the first
  /// non-empty bucket is redistributed around its smallest time.
  /// - Precondition: the set holds an event.
  @inlinable @inline(__always)
  mutating func settleMinimum() {
    if head < buckets[0].count { return }
    redistribute()
  }

  @inlinable @inline(never)
  mutating func redistribute() {
    buckets[0].removeAll(keepingCapacity: true)
    head = 0
    let i = occupied.trailingZeroBitCount &+ 1
    occupied &= ~(1 &<< UInt64(i &- 1))
    swap(&scratch, &buckets[i])
    var minimum = UInt64.max
    for e in scratch { minimum = Swift.min(minimum, Self.radix(e.key)) }
    last = minimum
    for e in scratch { file(e, Self.radix(e.key)) }
    scratch.removeAll(keepingCapacity: true)
  }

  @inlinable @inline(__always)
  mutating func popMinimum() {
    head &+= 1
    stored &-= 1
  }

  /// Re-files every event around `t`, a time below `last` (see the type's
  /// notes), keeping the order of equal times.
  @inlinable @inline(never)
  mutating func rebuild(around t: UInt64) {
    var all: [Event<Payload>] = Array(buckets[0][head...])
    for i in 1..<buckets.count { all += buckets[i] }
    for i in buckets.indices { buckets[i].removeAll(keepingCapacity: true) }
    head = 0
    occupied = 0
    last = t
    for e in all { file(e, Self.radix(e.key)) }
  }
}

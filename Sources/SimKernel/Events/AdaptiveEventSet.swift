/// The kernel's default event set: a 4-ary heap while few events are
/// pending, a ladder queue once many are.
///
/// Measured on the hold model (`Benchmarks/compare-peers.sh`, docs/performance.md):
/// with about a hundred events pending the heap's few comparisons cost less
/// than the ladder's bucket book-keeping; from about ten thousand the ladder's
/// O(1) work per event wins, by 2× at a million, and on the order model (a
/// few thousand to a hundred thousand pending) it executes fewer instructions
/// per order. The set moves its events to the ladder when more than
/// ``ladderAbove`` are stored and back to the heap below ``heapBelow``; the gap
/// keeps a simulation hovering at one size from moving back and forth.
///
/// Both tiers deliver events in exactly (time, sequence) order, so which one
/// holds them never changes a run. Cancelled events are dropped when they move.
public struct AdaptiveEventSet<Payload>: EventSet {
  @usableFromInline var heap = QuaternaryHeapEventSet<Payload>()
  @usableFromInline var ladder = LadderEventSet<Payload>()
  @usableFromInline var usesLadder = false

  /// Stored events above which the heap's events move to the ladder.
  public static var ladderAbove: Int { 2048 }
  /// Stored events below which the ladder's events move back to the heap.
  public static var heapBelow: Int { 512 }

  @inlinable
  public init() {}

  @inlinable
  public var count: Int { usesLadder ? ladder.count : heap.count }

  @inlinable
  public var isEmpty: Bool { count == 0 }

  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    heap.reserveCapacity(Swift.min(minimumCapacity, Self.ladderAbove + 1))
    if minimumCapacity > Self.ladderAbove { ladder.reserveCapacity(minimumCapacity) }
  }

  // Always inlined: called for every event scheduled, it was a call of its
  // own around the ladder's (callgrind, model-throughput phases 30000:
  // 1,364.5 -> 1,342.5 x 10^6 instructions).
  @inlinable @inline(__always)
  public mutating func insert(_ event: Event<Payload>) {
    if usesLadder {
      ladder.insert(event)
    } else {
      heap.insert(event)
      if heap.storage.count > Self.ladderAbove { moveToLadder() }
    }
  }

  @inlinable
  public mutating func peek(notAfter limit: SimTime) -> Event<Payload>? {
    usesLadder ? ladder.peek(notAfter: limit) : heap.peek(notAfter: limit)
  }

  @inlinable
  public var lastRemovedKey: EventKey? { usesLadder ? ladder.lastRemovedKey : heap.lastRemovedKey }

  @inlinable
  public mutating func removeMin() -> Event<Payload>? {
    guard usesLadder else { return heap.removeMin() }
    let first = ladder.removeMin()
    if ladder.stored < Self.heapBelow { moveToHeap() }
    return first
  }

  /// While the ladder holds the events (see ``LadderEventSet/removesBeforeHandling``).
  @inlinable
  public var removesBeforeHandling: Bool { usesLadder }

  @inlinable @inline(__always)
  public mutating func removeMin(notAfter bound: EventKey) -> Event<Payload>? {
    guard usesLadder else { return heap.removeMin(notAfter: bound) }
    let first = ladder.removeMin(notAfter: bound)
    if ladder.stored < Self.heapBelow { moveToHeap() }
    return first
  }

  @inlinable
  public mutating func replaceMin(with event: Event<Payload>) -> Event<Payload> {
    usesLadder ? ladder.replaceMin(with: event) : heap.replaceMin(with: event)
  }

  @inlinable
  @discardableResult
  public mutating func cancel(_ key: EventKey) -> Bool {
    usesLadder ? ladder.cancel(key) : heap.cancel(key)
  }

  /// Moves the heap's live events to the (empty) ladder, in key order so
  /// that its lists keep insertion order equal to key order.
  @inlinable @inline(never)
  mutating func moveToLadder() {
    let cancelled = heap.tombstones.cancelled
    var events = heap.storage.filter { !cancelled.contains($0.key.sequence) }
    events.sort { $0.key.ordinal < $1.key.ordinal }
    ladder.removeAll(keepingHistory: false)
    ladder.tombstones.lastRemoved = heap.tombstones.lastRemoved
    for event in events { ladder.insert(event) }
    heap.storage.removeAll(keepingCapacity: true)
    heap.tombstones = Tombstones()
    usesLadder = true
  }

  /// Moves the ladder's live events back to the (empty) heap.
  @inlinable @inline(never)
  mutating func moveToHeap() {
    let cancelled = ladder.tombstones.cancelled
    var live: [Event<Payload>] = []
    live.reserveCapacity(ladder.stored)
    ladder.forEachStored { if !cancelled.contains($0.key.sequence) { live.append($0) } }
    heap.storage.removeAll(keepingCapacity: true)
    heap.tombstones = Tombstones()
    heap.tombstones.lastRemoved = ladder.tombstones.lastRemoved
    for event in live { heap.insert(event) }
    ladder.removeAll(keepingHistory: false)
    usesLadder = false
  }
}

/// The kernel's default event set (see ``AdaptiveEventSet``).
public typealias DefaultEventSet<Payload> = AdaptiveEventSet<Payload>

/// A ladder queue of events (Tang, Goh & Thng 2005) over the events' integer
/// time, with lazy cancellation: O(1) amortised per event where a heap pays
/// O(log *n*) comparisons.
///
/// Three tiers, each holding only events later than the tier below:
/// - **top**: an unsorted list of the events at or after ``topStart``, with
///   their minimum and maximum time;
/// - **rungs**: a stack of bucket arrays. The first rung is made from the top
///   when everything below is used up, with a few events a bucket; a
///   bucket with more than `spawnThreshold` events is split into a finer
///   rung when its turn comes. Bucket widths are powers of two milliseconds,
///   so an event's bucket is a subtraction and a shift;
/// - **bottom**: the few earliest events, sorted, consumed from the front.
///
/// Widths come from the events themselves (span over count), so the queue
/// adapts to delays of milliseconds (the hold benchmark) or of days (the order
/// model) without tuning.
///
/// **Exact order.** Every bucket and the top are linked lists in reverse
/// insertion order, which is reverse sequence order: a later insertion always
/// has a higher sequence number, and a list is reversed in place before its
/// nodes move, oldest first. The
/// bottom is sorted by the full ``EventKey``, so events leave in exactly the
/// heap's order: time, then first-in-first-out. A bucket one millisecond wide
/// holds events of one time, already in order, and is never split.
///
/// **Memory.** Events live in one pool of nodes (event and link) reused
/// through a free list, and rungs share one array of list heads: once the pool
/// and the arrays have reached the largest pending count, nothing allocates.
///
/// **Peeking past a limit** needs no special care: the tiers are ranges of
/// time, and an event scheduled between the clock and a peeked minimum lands
/// in the bottom (or the finest rung) like any other.
public struct LadderEventSet<Payload>: EventSet {
  /// An event and the index of the next node in its list (−1 ends a list).
  @usableFromInline struct Node {
    @usableFromInline var event: Event<Payload>
    @usableFromInline var next: Int32
    @inlinable init(event: Event<Payload>, next: Int32) {
      self.event = event
      self.next = next
    }
  }

  /// One rung: `size` buckets of width 2^`shift` ms from `start`, whose list
  /// heads are `heads[base...]`; buckets before `next` are used up.
  @usableFromInline struct Rung {
    @usableFromInline var start: UInt64
    @usableFromInline var shift: UInt64
    @usableFromInline var base: Int
    @usableFromInline var size: Int
    @usableFromInline var next = 0
    @inlinable init(start: UInt64, shift: UInt64, base: Int, size: Int) {
      self.start = start
      self.shift = shift
      self.base = base
      self.size = size
    }
  }

  /// A bucket with more events than this becomes a finer rung instead of
  /// going to the bottom.
  @usableFromInline static var spawnThreshold: Int { 32 }
  /// Events per bucket that a new rung aims at: a few, so that one refill of
  /// the bottom serves several events (measured on the order model: 1 per
  /// bucket costs more instructions than 4).
  @usableFromInline static var bucketLoad: Int { 4 }
  /// A bottom holding more events than this (of more than one time) becomes
  /// a rung.
  @usableFromInline static var bottomLimit: Int { 4 * spawnThreshold }
  /// Rungs deeper than this are not made; the bucket is sorted instead.
  @usableFromInline static var maximumRungs: Int { 24 }

  @usableFromInline var nodes: [Node] = []
  @usableFromInline var freeList: Int32 = -1
  /// The top's list, length, and earliest and latest time.
  @usableFromInline var topHead: Int32 = -1
  @usableFromInline var topCount = 0
  @usableFromInline var topMinimum = UInt64.max
  @usableFromInline var topMaximum: UInt64 = 0
  /// Events at or after this time go to the top (while `topBounded`).
  @usableFromInline var topStart: UInt64 = 0
  /// False when the first rung reaches the end of time.
  @usableFromInline var topBounded = true
  @usableFromInline var rungs: [Rung] = []
  /// Every rung's bucket list heads, rung after rung; `headsEnd` in use.
  @usableFromInline var heads: [Int32] = []
  @usableFromInline var headsEnd = 0
  /// The sorted bottom: `bottom[bottomHead..<bottomEnd]`.
  @usableFromInline var bottom: [Event<Payload>] = []
  @usableFromInline var bottomHead = 0
  @usableFromInline var bottomEnd = 0
  /// Events stored, cancelled ones included.
  @usableFromInline var stored = 0
  @usableFromInline var tombstones = Tombstones()

  @inlinable
  public init() {}

  @inlinable
  public var count: Int { stored - tombstones.count }

  @inlinable
  public var isEmpty: Bool { count == 0 }

  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    nodes.reserveCapacity(minimumCapacity)
    // Rungs hold about bucketLoad events a bucket; finer rungs and crowded
    // buckets need more now and then: room for twice that.
    heads.reserveCapacity(2 * minimumCapacity / Self.bucketLoad + 64)
    bottom.reserveCapacity(Swift.min(minimumCapacity, 1024))
    rungs.reserveCapacity(Self.maximumRungs)
    // Events are reached through links, in no order the TLB can guess:
    // huge pages cut its misses (as for the heap's array).
    nodes.withUnsafeMutableBufferPointer { pool in
      HugePages.advise(UnsafeMutableRawPointer(pool.baseAddress), bytes: minimumCapacity * MemoryLayout<Node>.stride)
    }
  }

  /// The time of `key` as an unsigned number of the same order.
  @inlinable @inline(__always)
  static func radix(_ key: EventKey) -> UInt64 { UInt64(bitPattern: key.time.milliseconds) ^ (1 << 63) }

  /// - Complexity: O(1) amortised.
  @inlinable
  public mutating func insert(_ event: Event<Payload>) {
    #if SIMKERNEL_INVARIANTS
      tombstones.checkMonotone(event.key)
    #endif
    if stored == 0, !rungs.isEmpty || !topBounded { removeAll() }
    stored &+= 1
    let t = Self.radix(event.key)
    if topBounded, t >= topStart {
      topHead = link(event, before: topHead)
      topCount &+= 1
      topMinimum = Swift.min(topMinimum, t)
      topMaximum = Swift.max(topMaximum, t)
      return
    }
    var r = 0
    while r < rungs.count {
      // A rung takes the times of its buckets not used up yet; comparing
      // bucket numbers rather than times cannot overflow at the end of time.
      let rung = rungs[r]
      if t >= rung.start {
        let k = Int(truncatingIfNeeded: (t &- rung.start) &>> rung.shift)
        if k >= rung.next {
          let b = rung.base &+ k
          heads[b] = link(event, before: heads[b])
          return
        }
      }
      r &+= 1
    }
    insertIntoBottom(event)
  }

  /// - Complexity: O(1) amortised, plus the same per cancelled event discarded.
  @inlinable
  public mutating func peek(notAfter limit: SimTime) -> Event<Payload>? {
    while stored > 0 {
      if bottomHead == bottomEnd { refill() }
      let first = bottom[bottomHead]
      guard first.key.time <= limit else { return nil }
      guard tombstones.count > 0, tombstones.cancelled.contains(first.key.sequence) else { return first }
      bottomHead &+= 1
      stored &-= 1
      _ = tombstones.remove(first.key)
    }
    return nil
  }

  @inlinable
  public var lastRemovedKey: EventKey? { tombstones.lastRemoved }

  /// - Complexity: O(1) amortised, plus the same per cancelled event discarded.
  @inlinable
  public mutating func removeMin() -> Event<Payload>? {
    while stored > 0 {
      if bottomHead == bottomEnd { refill() }
      let first = bottom[bottomHead]
      bottomHead &+= 1
      stored &-= 1
      if !tombstones.remove(first.key) { return first }
    }
    return nil
  }

  /// True: a replacement is a removal and an insertion here.
  @inlinable
  public var removesBeforeHandling: Bool { true }

  /// - Complexity: O(1) amortised, plus the same per cancelled event discarded.
  @inlinable @inline(__always)
  public mutating func removeMin(notAfter bound: EventKey) -> Event<Payload>? {
    while stored > 0 {
      if bottomHead == bottomEnd { refill() }
      let first = bottom[bottomHead]
      guard !(bound < first.key) else { return nil }
      bottomHead &+= 1
      stored &-= 1
      if !tombstones.remove(first.key) { return first }
    }
    return nil
  }

  /// - Complexity: O(1) amortised.
  @inlinable
  public mutating func replaceMin(with event: Event<Payload>) -> Event<Payload> {
    replaceMinByRemovalAndInsertion(with: event)
  }

  /// - Complexity: O(1).
  @inlinable
  @discardableResult
  public mutating func cancel(_ key: EventKey) -> Bool {
    tombstones.cancel(key)
  }
}

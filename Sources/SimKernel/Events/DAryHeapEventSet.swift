/// An implicit d-ary min-heap of events in one contiguous array, with lazy
/// cancellation.
///
/// This is the kernel's own heap rather than swift-collections' `Heap`
/// (available as ``CollectionsHeapEventSet``) because the hold benchmark
/// shows it faster: through the same kernel loop at 10⁴ pending events,
/// 156 ns per event for the 8-ary heap against 278 ns on `Heap`
/// (`swift package --package-path Benchmarks benchmark`); at 10⁶ the whole
/// kernel loop (383 ns) beats even a bare hold loop on `Heap` with no kernel
/// around it (604 ns, `Benchmarks/compare-peers.sh`). `Heap` is a min-max heap,
/// whose alternating levels cost extra comparisons, and it has no arity
/// choice. Sifts here move a "hole" instead of swapping, so each level costs
/// one element copy.
///
/// Build with `-Xswiftc -DSIMKERNEL_INVARIANTS` to verify the heap property
/// after every mutation (slow: O(n) per operation).
public struct DAryHeapEventSet<Payload, Arity: HeapArity>: EventSet {
  @usableFromInline var storage: [Event<Payload>] = []
  @usableFromInline var tombstones = Tombstones()

  @inlinable
  public init() {}

  @inlinable
  public var count: Int { storage.count - tombstones.count }

  @inlinable
  public var isEmpty: Bool { count == 0 }

  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    storage.reserveCapacity(minimumCapacity)
    storage.withUnsafeMutableBufferPointer { buffer in
      HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: minimumCapacity * MemoryLayout<Event<Payload>>.stride)
    }
  }

  /// - Complexity: O(log *n*).
  @inlinable
  public mutating func insert(_ event: Event<Payload>) {
    #if SIMKERNEL_INVARIANTS
      tombstones.checkMonotone(event.key)
    #endif
    storage.append(event)
    siftUp(from: storage.count - 1)
    checkInvariants()
  }

  /// - Complexity: O(1), plus O(log *n*) per cancelled event discarded.
  @inlinable
  public mutating func peek(notAfter limit: SimTime) -> Event<Payload>? {
    discardCancelledTop(notAfter: limit)
    guard let top = storage.first, top.key.time <= limit else { return nil }
    return top
  }

  @inlinable
  public var lastRemovedKey: EventKey? { tombstones.lastRemoved }

  /// - Complexity: O(log *n*), plus O(log *n*) per cancelled event discarded.
  @inlinable
  public mutating func removeMin() -> Event<Payload>? {
    defer { checkInvariants() }
    while let top = removeTop() {
      if !tombstones.remove(top.key) { return top }
    }
    return nil
  }

  /// - Complexity: O(log *n*).
  @inlinable
  public mutating func replaceMin(with event: Event<Payload>) -> Event<Payload> {
    discardCancelledTop()
    precondition(!storage.isEmpty, "replaceMin on an empty event set")
    let old = storage[0]
    precondition(old.key < event.key, "replaceMin with a key before the minimum")
    _ = tombstones.remove(old.key)
    siftDown(placing: event, from: 0)
    checkInvariants()
    return old
  }

  /// - Complexity: O(1).
  @inlinable
  @discardableResult
  public mutating func cancel(_ key: EventKey) -> Bool {
    tombstones.cancel(key)
  }

  // MARK: - Heap mechanics

  /// Discards cancelled events at the top; the check for "none cancelled" is
  /// inlined into the hot path, the loop is not.
  @inlinable @inline(__always)
  mutating func discardCancelledTop(notAfter limit: SimTime = .distantFuture) {
    if tombstones.count > 0 { discardCancelledTopSlow(notAfter: limit) }
  }

  @inlinable @inline(never)
  mutating func discardCancelledTopSlow(notAfter limit: SimTime) {
    while tombstones.count > 0, let top = storage.first, top.key.time <= limit,
      tombstones.cancelled.contains(top.key.sequence)
    {
      _ = removeTop()
      _ = tombstones.remove(top.key)
    }
    checkInvariants()
  }

  /// Removes the root regardless of tombstones. The caller settles the
  /// tombstone book-keeping (and then checks invariants).
  @inlinable
  mutating func removeTop() -> Event<Payload>? {
    guard let last = storage.popLast() else { return nil }
    if storage.isEmpty { return last }
    let top = storage[0]
    siftDown(placing: last, from: 0)
    return top
  }

  @inlinable
  mutating func siftUp(from start: Int) {
    storage.withUnsafeMutableBufferPointer { heap in
      var hole = start
      let moving = heap[hole]
      let key = moving.key.ordinal
      while hole > 0 {
        let parent = (hole &- 1) / Arity.children
        guard key < heap[parent].key.ordinal else { break }
        heap[hole] = heap[parent]
        hole = parent
      }
      heap[hole] = moving
    }
  }

  /// Puts `element` at `start` and moves it down to its place.
  ///
  /// The scan over a node's children keeps the best key in a register and
  /// selects with a conditional move; index arithmetic cannot overflow (the
  /// array is far smaller than `Int.max / children`) and is unchecked.
  @inlinable
  mutating func siftDown(placing element: Event<Payload>, from start: Int) {
    let key = element.key.ordinal
    storage.withUnsafeMutableBufferPointer { heap in
      let n = heap.count
      var hole = start
      while true {
        let first = hole &* Arity.children &+ 1
        if first >= n { break }
        let end = first &+ Arity.children <= n ? first &+ Arity.children : n
        var best = first
        var bestKey = heap[first].key.ordinal
        var child = first &+ 1
        while child < end {
          let childKey = heap[child].key.ordinal
          if childKey < bestKey {
            best = child
            bestKey = childKey
          }
          child &+= 1
        }
        guard bestKey < key else { break }
        heap[hole] = heap[best]
        hole = best
      }
      heap[hole] = element
    }
  }

  @inlinable
  func checkInvariants() {
    #if SIMKERNEL_INVARIANTS
      for i in 1..<max(1, storage.count) {
        let parent = (i - 1) / Arity.children
        precondition(!(storage[i].key < storage[parent].key), "heap property violated at \(i)")
      }
      precondition(tombstones.count <= storage.count, "more tombstones than events")
    #endif
  }
}

/// A binary-heap event set.
public typealias BinaryHeapEventSet<Payload> = DAryHeapEventSet<Payload, BinaryArity>

/// A 4-ary-heap event set: the fastest here up to about 10⁵ pending events.
public typealias QuaternaryHeapEventSet<Payload> = DAryHeapEventSet<Payload, QuaternaryArity>

/// An 8-ary-heap event set: the fastest here at 10⁶ pending events.
public typealias OctonaryHeapEventSet<Payload> = DAryHeapEventSet<Payload, OctonaryArity>

public import HeapModule

/// An event set on swift-collections' `Heap` (a min-max heap), kept as a
/// reference implementation and a benchmark peer of ``DAryHeapEventSet``.
public struct CollectionsHeapEventSet<Payload>: EventSet {
  /// `Heap` needs `Comparable` elements; this orders events by key only.
  @usableFromInline
  struct Entry: Comparable {
    @usableFromInline var event: Event<Payload>
    @inlinable init(_ event: Event<Payload>) { self.event = event }
    @inlinable static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.event.key < rhs.event.key }
    @inlinable static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.event.key == rhs.event.key }
  }

  @usableFromInline var heap = Heap<Entry>()
  @usableFromInline var tombstones = Tombstones()

  @inlinable public init() {}

  @inlinable public var count: Int { heap.count - tombstones.count }
  @inlinable public var isEmpty: Bool { count == 0 }

  @inlinable
  public mutating func reserveCapacity(_ minimumCapacity: Int) {
    heap.reserveCapacity(minimumCapacity)
  }

  /// - Complexity: O(log *n*).
  @inlinable
  public mutating func insert(_ event: Event<Payload>) {
    heap.insert(Entry(event))
  }

  /// - Complexity: O(1), plus O(log *n*) per cancelled event discarded.
  @inlinable
  public mutating func peek(notAfter limit: SimTime) -> Event<Payload>? {
    while tombstones.count > 0, let top = heap.min, top.event.key.time <= limit,
      tombstones.cancelled.contains(top.event.key.sequence)
    {
      _ = heap.removeMin()
      _ = tombstones.remove(top.event.key)
    }
    guard let top = heap.min, top.event.key.time <= limit else { return nil }
    return top.event
  }

  @inlinable
  public var lastRemovedKey: EventKey? { tombstones.lastRemoved }

  /// - Complexity: O(log *n*).
  @inlinable
  public mutating func removeMin() -> Event<Payload>? {
    while let top = heap.popMin() {
      if !tombstones.remove(top.event.key) { return top.event }
    }
    return nil
  }

  /// - Complexity: O(log *n*).
  @inlinable
  public mutating func replaceMin(with event: Event<Payload>) -> Event<Payload> {
    guard let old = peek() else { preconditionFailure("replaceMin on an empty event set") }
    precondition(old.key < event.key, "replaceMin with a key before the minimum")
    _ = tombstones.remove(old.key)
    return heap.replaceMin(with: Entry(event)).event
  }

  /// - Complexity: O(1).
  @inlinable
  @discardableResult
  public mutating func cancel(_ key: EventKey) -> Bool {
    tombstones.cancel(key)
  }
}

/// Book-keeping for lazy cancellation, shared by the event set
/// implementations: the sequence numbers of cancelled events still in the set,
/// and the key of the last event that left it.
@usableFromInline
struct Tombstones {
  @usableFromInline var cancelled: Set<UInt64> = []
  @usableFromInline var lastRemoved: EventKey? = nil

  @inlinable init() {}

  @inlinable var count: Int { cancelled.count }

  /// Records that `key` left the set; returns `true` if it was a tombstone
  /// (a cancelled event to discard rather than deliver).
  @inlinable
  mutating func remove(_ key: EventKey) -> Bool {
    lastRemoved = key
    if cancelled.isEmpty { return false }
    return cancelled.remove(key.sequence) != nil
  }

  /// Marks `key` cancelled if it can still be pending.
  @inlinable
  mutating func cancel(_ key: EventKey) -> Bool {
    if let last = lastRemoved, !(last < key) { return false }
    return cancelled.insert(key.sequence).inserted
  }

  @inlinable
  func checkMonotone(_ key: EventKey) {
    if let last = lastRemoved {
      precondition(last < key, "EventSet is monotone: inserted \(key) is not after last removed \(last)")
    }
  }
}

/// Book-keeping for lazy cancellation, shared by the event set
/// implementations: the sequence numbers of cancelled events still in the set,
/// and the key of the last event that left it.
@usableFromInline
struct Tombstones {
  @usableFromInline var cancelled: Set<UInt64> = []
  @usableFromInline var lastRemoved: EventKey? = nil
  /// `cancelled.count`, kept inline: the hot path asks "any tombstones?"
  /// twice per event, and this answers without touching the set's storage.
  @usableFromInline var count = 0

  @inlinable init() {}

  /// Records that `key` left the set; returns `true` if it was a tombstone
  /// (a cancelled event to discard rather than deliver).
  @inlinable
  mutating func remove(_ key: EventKey) -> Bool {
    lastRemoved = key
    if count == 0 { return false }
    guard cancelled.remove(key.sequence) != nil else { return false }
    count &-= 1
    return true
  }

  /// Marks `key` cancelled if it can still be pending.
  @inlinable
  mutating func cancel(_ key: EventKey) -> Bool {
    if let last = lastRemoved, !(last < key) { return false }
    guard cancelled.insert(key.sequence).inserted else { return false }
    count &+= 1
    return true
  }

  @inlinable
  func checkMonotone(_ key: EventKey) {
    if let last = lastRemoved {
      precondition(last < key, "EventSet is monotone: inserted \(key) is not after last removed \(last)")
    }
  }
}

/// A statistic that can absorb another of its kind, as if it had seen the
/// other's observations too. Replications and shards are combined in a fixed
/// order (by replication index), so combined results do not depend on the
/// thread count.
public protocol Mergeable {
  mutating func merge(_ other: Self)
}

extension Mergeable {
  /// `self` merged with `other`.
  public func merging(_ other: Self) -> Self {
    var copy = self
    copy.merge(other)
    return copy
  }
}

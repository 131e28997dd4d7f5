/// A count of occurrences.
public struct Counter: Hashable, Sendable, Mergeable {
  public private(set) var value: Int64 = 0

  public init() {}

  /// Adds `n` (default 1).
  public mutating func increment(by n: Int64 = 1) { value += n }

  public mutating func merge(_ other: Counter) { value += other.value }
}

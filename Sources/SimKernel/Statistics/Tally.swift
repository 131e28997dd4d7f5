/// Running summary of observations: count, mean and variance by Welford's
/// algorithm, minimum and maximum. Constant memory; numerically stable.
///
/// Merging uses Chan, Golub and LeVeque's pairwise update, so a tally merged
/// from shards equals (up to rounding) one that saw every value.
public struct Tally: Hashable, Sendable, Mergeable {
  public private(set) var count: Int = 0
  public private(set) var mean: Double = 0
  /// Sum of squared deviations from the mean.
  var m2: Double = 0
  public private(set) var min: Double = .infinity
  public private(set) var max: Double = -.infinity

  public init() {}

  /// Records one observation.
  public mutating func record(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / Double(count)
    m2 += delta * (x - mean)
    if x < min { min = x }
    if x > max { max = x }
  }

  /// Sample variance (divisor n − 1); 0 with fewer than two observations.
  public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }

  /// Sample standard deviation.
  public var standardDeviation: Double { variance.squareRoot() }

  public mutating func merge(_ other: Tally) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let n = Double(count + other.count)
    let delta = other.mean - mean
    mean += delta * Double(other.count) / n
    m2 += other.m2 + delta * delta * Double(count) * Double(other.count) / n
    count += other.count
    min = Swift.min(min, other.min)
    max = Swift.max(max, other.max)
  }
}

/// A statistic with a bootstrap percentile interval: the estimate from all
/// the data, and the quantiles of the estimates from resamples (Efron's
/// percentile method). The interval need not be symmetric about the
/// estimate.
public struct BootstrapEstimate: Hashable, Sendable {
  public let value: Double
  public let lower: Double
  public let upper: Double
  /// Confidence level of [lower, upper], e.g. 0.95.
  public let level: Double

  public init(value: Double, lower: Double, upper: Double, level: Double) {
    self.value = value
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// `value` with the percentile interval of `resampled` estimates.
  public init(value: Double, resampled: [Double], level: Double) {
    precondition(level > 0 && level < 1, "a confidence level is in (0, 1)")
    self.value = value
    self.level = level
    guard !resampled.isEmpty else {
      self.lower = value
      self.upper = value
      return
    }
    let sorted = resampled.sorted()
    let tail = (1 - level) / 2
    self.lower = BootstrapEstimate.quantile(sorted, tail)
    self.upper = BootstrapEstimate.quantile(sorted, 1 - tail)
  }

  /// Whether the interval contains `x`.
  public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

  /// The `p`-quantile of sorted values, interpolating between order
  /// statistics (type 7, as R's and NumPy's defaults).
  public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let i = Int(h.rounded(.down))
    let j = Swift.min(i + 1, sorted.count - 1)
    return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
  }
}

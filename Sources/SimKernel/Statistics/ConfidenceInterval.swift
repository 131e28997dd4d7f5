internal import CGSL

/// A two-sided confidence interval for a mean from independent replications,
/// by Student's *t* (quantile from GSL's `gsl_cdf_tdist_Pinv`).
public struct ConfidenceInterval: Hashable, Sendable {
  public let mean: Double
  /// Half the interval's width; infinite with fewer than two observations.
  public let halfWidth: Double
  /// Number of replications behind it.
  public let count: Int
  /// Confidence level, e.g. 0.95.
  public let level: Double

  public var lower: Double { mean - halfWidth }
  public var upper: Double { mean + halfWidth }

  /// Whether `value` lies in the closed interval.
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

  /// Half-width relative to |mean| (infinite for a zero mean).
  public var relativeHalfWidth: Double { mean == 0 ? .infinity : halfWidth / abs(mean) }

  /// The interval for the mean of `tally`'s observations.
  public init(_ tally: Tally, level: Double = 0.95) {
    precondition(level > 0 && level < 1, "confidence level must be in (0, 1)")
    self.mean = tally.count > 0 ? tally.mean : .nan
    self.count = tally.count
    self.level = level
    if tally.count < 2 {
      self.halfWidth = .infinity
    } else {
      let t = ConfidenceInterval.studentQuantile(level: level, degreesOfFreedom: tally.count - 1)
      self.halfWidth = t * tally.standardDeviation / Double(tally.count).squareRoot()
    }
  }

  /// The interval for the mean of `values` (one per replication).
  public init(_ values: some Sequence<Double>, level: Double = 0.95) {
    var tally = Tally()
    for v in values { tally.record(v) }
    self.init(tally, level: level)
  }

  /// The two-sided Student-*t* quantile for `level` with `degreesOfFreedom`.
  public static func studentQuantile(level: Double, degreesOfFreedom: Int) -> Double {
    gsl_cdf_tdist_Pinv((1 + level) / 2, Double(degreesOfFreedom))
  }
}

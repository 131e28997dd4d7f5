internal import CGSL

extension ConfidenceInterval {
  /// The standard error of the mean behind the interval (half-width over
  /// the Student-*t* quantile); infinite with fewer than two observations.
  public var standardError: Double {
    guard count >= 2 else { return .infinity }
    return halfWidth / ConfidenceInterval.studentQuantile(level: level, degreesOfFreedom: count - 1)
  }

  /// The two-sided *p*-value of Student's *t* test that the true mean is
  /// `value` (GSL's `gsl_cdf_tdist_Q`). With no spread at all it is 0 when
  /// the mean differs from `value` and 1 when it equals it; with fewer than
  /// two observations, 1.
  public func pValue(against value: Double = 0) -> Double {
    guard count >= 2, mean.isFinite else { return 1 }
    let se = standardError
    if se == 0 || !se.isFinite { return se == 0 && mean != value ? 0 : 1 }
    let t = abs(mean - value) / se
    return min(1, 2 * gsl_cdf_tdist_Q(t, Double(count - 1)))
  }
}

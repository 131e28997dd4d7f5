internal import RealModule

/// A Pareto law with shape *a* truncated to [*lower*, *upper*], described by
/// its quantiles rather than sampled, for populations that should represent
/// a heavy-tailed distribution instead of drawing from it.
///
/// Besides the ordinary quantile it gives the quantile of the *size-biased*
/// law (each value weighted by itself: sizes of shops weighted by the
/// orders they carry), whose density is proportional to x^(−a).
public struct TruncatedPareto: Hashable, Sendable {
  public let shape: Double
  public let lower: Double
  public let upper: Double

  /// - Precondition: `0 < lower ≤ upper`, `shape > 0` (an `upper` below
  ///   `lower` is taken as `lower`).
  public init(shape: Double, lower: Double, upper: Double) {
    precondition(shape > 0 && lower > 0, "a Pareto law needs a positive shape and lower bound")
    self.shape = shape
    self.lower = lower
    self.upper = Swift.max(lower, upper)
  }

  /// The value below which the share `u` of the size-biased law lies:
  /// lower · (1 + u((upper/lower)^(1−a) − 1))^(1/(1−a)), and
  /// lower · (upper/lower)^u at a = 1.
  public func sizeBiasedQuantile(_ u: Double) -> Double {
    quantile(u, exponent: 1 - shape)
  }

  /// The ordinary quantile (the same formula with exponent −a).
  public func quantile(_ u: Double) -> Double {
    quantile(u, exponent: -shape)
  }

  /// The quantile of the law with density ∝ x^(t−1) on [lower, upper].
  private func quantile(_ u: Double, exponent t: Double) -> Double {
    let logRatio = Double.log(upper / lower)
    // expm1/log1p keep the formula exact as the exponent nears 0.
    let x = Swift.abs(t) < 1e-12
      ? lower * Double.exp(u * logRatio)
      : lower * Double.exp(Double.log(onePlus: u * Double.expMinusOne(t * logRatio)) / t)
    return Swift.min(upper, Swift.max(lower, x))
  }
}

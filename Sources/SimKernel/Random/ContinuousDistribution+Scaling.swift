internal import RealModule

extension ContinuousDistribution {
  /// The law of `factor` × X for X of this law: every draw, the mean and
  /// the standard deviation multiplied by `factor` (> 0), the shape (and so
  /// the coefficient of variation) kept. How an exploration varies a
  /// duration whose law is assumed: on its scale, not its form.
  public func scaled(by factor: Double) -> ContinuousDistribution {
    precondition(factor > 0 && factor.isFinite, "a scale factor is positive")
    switch self {
    case let .constant(v): return .constant(v * factor)
    case let .uniform(a, b): return .uniform(lower: a * factor, upper: b * factor)
    case let .exponential(mean): return .exponential(mean: mean * factor)
    case let .normal(m, s): return .normal(mean: m * factor, standardDeviation: s * factor)
    case let .lognormal(mu, sigma): return .lognormal(mu: mu + Double.log(factor), sigma: sigma)
    case let .gamma(k, theta): return .gamma(shape: k, scale: theta * factor)
    case let .weibull(k, lambda): return .weibull(shape: k, scale: lambda * factor)
    }
  }
}

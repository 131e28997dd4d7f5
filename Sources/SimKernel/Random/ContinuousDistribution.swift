internal import RealModule

/// A non-negative continuous distribution given as data, with its moments.
///
/// Scenario files name durations this way (e.g. `exponential(mean: 2 h)`); the
/// kernel samples them through GSL and tests check the samples against
/// ``mean`` and ``variance``.
public enum ContinuousDistribution: Hashable, Sendable {
  /// Always `value`.
  case constant(Double)
  /// Uniform on [lower, upper).
  case uniform(lower: Double, upper: Double)
  /// Exponential with the given mean.
  case exponential(mean: Double)
  /// Normal, truncated at zero by ``sample(_:)`` (a negative draw becomes 0).
  case normal(mean: Double, standardDeviation: Double)
  /// `exp(N(mu, sigma))`.
  case lognormal(mu: Double, sigma: Double)
  /// Gamma with shape and scale.
  case gamma(shape: Double, scale: Double)
  /// Weibull with shape and scale.
  case weibull(shape: Double, scale: Double)

  /// A lognormal with the given mean and coefficient of variation: easier to
  /// elicit from analysts than `mu` and `sigma`.
  public static func lognormal(mean: Double, cv: Double) -> ContinuousDistribution {
    let sigma2 = Double.log(1 + cv * cv)
    return .lognormal(mu: Double.log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
  }

  /// One draw.
  @inlinable
  public func sample(_ stream: RandomStream) -> Double {
    switch self {
    case let .constant(v): v
    case let .uniform(a, b): stream.uniform(a, b)
    case let .exponential(mean): stream.exponential(mean: mean)
    case let .normal(m, s): Swift.max(0, stream.normal(mean: m, standardDeviation: s))
    case let .lognormal(mu, sigma): stream.lognormal(mu: mu, sigma: sigma)
    case let .gamma(k, theta): stream.gamma(shape: k, scale: theta)
    case let .weibull(k, lambda): stream.weibull(shape: k, scale: lambda)
    }
  }

  /// The mean (of the untruncated law for `.normal`).
  public var mean: Double {
    switch self {
    case let .constant(v): v
    case let .uniform(a, b): (a + b) / 2
    case let .exponential(mean): mean
    case let .normal(m, _): m
    case let .lognormal(mu, sigma): Double.exp(mu + sigma * sigma / 2)
    case let .gamma(k, theta): k * theta
    case let .weibull(k, lambda): lambda * Double.gamma(1 + 1 / k)
    }
  }

  /// The variance (of the untruncated law for `.normal`).
  public var variance: Double {
    switch self {
    case .constant: 0
    case let .uniform(a, b): (b - a) * (b - a) / 12
    case let .exponential(mean): mean * mean
    case let .normal(_, s): s * s
    case let .lognormal(mu, sigma): (Double.exp(sigma * sigma) - 1) * Double.exp(2 * mu + sigma * sigma)
    case let .gamma(k, theta): k * theta * theta
    case let .weibull(k, lambda):
      lambda * lambda * (Double.gamma(1 + 2 / k) - Double.gamma(1 + 1 / k) * Double.gamma(1 + 1 / k))
    }
  }
}

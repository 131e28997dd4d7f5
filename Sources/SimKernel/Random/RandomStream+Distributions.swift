public import CGSL
internal import RealModule

/// Draws from GSL's distributions. Parameters follow the usual textbook
/// conventions (named below), not always GSL's argument order.
extension RandomStream {
  /// Uniform on [0, 1).
  @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

  /// Uniform on (0, 1): never exactly zero.
  @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

  /// Uniform on [lower, upper).
  @inlinable public func uniform(_ lower: Double, _ upper: Double) -> Double {
    gsl_ran_flat(rng, lower, upper)
  }

  /// Uniform integer in 0 ..< n.
  @inlinable public func uniformInt(below n: Int) -> Int {
    precondition(n > 0 && n <= Int(UInt32.max), "uniformInt(below:) needs 0 < n ≤ 2³²−1")
    return Int(gsl_rng_uniform_int(rng, UInt(n)))
  }

  /// `true` with probability `p`: exactly GSL's `gsl_ran_bernoulli` (one
  /// `gsl_rng_uniform` below `p`), written out so that the comparison is
  /// inlined instead of a call into the library per draw (the order model
  /// draws several per order; a test checks it agrees with GSL's draw for draw).
  @inlinable public func bernoulli(_ p: Double) -> Bool { gsl_rng_uniform(rng) < p }

  /// Exponential with the given mean (rate 1/mean).
  @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

  /// Normal (Gaussian), ziggurat method.
  @inlinable public func normal(mean: Double, standardDeviation: Double) -> Double {
    mean + gsl_ran_gaussian_ziggurat(rng, standardDeviation)
  }

  /// Lognormal: `exp(X)` with `X` normal(`mu`, `sigma`) drawn by GSL's
  /// ziggurat, like ``normal(mean:standardDeviation:)``. (Until 2026-12 it
  /// was `gsl_ran_lognormal`, whose Box–Muller polar method draws two or
  /// more uniforms and takes a logarithm and a square root per draw;
  /// callgrind counted 517 instructions per order in it on
  /// `model-throughput phases 30000`.)
  public func lognormal(mu: Double, sigma: Double) -> Double {
    Double.exp(mu + gsl_ran_gaussian_ziggurat(rng, sigma))
  }

  /// Gamma with shape *k* and scale θ (mean kθ).
  @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rng, shape, scale) }

  /// Weibull with shape *k* and scale λ (mean λ Γ(1 + 1/k)).
  @inlinable public func weibull(shape: Double, scale: Double) -> Double { gsl_ran_weibull(rng, scale, shape) }

  /// Pareto with shape *a* and scale *b* (minimum *b*; heavy-tailed for
  /// small *a*).
  @inlinable public func pareto(shape: Double, scale: Double) -> Double { gsl_ran_pareto(rng, shape, scale) }

  /// Beta with shape parameters *a* and *b* (mean a/(a+b)), on [0, 1].
  @inlinable public func beta(_ a: Double, _ b: Double) -> Double { gsl_ran_beta(rng, a, b) }

  /// Poisson with the given mean.
  @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

  /// Binomial: successes in `trials` independent trials of probability `p`.
  @inlinable public func binomial(trials: Int, p: Double) -> Int {
    Int(gsl_ran_binomial(rng, p, UInt32(trials)))
  }

  /// An index drawn from a preprocessed categorical table, O(1) per draw.
  @inlinable public func categorical(_ table: CategoricalTable) -> Int {
    Int(gsl_ran_discrete(rng, table.table))
  }
}

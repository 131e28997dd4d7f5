import Analysis
import PrivacyModel
import SimKernel

/// One quantity an exploration analyses: a metric of the scenario, or the
/// paired effect of a contrast on a metric, with its value at every point
/// and replication and what the method found about it.
struct ExplorationOutcome {
  /// A quantity's spread over the input ranges, apart from replication noise.
  struct Spread {
    /// Quantiles of the point means (the value at each point, averaged
    /// over its replications).
    let p5, p50, p95: Double
    /// Standard deviation of the point means: spread due to the inputs
    /// (plus a little noise, see `noise`).
    let inputSD: Double
    /// Mean standard deviation across replications within a point:
    /// Monte-Carlo noise alone (0 with one replication per point).
    let noise: Double
    /// The share of the point means' variance that is replication noise
    /// (the mean within-point variance over the replications per point,
    /// against the variance of the point means); `nil` with one replication
    /// per point. Sobol indices of a key that shifts how the random numbers
    /// are used carry about this much noise, so an ST below it cannot be
    /// told from noise.
    let noiseShare: Double?
    /// Shares of the points whose mean is below 0 and above 0 (for an
    /// effect: how much of the range agrees on its sign).
    let negative, positive: Double

    /// The same value at every point: nothing to chart or rank.
    var isConstant: Bool { p5 == p95 && inputSD == 0 }

    /// Replication noise is more than a third of the variance over the
    /// points: the spread says little about the assumptions.
    var noiseDominates: Bool { (noiseShare ?? 0) > 1.0 / 3 }
  }

  let metric: Metric
  /// `nil`: the scenario's own value; otherwise scenario − variant.
  let contrast: ExplorationContrast?
  /// values[point][replication].
  let values: [[Double]]
  let sobol: [SobolIndex]?
  let morris: [MorrisEffect]?
  let spread: Spread
  /// The value in the base case (the scenario's own values of the
  /// uncertain keys, run with the same seed), averaged over its
  /// replications.
  let baseCase: Double

  /// The Sobol indices, largest ST first (ties: the design's key order).
  var rankedSobol: [SobolIndex]? {
    sobol?.sorted { ($0.total.value, -$0.factor) > ($1.total.value, -$1.factor) }
  }

  /// The Morris effects, largest μ* first (ties: the design's key order).
  var rankedMorris: [MorrisEffect]? {
    morris?.sorted { ($0.muStar.value, -$0.factor) > ($1.muStar.value, -$1.factor) }
  }

  /// `exposures_total` or `exposures_total, effect of R-W7`.
  var name: String { contrast.map { "\(metric.rawValue), \($0.label)" } ?? metric.rawValue }

  /// The metric in words with ``name`` after it: "Courier calls that
  /// reach the buyer (courier_reach_per_attempt)".
  var titledName: String { "\(metric.title) (\(name))" }

  /// The value at each point, averaged over its replications.
  var pointMeans: [Double] { Self.means(values) }

  static func means(_ values: [[Double]]) -> [Double] {
    values.map { reps in reps.reduce(0, +) / Double(reps.count) }
  }

  /// Analyses `values` with the design's method; every bootstrap uses the
  /// same stream, so the intervals do not depend on the order of outcomes.
  /// `baseCase`: the base case's value in each replication.
  init(metric: Metric, contrast: ExplorationContrast?, values: [[Double]], baseCase: [Double], design: ExplorationDesign,
       resamples: Int, seed: UInt64) {
    self.metric = metric
    self.contrast = contrast
    self.values = values
    self.baseCase = Self.means([baseCase])[0]
    let means = Self.means(values)
    sobol = design.saltelli?.indices(means, resamples: resamples, stream: AnalysisStream(seed: seed, purpose: .bootstrap))
    // Unit-coordinate effects, i.e. over each key's whole range.
    morris = design.morris?.effects(means, resamples: resamples, stream: AnalysisStream(seed: seed, purpose: .bootstrap))
    spread = Self.spread(values, means: means)
  }

  static func spread(_ values: [[Double]], means: [Double]) -> Spread {
    let sorted = means.sorted()
    func q(_ p: Double) -> Double { BootstrapEstimate.quantile(sorted, p) }
    func sd(_ xs: [Double]) -> Double {
      var tally = Tally()
      for x in xs { tally.record(x) }
      return tally.standardDeviation
    }
    let sds = values.map(sd)
    let noise = sds.reduce(0, +) / Double(max(1, values.count))
    let n = Double(max(1, means.count))
    let replications = values.first?.count ?? 0
    let within = sds.map { $0 * $0 }.reduce(0, +) / n
    let between = sd(means) * sd(means)
    let noiseShare = replications > 1 && between > 0 ? min(1, within / Double(replications) / between) : nil
    return Spread(p5: q(0.05), p50: q(0.5), p95: q(0.95), inputSD: sd(means), noise: noise, noiseShare: noiseShare,
                  negative: Double(means.filter { $0 < 0 }.count) / n, positive: Double(means.filter { $0 > 0 }.count) / n)
  }
}

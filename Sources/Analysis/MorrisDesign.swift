/// Morris's elementary-effects screening (Morris 1991; μ* after Campolongo
/// et al. 2007): *r* trajectories through a grid of *p* levels per factor,
/// each changing one factor at a time by Δ = p / (2(p − 1)), so k factors
/// cost r (k + 1) evaluations instead of a Sobol design's N (k + 2).
///
/// A trajectory starts at a random grid point, visits the factors in random
/// order, and moves each up or down (random direction) by Δ. Points are in
/// evaluation order: trajectory by trajectory, k + 1 points each.
public struct MorrisDesign: Hashable, Sendable {
  public let factors: Int
  public let trajectories: Int
  public let levels: Int
  /// Unit-cube points, r (k + 1) of them.
  public let points: [[Double]]
  /// For each point but a trajectory's first: the factor it changed and the
  /// signed step (±Δ); `nil` at a trajectory's start.
  public let steps: [MorrisStep?]

  /// The step in unit coordinates.
  public var delta: Double { Double(levels) / (2 * Double(levels - 1)) }

  /// - Precondition: factors ≥ 1, trajectories ≥ 2, an even number of
  ///   levels ≥ 2.
  public init(factors: Int, trajectories: Int, levels: Int = 4, stream: AnalysisStream) {
    precondition(factors >= 1, "a Morris design needs a factor")
    precondition(trajectories >= 2, "a Morris design needs at least two trajectories")
    precondition(levels >= 2 && levels % 2 == 0, "Morris levels are an even number ≥ 2")
    self.factors = factors
    self.trajectories = trajectories
    self.levels = levels
    let delta = Double(levels) / (2 * Double(levels - 1))
    let startLevels = levels / 2  // starts at l/(p−1) for l < p/2, so ±Δ stays in [0, 1]
    var points: [[Double]] = []
    var steps: [MorrisStep?] = []
    for _ in 0..<trajectories {
      var x = [Double](repeating: 0, count: factors)
      var direction = [Double](repeating: 1, count: factors)
      for i in 0..<factors {
        let low = Double(stream.index(below: startLevels)) / Double(levels - 1)
        direction[i] = stream.index(below: 2) == 0 ? 1 : -1
        x[i] = direction[i] > 0 ? low : low + delta
      }
      points.append(x)
      steps.append(nil)
      for i in stream.permutation(factors) {
        x[i] += direction[i] * delta
        points.append(x)
        steps.append(MorrisStep(factor: i, delta: direction[i] * delta))
      }
    }
    self.points = points
    self.steps = steps
  }

  /// Each factor's elementary effects from `outputs` (one per point):
  /// EE = (f(x + Δe_i) − f(x)) / Δ in unit coordinates (multiply by the
  /// factor's range for its own units), summarised as μ (mean), μ* (mean of
  /// |EE|, with a bootstrap interval over trajectories) and σ (standard
  /// deviation: non-linearity or interactions).
  public func effects(
    _ outputs: [Double], resamples: Int = 1_000, level: Double = 0.95, stream: AnalysisStream
  ) -> [MorrisEffect] {
    precondition(outputs.count == points.count, "one output per design point")
    var effects = [[Double]](repeating: [], count: factors)
    for (n, step) in steps.enumerated() {
      guard let step else { continue }
      effects[step.factor].append((outputs[n] - outputs[n - 1]) / step.delta)
    }
    return effects.enumerated().map { i, ee in
      let r = Double(ee.count)
      let mu = ee.reduce(0, +) / r
      let muStar = ee.reduce(0) { $0 + abs($1) } / r
      let sigma = (ee.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (r - 1)).squareRoot()
      var draws: [Double] = []
      draws.reserveCapacity(max(0, resamples))
      for _ in 0..<max(0, resamples) {
        var s = 0.0
        for _ in ee.indices { s += abs(ee[stream.index(below: ee.count)]) }
        draws.append(s / r)
      }
      return MorrisEffect(factor: i, mu: mu, muStar: BootstrapEstimate(value: muStar, resampled: draws, level: level),
                          sigma: sigma)
    }
  }
}

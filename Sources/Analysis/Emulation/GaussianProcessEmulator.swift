import Foundation

/// A Gaussian-process emulator of one output of a stochastic simulator
/// over the unit cube (Sacks et al. 1989; Andrianakis et al. 2015): a
/// regression mean (a constant, or linear in the inputs when there are
/// enough runs) plus a zero-mean process with squared-exponential
/// correlation and one correlation length per input, fitted to runs whose
/// outputs carry known noise (the variance of each run's replication mean).
///
/// The process variance and correlation lengths maximise the restricted
/// likelihood (the regression coefficients integrated out), found by GSL's
/// simplex minimiser on their logarithms; the covariance matrix is
/// factorised by GSL's Cholesky. ``predict(_:)`` gives the emulator's
/// mean and variance of the simulator's *expected* output at a point (the
/// runs' noise excluded); ``leaveOneOut`` checks the fit.
public struct GaussianProcessEmulator: Sendable {
  /// The emulator's belief about the output at a point.
  public struct Prediction: Sendable, Equatable {
    public let mean: Double
    public let variance: Double

    public init(mean: Double, variance: Double) {
      self.mean = mean
      self.variance = variance
    }
  }

  /// Why an emulator could not be fitted.
  public enum FitError: Error, Equatable, CustomStringConvertible {
    /// Fewer runs than the regression and the process need.
    case tooFewRuns(have: Int, need: Int)
    /// A run's input or output is not a finite number.
    case notFinite
    /// The covariance matrix stayed singular (duplicate runs without noise).
    case singular

    public var description: String {
      switch self {
      case let .tooFewRuns(have, need): "\(have) runs, an emulator needs at least \(need)"
      case .notFinite: "a run's input or output is not a finite number"
      case .singular: "the runs' covariance matrix is singular (repeated points without noise?)"
      }
    }
  }

  public let dimension: Int
  /// Correlation length per input, in unit-cube coordinates: the distance
  /// over which the output decorrelates (large: the input hardly matters).
  public let lengthScales: [Double]
  /// The process variance σ², in the output's squared unit.
  public let processVariance: Double
  /// Whether the regression mean is linear in the inputs (else a constant).
  public let linearMean: Bool
  /// Per run: the prediction of the run's value from all the others (mean,
  /// and variance including the run's own noise), for diagnostics.
  public let leaveOneOut: [Prediction]

  let inputs: [[Double]]
  /// Outputs are standardised: (y − center) / scale.
  let center: Double
  let scale: Double
  let beta: [Double]
  let factor: CholeskyFactor
  /// K⁻¹ (y − Hβ) and K⁻¹ H (column by column).
  let weights: [Double]
  let kInverseH: [[Double]]
  /// Cholesky factor of Hᵀ K⁻¹ H (the regression's precision).
  let regressionFactor: CholeskyFactor
  /// σ² and the correlation lengths in standardised units.
  let sigma2: Double

  /// The fewest runs an emulator is fitted to, whatever the inputs: 3
  /// (with a constant mean; the mean is linear in the inputs from
  /// 3 (dimension + 1) runs).
  public static func minimumRuns(dimension: Int) -> Int { 3 }

  /// Fits the emulator to `outputs` at `inputs` (unit-cube points), where
  /// run i's output has noise variance `noiseVariance[i]` (0: exact).
  public init(inputs: [[Double]], outputs: [Double], noiseVariance: [Double]) throws(FitError) {
    let n = inputs.count
    guard n >= Self.minimumRuns(dimension: inputs.first?.count ?? 1) else {
      throw .tooFewRuns(have: n, need: Self.minimumRuns(dimension: inputs.first?.count ?? 1))
    }
    let d = inputs[0].count
    precondition(d >= 1 && inputs.allSatisfy { $0.count == d } && outputs.count == n && noiseVariance.count == n,
                 "one output and one noise variance per run, every run with the same inputs")
    guard inputs.joined().allSatisfy(\.isFinite), outputs.allSatisfy(\.isFinite),
          noiseVariance.allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw .notFinite }
    let mean = outputs.reduce(0, +) / Double(n)
    let spread = (outputs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, n - 1))).squareRoot()
    let noiseScale = (noiseVariance.reduce(0, +) / Double(n)).squareRoot()
    let scale = spread > 0 ? spread : (noiseScale > 0 ? noiseScale : 1)
    let y = outputs.map { ($0 - mean) / scale }
    let noise = noiseVariance.map { $0 / (scale * scale) }
    let linear = n >= 3 * (d + 1)
    let model = Likelihood(inputs: inputs, y: y, noise: noise, linear: linear)
    // First one length for every input (two parameters: quick and robust),
    // then a length per input from there, restarted once from its minimum
    // (the simplex can stall on a ridge). The iterations are capped so that
    // tens of inputs stay affordable.
    let common = SimplexMinimizer.minimize({ phi in model.negativeLogLikelihood([phi[0]] + [Double](repeating: phi[1], count: d)) },
                                           from: [0, log(0.5)], step: [0.7, 0.7], tolerance: 1e-3, maxIterations: 400).point
    var start = [common[0]] + [Double](repeating: common[1], count: d)
    for _ in 0..<2 {
      start = SimplexMinimizer.minimize({ model.negativeLogLikelihood($0) }, from: start,
                                        step: [Double](repeating: 0.5, count: d + 1), tolerance: 1e-3,
                                        maxIterations: min(300 * (d + 1), 1_500)).point
    }
    guard let fit = model.fit(start) else { throw .singular }
    self.dimension = d
    self.inputs = inputs
    self.center = mean
    self.scale = scale
    self.linearMean = linear
    self.sigma2 = exp(start[0])
    self.lengthScales = start.dropFirst().map { exp($0) }
    self.processVariance = exp(start[0]) * scale * scale
    self.beta = fit.beta
    self.factor = fit.factor
    self.weights = fit.weights
    self.kInverseH = fit.kInverseH
    self.regressionFactor = fit.regressionFactor
    // Leave-one-out by the closed form (Rasmussen & Williams 2006, §5.4.2):
    // μ₋ᵢ = yᵢ − [K⁻¹r]ᵢ / [K⁻¹]ᵢᵢ, σ²₋ᵢ = 1 / [K⁻¹]ᵢᵢ, the runs' noise included.
    let diagonal = fit.factor.inverseDiagonal
    leaveOneOut = (0..<n).map { i in
      Prediction(mean: mean + scale * (y[i] - fit.weights[i] / diagonal[i]), variance: scale * scale / diagonal[i])
    }
  }

  /// Each run's leave-one-out error in standard deviations:
  /// (yᵢ − μ₋ᵢ) / σ₋ᵢ, for the `outputs` the emulator was fitted to. A good
  /// emulator keeps nearly all within ±3 (Bastos & O'Hagan 2009).
  public func leaveOneOutErrors(_ outputs: [Double]) -> [Double] {
    precondition(outputs.count == leaveOneOut.count, "the outputs the emulator was fitted to")
    return zip(leaveOneOut, outputs).map { p, y in (y - p.mean) / max(p.variance, 1e-300).squareRoot() }
  }

  /// The share of runs whose leave-one-out error is beyond `limit`
  /// standard deviations.
  public func leaveOneOutShare(beyond limit: Double, outputs: [Double]) -> Double {
    let errors = leaveOneOutErrors(outputs)
    return Double(errors.filter { abs($0) > limit }.count) / Double(max(1, errors.count))
  }

  /// The emulator's mean and variance of the expected output at `x`.
  public func predict(_ x: [Double]) -> Prediction {
    precondition(x.count == dimension, "a point with one coordinate per input")
    let inverseLengths = lengthScales.map { 1 / ($0 * $0) }
    let k = inputs.map { sigma2 * Likelihood.correlation($0, x, inverseLengths) }
    let h = Likelihood.basis(x, linear: linearMean)
    var m = zip(h, beta).reduce(0) { $0 + $1.0 * $1.1 }
    m += zip(k, weights).reduce(0) { $0 + $1.0 * $1.1 }
    let v = factor.forward(k)
    var variance = sigma2 - v.reduce(0) { $0 + $1 * $1 }
    // The regression coefficients' own uncertainty.
    let u = h.indices.map { j in h[j] - zip(kInverseH[j], k).reduce(0) { $0 + $1.0 * $1.1 } }
    let w = regressionFactor.forward(u)
    variance += w.reduce(0) { $0 + $1 * $1 }
    return Prediction(mean: center + scale * m, variance: max(0, variance) * scale * scale)
  }
}

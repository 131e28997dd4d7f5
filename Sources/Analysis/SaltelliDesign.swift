/// Saltelli's sampling design for first-order and total Sobol indices
/// (Saltelli et al. 2010, "Variance based sensitivity analysis of model
/// output"), without second-order terms.
///
/// Two independent N × k matrices A and B; for each factor i, AB_i is A
/// with column i taken from B. The model is evaluated on N (k + 2) points,
/// in SALib's order — for each base sample j: A_j, AB_1,j, …, AB_k,j, B_j —
/// so a file of the outputs in ``points`` order is what SALib's
/// `sobol.analyze(…, calc_second_order=False)` reads.
///
/// A and B are the first and last k coordinates of one 2k-dimensional
/// Sobol sequence (GSL) when 2k ≤ 40. GSL's Sobol sequence stops at 40
/// dimensions, and Halton's sequence (GSL's other long one) is no
/// substitute: its coordinates of large primes are strongly correlated
/// over the first thousands of points, which biases the first-order
/// estimator (measured: S1 = 0.14–0.31 for a true 0.2 at N = 1,024–8,192,
/// 25 factors). Past 20 factors A and B are therefore two independent
/// Latin hypercubes from `seed` (unbiased, with Monte Carlo's slower
/// convergence; ``sampling`` records which).
public struct SaltelliDesign: Hashable, Sendable {
  /// How A and B were drawn.
  public enum Sampling: String, Hashable, Sendable {
    case sobol
    case latinHypercube = "latin-hypercube"
  }

  public let factors: Int
  public let baseSamples: Int
  public let sampling: Sampling
  /// N (k + 2) points of the unit cube, in evaluation order.
  public let points: [[Double]]

  /// Points per base sample: A, each AB_i, B.
  public var pointsPerSample: Int { factors + 2 }

  /// - Parameters:
  ///   - factors: k ≥ 1.
  ///   - baseSamples: N ≥ 2.
  ///   - skip: quasi-random points skipped first (Sobol only).
  ///   - seed: the Latin hypercubes' seed (past 20 factors only).
  public init(factors: Int, baseSamples: Int, skip: Int = 0, seed: UInt64 = 0) {
    precondition(factors >= 1, "a Saltelli design needs a factor")
    precondition(baseSamples >= 2, "a Saltelli design needs at least two base samples")
    var a: [[Double]]
    var b: [[Double]]
    if 2 * factors <= QuasiRandomSequence.sobolMaximumDimension {
      let sequence = QuasiRandomSequence(dimension: 2 * factors, kind: .sobol, skip: skip)
      a = []
      b = []
      for _ in 0..<baseSamples {
        let draw = sequence.next()
        a.append(Array(draw[0..<factors]))
        b.append(Array(draw[factors...]))
      }
      self.sampling = .sobol
    } else {
      let stream = AnalysisStream(seed: seed, purpose: .latinHypercube)
      a = LatinHypercube.sample(count: baseSamples, dimension: factors, stream: stream)
      b = LatinHypercube.sample(count: baseSamples, dimension: factors, stream: stream)
      self.sampling = .latinHypercube
    }
    var points: [[Double]] = []
    points.reserveCapacity(baseSamples * (factors + 2))
    for j in 0..<baseSamples {
      points.append(a[j])
      for i in 0..<factors {
        var ab = a[j]
        ab[i] = b[j][i]
        points.append(ab)
      }
      points.append(b[j])
    }
    self.factors = factors
    self.baseSamples = baseSamples
    self.points = points
  }

  /// First-order and total indices of each factor from the model's
  /// `outputs` (one per point, in ``points`` order), with bootstrap
  /// percentile intervals from `resamples` resamples of the base samples
  /// (drawn from `stream`).
  ///
  /// First order: S_i = mean((f(B) − m)(f(AB_i) − f(A))) / V (Saltelli
  /// 2010); total: S_Ti = mean((f(A) − f(AB_i))²) / 2V (Jansen 1999); m and
  /// V are the mean and variance of f over A and B together. Centring f(B)
  /// on m (as SALib does) leaves the estimator's expectation unchanged but
  /// removes the m²-sized term from its variance: on raw outputs far from 0
  /// the first-order intervals were many times too wide and could fall
  /// below 0 or above ST. An output that does not vary (V = 0) has every
  /// index 0: no factor moves it.
  public func indices(
    _ outputs: [Double], resamples: Int = 1_000, level: Double = 0.95, stream: AnalysisStream
  ) -> [SobolIndex] {
    precondition(outputs.count == points.count, "one output per design point")
    precondition(outputs.allSatisfy(\.isFinite), "outputs must be finite")
    let all = Array(0..<baseSamples)
    let point = estimate(outputs, samples: all)
    var firstDraws = [[Double]](repeating: [], count: factors)
    var totalDraws = [[Double]](repeating: [], count: factors)
    var sample = [Int](repeating: 0, count: baseSamples)
    for _ in 0..<max(0, resamples) {
      for j in 0..<baseSamples { sample[j] = stream.index(below: baseSamples) }
      let resampled = estimate(outputs, samples: sample)
      for i in 0..<factors {
        firstDraws[i].append(resampled.first[i])
        totalDraws[i].append(resampled.total[i])
      }
    }
    return (0..<factors).map { i in
      SobolIndex(factor: i,
                 first: BootstrapEstimate(value: point.first[i], resampled: firstDraws[i], level: level),
                 total: BootstrapEstimate(value: point.total[i], resampled: totalDraws[i], level: level))
    }
  }

  /// The estimators over the base samples `samples` (with repeats, for the
  /// bootstrap).
  private func estimate(_ y: [Double], samples: [Int]) -> (first: [Double], total: [Double]) {
    let stride = pointsPerSample
    // Variance of f(A) and f(B) together, two-pass.
    var sum = 0.0
    for j in samples { sum += y[j * stride] + y[j * stride + stride - 1] }
    let n = Double(samples.count)
    let mean = sum / (2 * n)
    var squares = 0.0
    for j in samples {
      let a = y[j * stride] - mean, b = y[j * stride + stride - 1] - mean
      squares += a * a + b * b
    }
    let variance = squares / (2 * n)
    guard variance > 0 else {
      return ([Double](repeating: 0, count: factors), [Double](repeating: 0, count: factors))
    }
    var first = [Double](repeating: 0, count: factors)
    var total = [Double](repeating: 0, count: factors)
    for i in 0..<factors {
      var s = 0.0, t = 0.0
      for j in samples {
        let a = y[j * stride], ab = y[j * stride + 1 + i], b = y[j * stride + stride - 1]
        s += (b - mean) * (ab - a)
        t += (a - ab) * (a - ab)
      }
      first[i] = s / n / variance
      total[i] = t / (2 * n) / variance
    }
    return (first, total)
  }
}

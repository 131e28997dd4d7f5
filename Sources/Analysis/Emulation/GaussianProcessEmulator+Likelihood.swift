import Foundation

extension GaussianProcessEmulator {
  /// The restricted likelihood of the standardised runs, as a function of
  /// φ = (log σ², log θ₁, …, log θ_d).
  struct Likelihood {
    let inputs: [[Double]]
    let y: [Double]
    let noise: [Double]
    let linear: Bool
    /// Bounds on φ: outside them the likelihood is treated as 0, which
    /// keeps the simplex away from degenerate fits (every length 0 or ∞).
    static let logVariance = log(1e-6)...log(1e3)
    static let logLength = log(0.01)...log(100.0)
    /// Added to the diagonal, relative to σ², so that exact runs still
    /// give a positive-definite matrix.
    static let jitter = 1e-8

    /// What the fit keeps of φ's covariance.
    struct Fit {
      let factor: CholeskyFactor
      let beta: [Double]
      let weights: [Double]
      let kInverseH: [[Double]]
      let regressionFactor: CholeskyFactor
      let negativeLogLikelihood: Double
    }

    static func correlation(_ a: [Double], _ b: [Double], _ inverseLengths: [Double]) -> Double {
      var s = 0.0
      for j in a.indices {
        let d = a[j] - b[j]
        s += d * d * inverseLengths[j]
      }
      return exp(-s)
    }

    /// The regression's basis at `x`: 1, and the inputs when linear.
    static func basis(_ x: [Double], linear: Bool) -> [Double] { linear ? [1] + x : [1] }

    func negativeLogLikelihood(_ phi: [Double]) -> Double {
      fit(phi)?.negativeLogLikelihood ?? .infinity
    }

    /// The covariance's factorisation and the regression at φ; `nil`
    /// outside the bounds or where the matrix is not positive definite.
    func fit(_ phi: [Double]) -> Fit? {
      guard Self.logVariance.contains(phi[0]), phi.dropFirst().allSatisfy({ Self.logLength.contains($0) }) else { return nil }
      let n = inputs.count
      let sigma2 = exp(phi[0])
      let inverseLengths = phi.dropFirst().map { exp(-2 * $0) }
      var k = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        k[i * n + i] = sigma2 * (1 + Self.jitter) + noise[i]
        for j in 0..<i {
          let c = sigma2 * Self.correlation(inputs[i], inputs[j], inverseLengths)
          k[i * n + j] = c
          k[j * n + i] = c
        }
      }
      guard let factor = CholeskyFactor(symmetric: k, order: n) else { return nil }
      let p = linear ? inputs[0].count + 1 : 1
      let basis = inputs.map { Self.basis($0, linear: linear) }
      let kInverseH = (0..<p).map { j in factor.solve(basis.map { $0[j] }) }
      var a = [Double](repeating: 0, count: p * p)
      for i in 0..<p { for j in 0..<p { a[i * p + j] = zip(basis, kInverseH[j]).reduce(0) { $0 + $1.0[i] * $1.1 } } }
      guard let regressionFactor = CholeskyFactor(symmetric: a, order: p) else { return nil }
      let hKy = (0..<p).map { j in zip(kInverseH[j], y).reduce(0) { $0 + $1.0 * $1.1 } }
      let beta = regressionFactor.solve(hKy)
      let residual = (0..<n).map { i in y[i] - zip(basis[i], beta).reduce(0) { $0 + $1.0 * $1.1 } }
      let weights = factor.solve(residual)
      let quadratic = zip(residual, weights).reduce(0) { $0 + $1.0 * $1.1 }
      let value = 0.5 * (factor.logDeterminant + regressionFactor.logDeterminant + quadratic)
      guard value.isFinite else { return nil }
      return Fit(factor: factor, beta: beta, weights: weights, kInverseH: kInverseH, regressionFactor: regressionFactor,
                 negativeLogLikelihood: value)
    }
  }
}

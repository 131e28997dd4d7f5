import Analysis
import Foundation
import Testing

@Suite("Emulators: Cholesky, simplex, Gaussian processes")
struct EmulatorTests {
  /// Points of GSL's Sobol sequence (deterministic, space-filling).
  static func design(_ n: Int, _ d: Int, skip: Int = 0) -> [[Double]] {
    let sequence = QuasiRandomSequence(dimension: d, skip: skip)
    return (0..<n).map { _ in sequence.next() }
  }

  @Test("Cholesky: solves, log-determinant and the inverse's diagonal of a known matrix; refuses one that is not positive definite")
  func cholesky() throws {
    // A = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]]
    let a = [4, 2, 0.4, 2, 5, 1, 0.4, 1, 3.0]
    let f = try #require(CholeskyFactor(symmetric: a, order: 3))
    let x = f.solve([1, 2, 3])
    for i in 0..<3 {
      let ax = (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * x[$1] }
      #expect(abs(ax - Double(i + 1)) < 1e-12)
    }
    // det A = 4(15 − 1) − 2(6 − 0.4) + 0.4(2 − 2) = 44.8
    #expect(abs(f.logDeterminant - log(44.8)) < 1e-12)
    let inverse = (0..<3).map { j in f.solve((0..<3).map { $0 == j ? 1 : 0 }) }
    for j in 0..<3 { #expect(abs(f.inverseDiagonal[j] - inverse[j][j]) < 1e-12) }
    #expect(CholeskyFactor(symmetric: [1, 2, 2, 1], order: 2) == nil)
  }

  @Test("simplex: finds the Rosenbrock function's minimum at (1, 1)")
  func simplex() {
    let m = SimplexMinimizer.minimize({ x in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) },
                                      from: [-1.2, 1], step: [0.5, 0.5], tolerance: 1e-8, maxIterations: 5_000)
    #expect(abs(m.point[0] - 1) < 1e-3 && abs(m.point[1] - 1) < 1e-3)
    #expect(m.value < 1e-6)
  }

  @Test("an exact 1-D function: the emulator interpolates the runs and predicts sin 2πx to 0.02 between them")
  func interpolates() throws {
    let xs = Self.design(14, 1)
    let f = { (x: Double) in sin(2 * .pi * x) }
    let gp = try GaussianProcessEmulator(inputs: xs, outputs: xs.map { f($0[0]) }, noiseVariance: xs.map { _ in 0 })
    for x in xs {
      let p = gp.predict(x)
      #expect(abs(p.mean - f(x[0])) < 1e-4)
      #expect(p.variance < 1e-4)
    }
    for i in 0...50 {
      let x = 0.05 + 0.9 * Double(i) / 50
      #expect(abs(gp.predict([x]).mean - f(x)) < 0.02, "x \(x)")
    }
  }

  @Test("a noisy 2-D function: 95% of the truth lies within 2 emulator standard deviations; the noise is not interpolated")
  func noisyCoverage() throws {
    let xs = Self.design(60, 2)
    let f = { (x: [Double]) in x[0] * x[0] + 0.3 * sin(4 * x[1]) }
    let noise = AnalysisStream(seed: 7, purpose: .bootstrap)
    // Noise of sd 0.05 (Box–Muller from the analysis stream).
    let e = xs.map { _ in 0.05 * (-2 * log(1 - noise.uniform())).squareRoot() * cos(2 * .pi * noise.uniform()) }
    let gp = try GaussianProcessEmulator(inputs: xs, outputs: zip(xs, e).map { f($0) + $1 }, noiseVariance: xs.map { _ in 0.0025 })
    let tests = Self.design(200, 2, skip: 500)
    let covered = tests.filter { x in
      let p = gp.predict(x)
      return abs(p.mean - f(x)) <= 2 * p.variance.squareRoot()
    }
    #expect(Double(covered.count) / 200 >= 0.9)
    let errors = tests.map { abs(gp.predict($0).mean - f($0)) }
    #expect(errors.reduce(0, +) / 200 < 0.03)

  }

  @Test("an input the output does not depend on gets a long correlation length; the active ones short")
  func inactiveInput() throws {
    let xs = Self.design(40, 3)
    let gp = try GaussianProcessEmulator(inputs: xs, outputs: xs.map { sin(3 * $0[0]) + $0[1] * $0[1] }, noiseVariance: xs.map { _ in 0 })
    #expect(gp.lengthScales[2] > 3 * max(gp.lengthScales[0], gp.lengthScales[1]))
  }

  @Test("leave-one-out: standardised errors of a good fit lie within ±3; a run 15 noise standard deviations off shows beyond")
  func leaveOneOut() throws {
    let xs = Self.design(40, 2)
    let stream = AnalysisStream(seed: 3, purpose: .bootstrap)
    let noisy = xs.map { x in x[0] + x[1] + 0.2 * (stream.uniform() - 0.5) }
    // Uniform noise of width 0.2: variance 0.2² / 12 (sd 0.058).
    func errors(_ y: [Double]) throws -> [Double] {
      let gp = try GaussianProcessEmulator(inputs: xs, outputs: y, noiseVariance: xs.map { _ in 0.04 / 12 })
      return gp.leaveOneOutErrors(y)
    }
    #expect(try errors(noisy).allSatisfy { abs($0) <= 3 })
    var outlier = noisy
    outlier[17] += 15 * (0.04 / 12).squareRoot()
    let e = try errors(outlier)
    #expect(abs(e[17]) > 3)
    #expect(e.indices.filter { abs(e[$0]) > 3 } == [17])
    // The share the calibration's check reads: 1 run of 40.
    let gp = try GaussianProcessEmulator(inputs: xs, outputs: outlier, noiseVariance: xs.map { _ in 0.04 / 12 })
    #expect(gp.leaveOneOutShare(beyond: 3, outputs: outlier) == 1.0 / 40)
    #expect(gp.leaveOneOutShare(beyond: 100, outputs: outlier) == 0)
  }

  @Test("fewer than three runs, or a run that is not a number, is refused")
  func refuses() {
    #expect(throws: GaussianProcessEmulator.FitError.tooFewRuns(have: 2, need: 3)) {
      try GaussianProcessEmulator(inputs: [[0], [1]], outputs: [0, 1], noiseVariance: [0, 0])
    }
    #expect(throws: GaussianProcessEmulator.FitError.notFinite) {
      try GaussianProcessEmulator(inputs: [[0], [0.5], [1]], outputs: [0, .nan, 1], noiseVariance: [0, 0, 0])
    }
  }
}

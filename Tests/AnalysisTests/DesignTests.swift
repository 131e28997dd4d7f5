import Analysis
import Foundation
import Testing

@Suite("Designs: quasi-random sequences, Latin hypercubes, Morris screening")
struct DesignTests {
  @Test("GSL's Sobol sequence: 40 dimensions at most, then Halton; integrates a product to 10⁻³")
  func sequences() {
    #expect(QuasiRandomSequence(dimension: 40).kind == .sobol)
    #expect(QuasiRandomSequence(dimension: 41).kind == .halton)
    let sequence = QuasiRandomSequence(dimension: 5)
    var sum = 0.0
    for _ in 0..<4096 { sum += sequence.next().reduce(1, *) }
    #expect(abs(sum / 4096 - 1.0 / 32) < 1e-3)
    // One dimension of Sobol's sequence fills [0, 1) in binary halves.
    let one = QuasiRandomSequence(dimension: 1)
    let first = (0..<3).map { _ in one.next()[0] }
    #expect(Set(first) == [0.5, 0.25, 0.75] || Set(first) == [0, 0.5, 0.75] || Set(first) == [0.5, 0.75, 0.25])
  }

  @Test("Latin hypercube: each of the n slices of every coordinate holds exactly one point")
  func latinHypercube() {
    let points = LatinHypercube.sample(count: 50, dimension: 4, stream: AnalysisStream(seed: 5, purpose: .latinHypercube))
    for d in 0..<4 {
      #expect(Set(points.map { Int($0[d] * 50) }) == Set(0..<50))
    }
    #expect(points == LatinHypercube.sample(count: 50, dimension: 4, stream: AnalysisStream(seed: 5, purpose: .latinHypercube)))
  }

  @Test("integer factors take each whole value equally; continuous ones span the range")
  func factorScale() {
    let days = Factor(name: "d", lower: 3, upper: 5, scale: .integer)
    #expect([0, 0.2, 0.34, 0.5, 0.7, 0.99, 1].map(days.value(at:)) == [3, 3, 4, 4, 5, 5, 5])
    let share = Factor(name: "s", lower: 0.3, upper: 0.8)
    #expect(share.value(at: 0) == 0.3 && share.value(at: 1) == 0.8)
  }

  @Test("Morris on a linear function: μ* = |coefficient| × range, μ carries the sign, σ = 0")
  func morrisLinear() {
    let factors = [Factor(name: "a", lower: 0, upper: 2), Factor(name: "b", lower: -1, upper: 1),
                   Factor(name: "c", lower: 10, upper: 20), Factor(name: "unused", lower: 0, upper: 1)]
    let coefficients = [3.0, -5.0, 0.5, 0]
    let design = MorrisDesign(factors: 4, trajectories: 20, levels: 4, stream: AnalysisStream(seed: 6, purpose: .morris))
    #expect(design.points.count == 20 * 5)
    #expect(design.points.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 } })
    let y = design.points.map { u in zip(zip(factors, u), coefficients).reduce(0.0) { $0 + $1.0.0.value(at: $1.0.1) * $1.1 } }
    let effects = design.effects(y, resamples: 100, stream: AnalysisStream(seed: 6, purpose: .bootstrap))
    for (i, f) in factors.enumerated() {
      let expected = coefficients[i] * (f.upper - f.lower)
      #expect(abs(effects[i].mu - expected) < 1e-9)
      #expect(abs(effects[i].muStar.value - abs(expected)) < 1e-9)
      #expect(effects[i].sigma < 1e-9)
    }
  }

  @Test("Morris separates an interaction (σ) from a linear effect, and ranks a factor that does nothing last")
  func morrisInteraction() {
    let design = MorrisDesign(factors: 3, trajectories: 40, stream: AnalysisStream(seed: 7, purpose: .morris))
    let y = design.points.map { 2 * $0[0] + 4 * $0[1] * $0[2] }
    let effects = design.effects(y, resamples: 100, stream: AnalysisStream(seed: 7, purpose: .bootstrap))
    #expect(effects[0].sigma < 1e-9)
    #expect(effects[1].sigma > 0.5 && effects[2].sigma > 0.5, "x2 and x3 act together")
    let unused = MorrisDesign(factors: 2, trajectories: 10, stream: AnalysisStream(seed: 8, purpose: .morris))
    let flat = unused.effects(unused.points.map { $0[0] }, resamples: 10, stream: AnalysisStream(seed: 8, purpose: .bootstrap))
    #expect(flat[1].muStar.value == 0 && flat[0].muStar.value > 0.9)
  }
}

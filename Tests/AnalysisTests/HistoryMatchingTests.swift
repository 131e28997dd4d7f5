import Analysis
import Foundation
import Testing

@Suite("History matching: implausibility and the non-implausible space")
struct HistoryMatchingTests {
  @Test("implausibility: distance over the root of the summed variances; 0 and ∞ where those are 0")
  func implausibility() {
    let t = HistoryMatchTarget(observed: 1, observationVariance: 0.01, discrepancyVariance: 0.02)
    let p = GaussianProcessEmulator.Prediction(mean: 1.5, variance: 0.03)
    #expect(abs(t.implausibility(p, stochasticVariance: 0.04) - 0.5 / 0.1.squareRoot()) < 1e-12)
    let exact = HistoryMatchTarget(observed: 1, observationVariance: 0, discrepancyVariance: 0)
    #expect(exact.implausibility(.init(mean: 1, variance: 0), stochasticVariance: 0) == 0)
    #expect(exact.implausibility(.init(mean: 2, variance: 0), stochasticVariance: 0) == .infinity)
  }

  @Test("f(x) = x₁ observed at 0.3 ± 0.02: the space left holds x₁ within 0.3 ± 3 sd and every x₂; a second wave shrinks it no wider")
  func matchesKnownFunction() throws {
    let sequence = QuasiRandomSequence(dimension: 2)
    let xs = (0..<30).map { _ in sequence.next() }
    let gp = try GaussianProcessEmulator(inputs: xs, outputs: xs.map { $0[0] }, noiseVariance: xs.map { _ in 0 })
    let target = HistoryMatchTarget(observed: 0.3, observationVariance: 0.0004, discrepancyVariance: 0)
    let wave = HistoryMatchingWave(emulators: [gp], targets: [target], stochasticVariance: [0])
    let space = NonImplausibleSample(waves: [wave], dimension: 2, previous: nil, candidates: 4_000)
    let first = space.points.map { $0[0] }, second = space.points.map { $0[1] }
    #expect(first.allSatisfy { abs($0 - 0.3) <= 0.06 + 0.005 })
    #expect(first.min()! < 0.25 && first.max()! > 0.35)
    #expect(second.min()! < 0.02 && second.max()! > 0.98)
    // 12% of the square (0.24–0.36 in x₁), within sampling error.
    #expect(abs(space.shareOfCube - 0.12) < 0.01)
    #expect(!wave.admits([0.6, 0.5]) && wave.admits([0.31, 0.9]))
    let spread = space.spread(10)
    #expect(spread.count == 10 && Set(spread.map { $0.description }).count == 10)
    let again = NonImplausibleSample(waves: [wave], dimension: 2, previous: space, candidates: 4_000, skip: 4_000)
    #expect(again.lower[0] >= 0.2 && again.upper[0] <= 0.4)
    #expect(abs(again.shareOfCube - 0.12) < 0.01)
  }
}

import Foundation
import SimKernel
import Testing

/// A representative population's building blocks: quantiles of a truncated
/// Pareto law and the scale between a simulated member and real ones.
@Suite("Truncated Pareto and sample scale")
struct SampleScaleTests {
  @Test("the size-biased quantile inverts the order-weighted distribution, at every shape including 1")
  func sizeBiasedQuantile() {
    for shape in [0.6, 1.0, 1.1, 2.5] {
      let law = TruncatedPareto(shape: shape, lower: 1, upper: 10_000)
      #expect(law.sizeBiasedQuantile(0) == 1 && abs(law.sizeBiasedQuantile(1) - 10_000) < 1e-6)
      // Order-weighted CDF, integrated numerically on a log grid.
      func weightedShare(below x: Double) -> Double {
        func mass(_ to: Double) -> Double {
          let n = 20_000
          var sum = 0.0
          let step = (to.squareRoot().squareRoot() - 1) / Double(n)   // grid in x^(1/4)
          for i in 0..<n {
            let y = 1 + (Double(i) + 0.5) * step
            let v = y * y * y * y
            sum += v * Self.pow(v, -shape - 1) * 4 * y * y * y * step
          }
          return sum
        }
        return mass(x) / mass(10_000)
      }
      for u in [0.1, 0.5, 0.9] {
        let x = law.sizeBiasedQuantile(u)
        #expect(abs(weightedShare(below: x) - u) < 2e-3, "shape \(shape), u \(u): \(weightedShare(below: x))")
      }
      #expect(law.quantile(0.5) < law.sizeBiasedQuantile(0.5), "orders sit in bigger shops than shops do")
    }
  }

  @Test("a pooled member's event is 1/scale of a real member's, a sampled member's 1/scale real events")
  func meanRealEvents() {
    #expect(SampleScale(simulatedPerReal: 4).meanRealEvents == 0.25)
    #expect(SampleScale(simulatedPerReal: 0.02).meanRealEvents == 50)
  }

  @Test("a member is triggered as often as a real one, and scaled counts are unbiased")
  func probabilityAndCounts() {
    // Sampled 1 in 10: ten real chances of 5% each.
    let p = SampleScale(simulatedPerReal: 0.1).probability(perRealEvent: 0.05)
    #expect(abs(p - (1 - Self.pow(0.95, 10))) < 1e-12)
    #expect(SampleScale.one.probability(perRealEvent: 0.3) == 0.3)
    #expect(SampleScale.probability(0.5, anyOf: 0) == 0 && SampleScale.probability(1, anyOf: 0.5) == 1)
    let stream = RandomStream(seed: 6, replication: 0, stream: 1)
    let scale = SampleScale(simulatedPerReal: 2.3)
    let n = 100_000
    let total = (0..<n).reduce(0) { s, _ in s + scale.simulatedCount(3, stream) }
    #expect(abs(Double(total) / Double(n) - 6.9) < 0.01, "\(Double(total) / Double(n))")
  }

  static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

import SimKernel
import Testing

@Suite("Significance tests and Holm's correction")
struct MultipleTestingTests {
  @Test("the t-test p-value matches the closed form for 4 degrees of freedom")
  func studentP() {
    // 1…5 against 0: t = 3 / (√2.5 / √5) = 4.2426, df 4; the two-sided p is
    // I_x(2, 1/2) with x = v / (v + t²), in closed form 1 − √(1−x)(1 + x/2).
    let ci = ConfidenceInterval([1, 2, 3, 4, 5])
    let t = 3 / (2.5.squareRoot() / 5.0.squareRoot()), x = 4 / (4 + t * t)
    let expected = 1 - (1 - x).squareRoot() * (1 + x / 2)
    #expect(abs(ci.pValue() - expected) < 1e-12, "\(ci.pValue()) vs \(expected)")
    #expect(abs(ci.pValue() - 0.0132356) < 1e-6)
    #expect(abs(ci.standardError - (2.5 / 5).squareRoot()) < 1e-12)
    #expect(ConfidenceInterval([2, 2, 2]).pValue() == 0, "no spread, mean ≠ 0")
    #expect(ConfidenceInterval([0, 0, 0]).pValue() == 1, "no spread, mean = 0")
    #expect(ConfidenceInterval([1]).pValue() == 1, "one observation says nothing")
    // A p-value below 0.05 exactly when the 95% interval excludes 0.
    for values in [[1.0, 2, 3], [-0.2, 0.1, 0.4, 0.3], [0.01, 0.02, 0.011, 0.05], [-3, 1, 2, -1]] {
      let c = ConfidenceInterval(values)
      #expect((c.pValue() < 0.05) == !c.contains(0), "\(values)")
    }
  }

  @Test("Holm's adjusted p-values: sorted, times the remaining count, made monotone, capped at 1")
  func holm() {
    // Sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → monotone 0.02, 0.03, 0.06, 0.06.
    let adjusted = HolmCorrection.adjusted([0.01, 0.04, 0.03, 0.005])
    for (a, b) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(a - b) < 1e-15, "\(adjusted)") }
    #expect(HolmCorrection.rejected([0.01, 0.04, 0.03, 0.005]) == [true, false, false, true])
    #expect(HolmCorrection.adjusted([0.5, 0.9]) == [1, 1], "capped at 1")
    #expect(HolmCorrection.adjusted([]) == [])
    // Never rejects more than the uncorrected test, never fewer than Bonferroni.
    let ps = (1...40).map { Double($0 * $0) / 20_000 }
    let holmCount = HolmCorrection.rejected(ps).filter { $0 }.count
    #expect(holmCount <= ps.filter { $0 <= 0.05 }.count)
    #expect(holmCount >= ps.filter { $0 * 40 <= 0.05 }.count)
  }
}

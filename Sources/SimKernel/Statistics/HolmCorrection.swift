/// Holm's step-down correction for testing many hypotheses at once (Holm
/// 1979): it keeps the chance of calling *any* true null "significant" at
/// most `alpha`, whatever the dependence between the tests, and rejects at
/// least as much as Bonferroni.
public enum HolmCorrection {
  /// Holm-adjusted *p*-values, in the order given: sorted ascending,
  /// p(i) × (m − i), made monotone, capped at 1. A hypothesis is rejected
  /// at level α when its adjusted value is at most α.
  public static func adjusted(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var result = [Double](repeating: 1, count: m)
    var running = 0.0
    for (rank, index) in order.enumerated() {
      let p = pValues[index].isNaN ? 1 : pValues[index]
      running = max(running, min(1, p * Double(m - rank)))
      result[index] = running
    }
    return result
  }

  /// Which hypotheses Holm's procedure rejects at level `alpha`.
  public static func rejected(_ pValues: [Double], alpha: Double = 0.05) -> [Bool] {
    adjusted(pValues).map { $0 <= alpha }
  }
}

internal import CGSL

extension PRIM {
  /// The quasi-p-value of each restriction of `box` (EMA Workbench's
  /// reference, after Bryant & Lempert 2010): with the restriction on
  /// factor d removed, the box holds cases at rate p; the quasi-p-value is
  /// the one-sided binomial probability of the box's own hits or more
  /// among its own points at rate p. Small: the restriction concentrates
  /// the cases; near 1: the box does as well without it.
  public func quasiPValues(_ box: PRIMBox) -> [Int: Double] {
    let own = counts(box)
    var result: [Int: Double] = [:]
    for d in step(box).restricted {
      var wider = box
      wider.lower[d] = whole.lower[d]
      wider.upper[d] = whole.upper[d]
      let without = counts(wider)
      let p = without.inside == 0 ? 0 : Double(without.hits) / Double(without.inside)
      result[d] = Self.binomialUpperTail(atLeast: own.hits, trials: own.inside, probability: p)
    }
    return result
  }

  /// `box` with every restriction whose quasi-p-value exceeds
  /// `significance` removed, the least significant first, the others'
  /// values recomputed after each removal.
  public func significantOnly(_ box: PRIMBox, significance: Double) -> PRIMBox {
    var box = box
    while let (d, p) = quasiPValues(box).max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
          p > significance {
      box.lower[d] = whole.lower[d]
      box.upper[d] = whole.upper[d]
    }
    return box
  }

  /// Points inside `box` and, of those, cases of interest.
  func counts(_ box: PRIMBox) -> (inside: Int, hits: Int) {
    var inside = 0, hits = 0
    for (x, y) in zip(points, outcome) where box.contains(x) {
      inside += 1
      if y { hits += 1 }
    }
    return (inside, hits)
  }

  /// P(X ≥ k) for X ~ Binomial(n, p) (GSL's upper tail).
  static func binomialUpperTail(atLeast k: Int, trials n: Int, probability p: Double) -> Double {
    guard k > 0 else { return 1 }
    guard k <= n else { return 0 }
    return gsl_cdf_binomial_Q(UInt32(k - 1), p, UInt32(n))
  }
}

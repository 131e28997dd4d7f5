extension Expectation {
  /// How far `value` is from meeting the threshold, over the threshold's
  /// size (at least 1 for counts, the threshold's scale for rates): 0 when
  /// it holds.
  public func violation(_ value: Double) -> Double {
    if comparison.holds(value, threshold) { return 0 }
    let scale = metric.isRate ? 1 : max(1, abs(threshold))
    return abs(value - threshold) / scale + 1e-9
  }

  /// Whether two thresholds on the same metric leave no value meeting both.
  public func contradicts(_ other: Expectation) -> Bool {
    guard metric == other.metric else { return false }
    func lowerBound(_ e: Expectation) -> (Double, Bool)? {
      switch e.comparison {
      case .atLeast: (e.threshold, true)
      case .above: (e.threshold, false)
      default: nil
      }
    }
    func upperBound(_ e: Expectation) -> (Double, Bool)? {
      switch e.comparison {
      case .atMost: (e.threshold, true)
      case .below: (e.threshold, false)
      default: nil
      }
    }
    for (a, b) in [(self, other), (other, self)] {
      if let (low, lowClosed) = lowerBound(a), let (high, highClosed) = upperBound(b) {
        if low > high || (low == high && !(lowClosed && highClosed)) { return true }
      }
    }
    return false
  }
}

extension ModelCounts {
  /// Weekly series of several platforms pooled week by week (orders of
  /// every platform together), in ``Platform`` order; empty when there are
  /// none.
  public static func pooled(_ weeklyByPlatform: [Platform: [ModelCounts]]) -> [ModelCounts] {
    let series = Platform.allCases.compactMap { weeklyByPlatform[$0] }
    guard var pooled = series.first else { return [] }
    for other in series.dropFirst() {
      for w in pooled.indices { pooled[w].merge(other[w]) }
    }
    return pooled
  }

  /// The weeks of `series` at `indices` (at least one) pooled into one
  /// count: a window of whole weeks, whose metric is taken after pooling.
  public static func pooled(_ series: [ModelCounts], at indices: [Int]) -> ModelCounts {
    var total = series[indices[0]]
    for i in indices.dropFirst() { total.merge(series[i]) }
    return total
  }
}

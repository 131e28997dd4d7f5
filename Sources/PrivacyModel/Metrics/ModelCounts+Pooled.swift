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
}

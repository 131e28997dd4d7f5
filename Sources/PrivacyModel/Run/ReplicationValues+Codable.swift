/// Exactly, and the same bytes for the same values in any process: the
/// weekly series are written as a list in ``Platform`` order, not as a
/// dictionary (whose order differs from one process to the next). The
/// metric values are in ``Metric/allCases`` order, which only a change of
/// simrun version can change (and a task result of another version is
/// refused).
extension ReplicationValues: Codable {
  private enum CodingKeys: String, CodingKey {
    case values, segmentValues, orders, segmentOrders, weekly, eventsExecuted, peakOrdersInFlight
  }

  private struct Weekly: Codable {
    let platform: Platform
    let weeks: [ModelCounts]
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let values = try c.decode([Double].self, forKey: .values)
    let segmentValues = try c.decode([[Double]].self, forKey: .segmentValues)
    let segmentOrders = try c.decode([Int].self, forKey: .segmentOrders)
    let metrics = Metric.allCases.count, segments = ShopSegment.allCases.count
    guard values.count == metrics, segmentValues.count == segments, segmentValues.allSatisfy({ $0.count == metrics }),
          segmentOrders.count == segments else {
      throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                                              debugDescription: "\(metrics) metric values for all orders and each of \(segments) segments expected"))
    }
    let weekly = try c.decode([Weekly].self, forKey: .weekly)
    self.init(values: values, segmentValues: segmentValues, orders: try c.decode(Int.self, forKey: .orders),
              segmentOrders: segmentOrders,
              weeklyByPlatform: Dictionary(weekly.map { ($0.platform, $0.weeks) }, uniquingKeysWith: { a, _ in a }),
              eventsExecuted: try c.decode(UInt64.self, forKey: .eventsExecuted),
              peakOrdersInFlight: try c.decode(Int.self, forKey: .peakOrdersInFlight))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Array(values), forKey: .values)
    try c.encode(segmentValues.map(Array.init), forKey: .segmentValues)
    try c.encode(orders, forKey: .orders)
    try c.encode(segmentOrders, forKey: .segmentOrders)
    try c.encode(Platform.allCases.compactMap { p in weeklyByPlatform[p].map { Weekly(platform: p, weeks: $0) } }, forKey: .weekly)
    try c.encode(eventsExecuted, forKey: .eventsExecuted)
    try c.encode(peakOrdersInFlight, forKey: .peakOrdersInFlight)
  }
}

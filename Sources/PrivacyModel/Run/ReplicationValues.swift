internal import SimKernel

/// What the reports need of one replication, and no more: every metric's
/// value for all orders and for each shop-size segment, the orders per
/// segment, and — only when the scenario records them — the weekly counts
/// (a switch window pools whole weeks before taking a metric, so they stay
/// counts, their contact-time sketches made compact). A ``ReplicationResult`` with its contact-time sketches is about
/// half a megabyte; these values are under 2 KB without weekly series, so a
/// run of thousands of replications, or a merge of thousands of task
/// results, keeps them all (for intervals and paired differences) in a few
/// megabytes. The values are computed once, from the full counts, so every
/// report reads exactly the numbers it read from the counts.
public struct ReplicationValues: Sendable {
  /// Every metric's value for all orders, then for each ``ShopSegment``
  /// in its order, each in ``Metric/allCases`` order: one allocation, as
  /// thousands of these are kept.
  private let table: [Double]
  /// Orders created, in all and by ``ShopSegment``.
  public let orders: Int
  public let segmentOrders: [Int]
  /// Counts by platform and week (empty unless the scenario records weekly
  /// series): ``ReplicationResult/weeklyByPlatform``.
  public let weeklyByPlatform: [Platform: [ModelCounts]]
  public let eventsExecuted: UInt64
  public let peakOrdersInFlight: Int

  /// The values of `result`.
  public init(_ result: ReplicationResult) {
    table = ([result.counts] + result.segments).flatMap { counts in Metric.allCases.map { counts.value($0) } }
    orders = result.counts.orders
    segmentOrders = result.segments.map(\.orders)
    weeklyByPlatform = result.weeklyByPlatform.mapValues { $0.map { $0.compacted() } }
    eventsExecuted = result.eventsExecuted
    peakOrdersInFlight = result.peakOrdersInFlight
  }

  /// The values as given (decoding).
  init(values: [Double], segmentValues: [[Double]], orders: Int, segmentOrders: [Int],
       weeklyByPlatform: [Platform: [ModelCounts]], eventsExecuted: UInt64, peakOrdersInFlight: Int) {
    table = values + segmentValues.joined()
    self.orders = orders
    self.segmentOrders = segmentOrders
    self.weeklyByPlatform = weeklyByPlatform
    self.eventsExecuted = eventsExecuted
    self.peakOrdersInFlight = peakOrdersInFlight
  }

  /// Every metric's value for all orders, in ``Metric/allCases`` order.
  public var values: ArraySlice<Double> { table[..<Metric.allCases.count] }

  /// By ``ShopSegment`` (in its order): every metric's value for the orders
  /// of shops in the segment, in ``Metric/allCases`` order.
  public var segmentValues: [ArraySlice<Double>] {
    let m = Metric.allCases.count
    return ShopSegment.allCases.map { table[(m * ($0.rawValue + 1))..<(m * ($0.rawValue + 2))] }
  }

  /// The value of `metric` for all orders.
  public func value(_ metric: Metric) -> Double { table[metric.index] }

  /// The value of `metric` for the orders of shops in `segment`.
  public func value(_ metric: Metric, segment: ShopSegment) -> Double {
    table[Metric.allCases.count * (segment.rawValue + 1) + metric.index]
  }

  /// Both platforms' weekly counts together (orders of both platforms
  /// pooled; a report shows the platforms apart).
  public var weekly: [ModelCounts] {
    ModelCounts.pooled(weeklyByPlatform)
  }
}

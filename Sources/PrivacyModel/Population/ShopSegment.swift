/// A shop-size segment: which shops bear a rule, by the shop's real orders
/// a day (RULEBOOK §2's "small shops" and "large shops", with bounds chosen
/// around the 30-a-day decrypt quota of R-D2).
public enum ShopSegment: Int, CaseIterable, Hashable, Sendable {
  /// Fewer than 10 orders a day: the quota rarely binds.
  case under10
  /// 10 to 100 a day: the quota binds on busy days.
  case from10To100
  /// 100 to 1,000 a day: the quota binds every day.
  case from100To1000
  /// 1,000 or more a day.
  case atLeast1000

  /// The lower bounds of the segments after the first, orders a day.
  public static let bounds: [Double] = [10, 100, 1_000]

  /// The segment of a shop of `ordersPerDay` real orders a day.
  public init(ordersPerDay: Double) {
    self = ShopSegment(rawValue: ShopSegment.bounds.firstIndex { ordersPerDay < $0 } ?? ShopSegment.bounds.count)!
  }

  /// A short machine name, e.g. `10-100`.
  public var id: String {
    switch self {
    case .under10: "lt10"
    case .from10To100: "10-100"
    case .from100To1000: "100-1000"
    case .atLeast1000: "ge1000"
    }
  }

  /// The segment in words, e.g. "10–100 orders a day".
  public var title: String {
    switch self {
    case .under10: "< 10 orders a day"
    case .from10To100: "10–100 orders a day"
    case .from100To1000: "100–1,000 orders a day"
    case .atLeast1000: "≥ 1,000 orders a day"
    }
  }
}

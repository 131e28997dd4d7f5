/// Which week a weekly series counts something in (``Scenario/weeklySeriesBasis``).
public enum WeeklySeriesBasis: String, CaseIterable, Sendable {
  /// The week the event happens: a courier's call, a merchant's contact,
  /// an order's completion each count in their own week, whichever week
  /// their order was created in (orders created in the warm-up included).
  /// A rule's effect cannot appear before the rule switches on. Events
  /// after the measured period (orders in flight running to their end)
  /// count in the totals only.
  case event
  /// The week the order was created: everything that happens to an order
  /// counts in its creation week, so an order created just before a
  /// switch carries the new rules' effects into the weeks before it.
  case creation

  /// "`period` of the event" or "`period` of order creation", for labels
  /// ("week", "month").
  public func label(_ period: String) -> String {
    switch self {
    case .event: "\(period) of the event"
    case .creation: "\(period) of order creation"
    }
  }

  /// What a window of whole weeks holds: "" (the events in it) or "orders
  /// created in ", to put before "the 4 weeks …".
  public var windowPrefix: String { self == .creation ? "orders created in " : "" }
}

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

  /// "month of the event" or "month of order creation", for labels.
  public var monthLabel: String {
    switch self {
    case .event: "month of the event"
    case .creation: "month of order creation"
    }
  }

  /// "week of the event" or "week of order creation", for labels.
  public var weekLabel: String {
    switch self {
    case .event: "week of the event"
    case .creation: "week of order creation"
    }
  }
}

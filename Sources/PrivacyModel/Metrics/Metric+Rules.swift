extension Metric {
  /// The rules a reader would expect to move this metric when they come
  /// into force: the mechanisms of RULEBOOK §3–§6 that act on it. Reports
  /// say so when such a rule arrives and the metric does not change
  /// measurably ("no measurable change"), since that is a finding too.
  /// Empty for metrics no rule is expected to move by itself.
  public var concernedRules: Set<RuleID> {
    switch self {
    case .courierReachPerAttempt, .courierReachPerDelivery, .failedDeliveriesPer1000:
      [.w1, .w3, .w4, .w7, .t1, .t2, .t3, .t5]
    case .returnPickupContact: [.w3, .w8, .t2, .t3]
    case .merchantContactFulfilment: [.d1, .d2, .d3, .d5, .w1, .w2, .w7, .t2]
    case .merchantContactAfterSale: [.d1, .d2, .d3, .d4, .d5, .w1, .w2, .w7, .w8, .t2]
    case .merchantContactMarketing: [.d1, .d2, .d3, .d4, .d5, .w1, .w2, .w5, .t2, .t3]
    case .realNumberExposuresPer1000: [.d1, .d2, .d3, .d4, .d5, .d6, .w1, .w2]
    case .numbersObtainedPer1000: [.d1, .d2, .d3, .d4, .d5, .d6, .w1, .w2, .m1]
    case .callsBlockedUnregistered: [.t2, .g1, .g2, .g8]
    case .courierFailedExpired: [.w3, .w4, .t3]
    case .courierFailedNotRegistered: [.t2, .g8]
    case .courierFailedNotAdapted: [.t5]
    case .courierFailedExtension: [.t1]
    case .callsBlockedUnverified: [.w7]
    default: []
    }
  }

  /// Whom a headline metric speaks for, so that a finding can say what a
  /// rule did to each of them (the mission's three questions).
  public enum Audience: Sendable {
    /// Couriers and other callers reaching buyers.
    case callers
    /// Merchants reaching their customers.
    case merchants
    /// Buyers' privacy.
    case privacy
    /// Breakdowns and activity counts.
    case detail
  }

  public var audience: Audience {
    switch self {
    case .courierReachPerAttempt, .courierReachPerDelivery, .failedDeliveriesPer1000, .returnPickupContact, .callsBlockedUnregistered:
      .callers
    case .merchantContactFulfilment, .merchantContactAfterSale, .merchantContactMarketing: .merchants
    case .realNumberExposuresPer1000, .numbersObtainedPer1000, .retainedNumbersPer1000, .privateDomainReachPer1000,
         .profileExposuresPer1000:
      .privacy
    default: .detail
    }
  }

  /// The metric's name inside a finding's sentence: short words for the
  /// headline metrics, else `title` with its first letter in lower case
  /// unless the first word is a name ("Taobao", "G-group").
  public var phrase: String {
    switch self {
    case .courierReachPerAttempt: return "courier calls reaching the buyer"
    case .courierReachPerDelivery: return "deliveries reached by phone"
    case .returnPickupContact: return "return pick-ups reached by phone"
    case .merchantContactMarketing: return "marketing contact after completion"
    case .realNumberExposuresPer1000: return "real numbers revealed to merchants"
    case .numbersObtainedPer1000: return "buyers' numbers obtained by shops"
    case .callsBlockedUnregistered: return "calls blocked as unregistered"
    default: break
    }
    let first = title.prefix { $0 != " " }
    let isName = first.dropFirst().contains { $0.isUppercase || $0 == "-" } || ["Taobao", "WeChat"].contains(String(first))
    return isName ? title : title.prefix(1).lowercased() + title.dropFirst()
  }
}

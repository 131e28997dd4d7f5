public import SimKernel

/// The numbers of WeChat Shop's virtual-number rules (RULEBOOK §3), each a
/// scenario parameter.
public struct WeChatVirtualNumberRules: Hashable, Sendable {
  /// R-W3: validity from the merchant's first view (P1: 30 days).
  public var validity = SimDuration.days(30)
  /// R-W3: early expiry this long after the order completes (S0: 15 days).
  /// S0 also says the number "stops immediately" on completion: set 0 for
  /// that strict reading.
  public var earlyExpiryAfterCompletion = SimDuration.days(15)
  /// R-W4: validity of the number granted on re-application (30 days, not
  /// extendable).
  public var reapplicationValidity = SimDuration.days(30)
  /// R-W4: re-applications allowed per order (S0: exactly once).
  public var reapplicationsAllowed = 1
  /// R-W8: after-sale number validity from the case start (P1: 30 days).
  public var afterSaleValidity = SimDuration.days(30)

  public init() {}
}

public import SimKernel

/// Decides decrypt requests under a ``DecryptPolicy`` (RULEBOOK R-D1…R-D5,
/// with R-V1 suspensions), keeping the shop's daily counters and the order's
/// "decrypted today" mark.
///
/// Checks run in this order, and the first that fails names the denial:
/// suspension (policy), e-waybill (no waybill), order state (state),
/// official-tools-first (policy), quota (quota). A repeat decrypt of an order
/// already decrypted on the same local day is granted without counting
/// against the quota.
public struct DecryptGatekeeper: Hashable, Sendable {
  public var policy: DecryptPolicy
  public let calendar: SimCalendar

  public init(policy: DecryptPolicy, calendar: SimCalendar) {
    self.policy = policy
    self.calendar = calendar
  }

  /// What the requesting shop and order bring to a request.
  public struct Request: Hashable, Sendable {
    public var shopHasEWaybill: Bool
    /// R-D5: whether the shop was given decrypt quota at all (read only
    /// while R-D5 is in force).
    public var shopHasQuota: Bool
    public var orderState: OrderState
    public var inAfterSalePeriod: Bool
    /// R-D3: whether an official tool could have met the need.
    public var toolCouldMeetNeed: Bool
    /// R-D2: how the simulated shop stands for the real one (``SampleScale``).
    public var scale: SampleScale
    public init(shopHasEWaybill: Bool = true, shopHasQuota: Bool = true, orderState: OrderState,
                inAfterSalePeriod: Bool = false, toolCouldMeetNeed: Bool = false, scale: SampleScale = .one) {
      self.shopHasEWaybill = shopHasEWaybill
      self.shopHasQuota = shopHasQuota
      self.orderState = orderState
      self.inAfterSalePeriod = inAfterSalePeriod
      self.toolCouldMeetNeed = toolCouldMeetNeed
      self.scale = scale
    }
  }

  /// Decides `request` at `now`.
  ///
  /// - Parameters:
  ///   - shop: the shop's counters, updated when the decrypt counts.
  ///   - lastDecryptDay: the order's mark, the local day it was last
  ///     decrypted (`nil` if never); set when granted.
  ///   - pooledUse: for a shop that stands for one or more real shops
  ///     (scale ≥ 1), the quota one request uses: 1/scale of a real shop's.
  ///   - sampledQuota: for a shop that sees a sample of one real shop's
  ///     requests (scale < 1), whether the real shop has quota for this
  ///     request (read only when the request reaches the quota).
  public func decide(
    _ request: Request, shop: inout ShopDecryptState, lastDecryptDay: inout Int64?, at now: SimTime,
    sampledQuota: (ShopDecryptState) -> Bool = { _ in true }
  ) -> DecryptOutcome {
    if policy.suspensionsApply && now < shop.suspendedUntil { return .denied(.policy) }
    if policy.requiresEWaybill && !request.shopHasEWaybill { return .denied(.noWaybill) }
    if policy.restrictedByState && !request.orderState.isDecryptable(inAfterSalePeriod: request.inAfterSalePeriod) {
      return .denied(.state)
    }
    var violation = false
    if policy.officialToolsFirst && request.toolCouldMeetNeed {
      switch policy.unnecessaryDecrypt {
      case .refuse: return .denied(.policy)
      case .grantAsViolation: violation = true
      }
    }
    guard let base = policy.dailyBaseQuota else {
      lastDecryptDay = calendar.localDayNumber(of: now)
      return .granted(countedAgainstQuota: false, violation: violation)
    }
    // R-D5 arrives in 2025-08: before it, R-D2's quota is every shop's.
    if policy.quotaOnlyForSomeShops && !request.shopHasQuota { return .denied(.quota) }
    let today = calendar.localDayNumber(of: now)
    shop.roll(to: today)
    if lastDecryptDay == today { return .granted(countedAgainstQuota: false, violation: violation) }
    let capacity = Double(base) + Double(shop.temporaryToday)
    if request.scale.simulatedPerReal >= 1 {
      // The request uses its share of the (pooled) quota if any is left.
      let use = request.scale.meanRealEvents
      guard shop.usedToday + use <= capacity * (1 + 1e-12) + 1e-9 else {
        shop.exhaust(capacity)
        return .denied(.quota)
      }
      shop.use(use)
    } else {
      let granted = sampledQuota(shop)
      shop.countSampled()
      guard granted else { return .denied(.quota) }
    }
    lastDecryptDay = today
    return .granted(countedAgainstQuota: true, violation: violation)
  }
}

internal import SimKernel

/// A merchant's attempts to reach a buyer, through whatever the phase allows
/// (RULEBOOK §2–§5, §8): a real number already held, official tools first
/// (R-D3), a decrypt (R-D1…R-D5) that yields the real number or, from R-W1
/// on, a virtual number whose caller must be verified (R-W7) or registered
/// (R-T2), and the platform's messages as the fallback.
extension OrderModel {
  mutating func merchantContact<Events: EventSet<OrderEvent>>(
    _ slot: UInt32, purpose: ContactPurpose, _ sim: inout Simulation<Events>
  ) throws(SimulationError) {
    let now = sim.now
    var order = pool[slot]
    let index = Int(order.merchant)
    var merchant = population.merchants[index]
    tally(order) { $0.needs[purpose.rawValue] += 1 }
    let outcome = try contact(&order, &merchant, merchantIndex: index, purpose: purpose, &sim)
    if let (channel, time) = outcome {
      tally(order) {
        $0.needsMet[purpose.rawValue] += 1
        $0.metByChannel[channel.rawValue] += 1
        $0.contactTime.record((time - now).milliseconds / 60_000)
      }
    }
    pool[slot] = order
    population.merchants[index] = merchant
  }

  /// The channel and time of the contact, or `nil` if the need goes unmet.
  mutating func contact<Events: EventSet<OrderEvent>>(
    _ order: inout OrderRecord, _ merchant: inout Merchant, merchantIndex: Int, purpose: ContactPurpose,
    _ sim: inout Simulation<Events>
  ) throws(SimulationError) -> (ContactChannel, SimTime)? {
    let now = sim.now
    let c = scenario.contact
    let draw = sContact[purpose.rawValue]
    let toolCould: Bool
    switch purpose {
    case .fulfilment: toolCould = draw.bernoulli(c.toolCouldMeetFulfilment)
    case .afterSale: toolCould = draw.bernoulli(c.toolCouldMeetAfterSale)
    case .marketing: toolCould = draw.bernoulli(c.toolCouldMeetMarketing)
    }
    // R-V1: a shop that misuses numbers calls for marketing whatever the
    // rules; the platform may detect it and suspend decrypt and calls.
    let rules = rules(order)
    if purpose == .marketing && merchant.misusesNumbers && rules.contains(.v1) {
      misuse(&merchant, order: order, at: now)
    }
    let suspended = rules.contains(.v1) && now < merchant.decrypt.suspendedUntil
    // A number already held — revealed earlier, or from the shop's own
    // mini-program (R-M1, outside the order) — is simply called.
    if (order.merchantHoldsRealNumber || order.sideChannelNumber) && !suspended, let t = phone(at: now, draw) {
      return (.plaintext, t)
    }
    if rules.contains(.d3) && toolCould && merchant.usesOfficialTools { return platformMessage(order, at: now, draw) }
    guard order.needsLogistics, !suspended else { return platformMessage(order, at: now, draw) }
    if order.isWeChat {
      return try weChatContact(&order, &merchant, merchantIndex: merchantIndex, purpose: purpose,
                               toolCould: toolCould, &sim)
    }
    return taobaoContact(&order, merchant, at: now, draw)
  }

  mutating func weChatContact<Events: EventSet<OrderEvent>>(
    _ order: inout OrderRecord, _ merchant: inout Merchant, merchantIndex: Int, purpose: ContactPurpose,
    toolCould: Bool, _ sim: inout Simulation<Events>
  ) throws(SimulationError) -> (ContactChannel, SimTime)? {
    let now = sim.now
    let m = scenario.merchants
    let draw = sContact[purpose.rawValue]
    let decryptable = isDecryptable(order, at: now)
    let request = DecryptGatekeeper.Request(
      shopHasEWaybill: merchant.hasEWaybill, shopHasQuota: merchant.hasQuota, orderState: order.state,
      inAfterSalePeriod: decryptable && order.state == .completed, toolCouldMeetNeed: toolCould)
    switch gate.decide(request, shop: &merchant.decrypt, lastDecryptDay: &order.lastDecryptDay, at: now) {
    case let .granted(_, violation):
      if violation { misuse(&merchant, order: order, at: now) }
      guard weChatRules.contains(.w1) && weChatRules.contains(.w2) else {
        // Before virtual numbers (or without R-W2) a decrypt reveals the real number.
        if !order.merchantHoldsRealNumber { tally(order) { $0.realNumberExposures += 1 } }
        order.merchantHoldsRealNumber = true
        return phone(at: now, draw).map { (.decrypt, $0) } ?? platformMessage(order, at: now, draw)
      }
      // R-W8: during an after-sale case the case's own number serves.
      let afterSaleNumber = purpose == .afterSale && weChatRules.contains(.w8)
        && AfterSaleVirtualNumber.isValid(opened: order.afterSaleCaseOpened, closed: order.afterSaleCaseClosed,
                                          at: now, scenario.virtualNumbers)
      if !afterSaleNumber {
        // R-W2: the decrypt shows the virtual number; R-W4: one new number
        // after expiry.
        order.virtualNumber.view(at: now)
        if !order.virtualNumber.isValid(at: now, scenario.virtualNumbers) {
          _ = order.virtualNumber.reapply(at: now, orderDecryptable: decryptable, scenario.virtualNumbers)
        }
        guard order.virtualNumber.isValid(at: now, scenario.virtualNumbers) else { return platformMessage(order, at: now, draw) }
      }
      if weChatRules.contains(.w7) && !merchant.verification.canDial(at: now, reviewingCanDial: m.reviewingCanDial) {
        tally(order) { $0.callsBlockedUnverified += 1 }
        // R-W2: apply for the real number (fulfilment and after-sale only).
        if purpose != .marketing && sPlatform.bernoulli(m.realNumberApprovalProbability) {
          if !order.merchantHoldsRealNumber { tally(order) { $0.realNumberExposures += 1 } }
          order.merchantHoldsRealNumber = true
          let reviewed = now + SimDuration(hours: m.realNumberReviewDelay)
          return phone(at: reviewed, draw).map { (.decrypt, $0) } ?? platformMessage(order, at: now, draw)
        }
        return platformMessage(order, at: now, draw)
      }
      return phone(at: now, draw).map { (.virtualNumberCall, $0) } ?? platformMessage(order, at: now, draw)
    case let .denied(reason):
      tally(order) { $0.decryptDenied[reason.index] += 1 }
      if reason == .quota && merchant.hasQuota && !merchant.quotaApplicationPending
        && sPlatform.bernoulli(m.temporaryQuotaApplicationProbability)
      {
        merchant.quotaApplicationPending = true
        tally(order) { $0.temporaryQuotaApplications += 1 }
        try sim.schedule(OrderEvent(.quotaDecision, slot: UInt32(merchantIndex)),
                         after: SimDuration(hours: m.temporaryQuotaDelay))
      }
      return platformMessage(order, at: now, draw)
    }
  }

  mutating func taobaoContact(
    _ order: inout OrderRecord, _ merchant: Merchant, at now: SimTime, _ draw: RandomStream
  ) -> (ContactChannel, SimTime)? {
    // R-D6: a decrypt yields the virtual number, never the real one.
    let completedAt = order.completed == .distantFuture ? nil : order.completed
    guard scenario.taobao.isValid(completedAt: completedAt, at: now) else { return platformMessage(order, at: now, draw) }
    switch order.gGroup.format {
    case .elevenPlusFour:
      if draw.bernoulli(scenario.taobao.extensionMisdialProbability) { return platformMessage(order, at: now, draw) }
    case .sevenHundred:
      if !order.gGroup.admits(caller: MerchantPopulation.staffCaller) {
        if merchant.registration == .lazy { registerStaff(&order) }
        guard order.gGroup.admits(caller: MerchantPopulation.staffCaller) else {
          tally(order) { $0.callsBlockedUnregistered += 1 }
          return platformMessage(order, at: now, draw)
        }
      }
    }
    return phone(at: now, draw).map { (.virtualNumberCall, $0) } ?? platformMessage(order, at: now, draw)
  }

  /// Registers the shop's staff number in the order's G group (R-G2).
  mutating func registerStaff(_ order: inout OrderRecord) {
    let outcome = scenario.gGroup.update(&order.gGroup, operation: .add, callers: CallerSet(single: MerchantPopulation.staffCaller))
    tally(order) {
      $0.gGroupCalls += 1
      if !outcome.isSuccess { $0.gGroupRejected += 1 }
    }
  }

  mutating func registerStaff(_ slot: UInt32) {
    var order = pool[slot]
    registerStaff(&order)
    pool[slot] = order
  }

  /// Phone calls: the first answered attempt's time, or `nil`.
  func phone(at now: SimTime, _ draw: RandomStream) -> SimTime? {
    let c = scenario.contact
    for attempt in 0..<max(1, c.merchantCallAttempts) where draw.bernoulli(c.answerProbability) {
      return now + SimDuration(hours: Double(attempt) * c.merchantRetryDelay)
    }
    return nil
  }

  /// The platform's customer-service message, then (Taobao) the OAID SMS
  /// API. WeChat virtual numbers take no SMS (R-W6).
  func platformMessage(_ order: OrderRecord, at now: SimTime, _ draw: RandomStream) -> (ContactChannel, SimTime)? {
    let c = scenario.contact
    if draw.bernoulli(c.officialMessageResponse) {
      return (.officialMessage, now + SimDuration(hours: c.officialMessageDelay.sample(draw)))
    }
    if !order.isWeChat && draw.bernoulli(c.smsApiResponse) {
      return (.smsAPI, now + SimDuration(hours: c.officialMessageDelay.sample(draw)))
    }
    return nil
  }

  /// A violation (R-V1): detected with some probability, then a suspension.
  mutating func misuse(_ merchant: inout Merchant, order: OrderRecord, at now: SimTime) {
    tally(order) { $0.violations += 1 }
    let m = scenario.merchants
    if now >= merchant.decrypt.suspendedUntil && sPlatform.bernoulli(m.misuseDetectionProbability) {
      merchant.decrypt.suspendedUntil = now + SimDuration(hours: m.suspensionLength)
      tally(order) { $0.suspensions += 1 }
    }
  }

  /// The platform decides a temporary-quota application (R-D2).
  mutating func decideTemporaryQuota(merchant index: Int, at now: SimTime) {
    population.merchants[index].quotaApplicationPending = false
    if sPlatform.bernoulli(scenario.merchants.temporaryQuotaApprovalProbability) {
      population.merchants[index].decrypt.grantTemporaryQuota(
        Int32(scenario.merchants.temporaryQuotaAmount), at: now, calendar: calendar)
    }
  }
}

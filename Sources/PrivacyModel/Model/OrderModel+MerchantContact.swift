internal import SimKernel

/// A merchant's attempts to reach a buyer, through whatever the phase allows
/// (RULEBOOK §2–§5, §8): the channels of ``MerchantContactPolicy``, in its
/// order, each tried once.
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
        $0.contactTimeByPurpose[purpose.rawValue].record((time - now).milliseconds / 60_000)
      }
    }
    pool[slot] = order
    population.merchants[index] = merchant
  }

  /// The channel and time of the contact, or `nil` if the need goes unmet:
  /// the channels of ``MerchantContactPolicy`` tried in order, each once.
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
    let situation = ContactSituation(
      isWeChat: order.isWeChat, rules: rules, purpose: purpose,
      holdsRealNumber: order.merchantHoldsRealNumber || order.sideChannelNumber,
      toolMeetsNeed: toolCould && merchant.usesOfficialTools, needsLogistics: order.needsLogistics,
      suspended: rules.contains(.v1) && now < merchant.decrypt.suspendedUntil)
    var blockedUnverified = false
    for channel in MerchantContactPolicy.channels(for: situation) {
      let reached: (ContactChannel, SimTime)?
      switch channel {
      case .heldNumber:
        reached = phone(at: now, draw).map { (.plaintext, $0) }
      case .decrypt:
        reached = try weChatDecrypt(&order, &merchant, merchantIndex: merchantIndex, purpose: purpose,
                                    toolCould: toolCould, blockedUnverified: &blockedUnverified, &sim)
      case .realNumberApplication:
        reached = blockedUnverified ? applyForRealNumber(&order, at: now, draw) : nil
      case .virtualNumberCall:
        reached = taobaoCall(&order, merchant, at: now, draw)
      case .officialTool:
        reached = draw.bernoulli(c.officialToolSuccess)
          ? (.officialMessage, now + SimDuration(hours: c.officialToolDelay.sample(draw))) : nil
      case .officialMessage:
        reached = draw.bernoulli(c.officialMessageResponse)
          ? (.officialMessage, now + SimDuration(hours: c.officialMessageDelay.sample(draw))) : nil
      case .smsAPI:
        reached = draw.bernoulli(c.smsApiResponse)
          ? (.smsAPI, now + SimDuration(hours: c.officialMessageDelay.sample(draw))) : nil
      }
      if let reached {
        // R-V1: a misusing shop that has the buyer on the phone for a
        // service need may steer or harass; the platform may detect it.
        if reached.0 != .officialMessage && reached.0 != .smsAPI && purpose != .marketing && merchant.misusesNumbers
          && rules.contains(.v1) && sPlatform.bernoulli(scenario.merchants.misuseOnServiceContact)
        {
          misuse(&merchant, order: order, at: now)
        }
        return reached
      }
    }
    return nil
  }

  /// The decrypt channel (WeChat): the gatekeeper decides (R-D1…R-D5); a
  /// granted decrypt yields the real number before R-W1/R-W2, else the
  /// virtual number (R-W3/R-W4) or the after-sale case's number (R-W8),
  /// which the shop calls if its line may dial (R-W7).
  mutating func weChatDecrypt<Events: EventSet<OrderEvent>>(
    _ order: inout OrderRecord, _ merchant: inout Merchant, merchantIndex: Int, purpose: ContactPurpose,
    toolCould: Bool, blockedUnverified: inout Bool, _ sim: inout Simulation<Events>
  ) throws(SimulationError) -> (ContactChannel, SimTime)? {
    let now = sim.now
    let m = scenario.merchants
    let draw = sContact[purpose.rawValue]
    let decryptable = isDecryptable(order, at: now)
    let request = DecryptGatekeeper.Request(
      shopHasEWaybill: merchant.hasEWaybill, shopHasQuota: merchant.hasQuota, orderState: order.state,
      inAfterSalePeriod: decryptable && order.state == .completed, toolCouldMeetNeed: toolCould,
      scale: merchant.scale)
    decryptRequestsByHour[calendar.hourOfDay(now)] += 1
    let scale = merchant.scale
    var sampledApplications = 0.0
    let outcome = gate.decide(request, shop: &merchant.decrypt, lastDecryptDay: &order.lastDecryptDay, at: now) { shop in
      sampledQuota(shop, scale, applications: &sampledApplications, at: now)
    }
    if sampledApplications > 0 {
      // Applications counted unbiasedly: whole part plus a chance of one more.
      let whole = sampledApplications.rounded(.down)
      let applications = Int(whole) + (sScale.uniform() < sampledApplications - whole ? 1 : 0)
      if applications > 0 { tally(order) { $0.temporaryQuotaApplications += applications } }
    }
    switch outcome {
    case let .granted(_, violation):
      if violation { misuse(&merchant, order: order, at: now) }
      guard weChatRules.contains(.w1) && weChatRules.contains(.w2) else {
        // Before virtual numbers (or without R-W2) a decrypt reveals the real number.
        reveal(&order)
        return phone(at: now, draw).map { (.decrypt, $0) }
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
        guard order.virtualNumber.isValid(at: now, scenario.virtualNumbers) else { return nil }
      }
      if weChatRules.contains(.w7)
        && !population.verifications[merchantIndex].canDial(at: now, reviewingCanDial: m.reviewingCanDial)
      {
        tally(order) { $0.callsBlockedUnverified += 1 }
        blockedUnverified = true
        return nil
      }
      return phone(at: now, draw).map { (.virtualNumberCall, $0) }
    case let .denied(reason):
      tally(order) { $0.decryptDenied[reason.index] += 1 }
      let hasQuota = merchant.hasQuota || !gate.policy.quotaOnlyForSomeShops
      // A sampled shop's applications are in its quota answer (above).
      guard reason == .quota && hasQuota && !merchant.quotaApplicationPending && scale.simulatedPerReal >= 1 else { return nil }
      // Each refusal may prompt an application; a pooled shop applies as
      // often as one of its real shops (``SampleScale``).
      if sPlatform.bernoulli(scale.probability(perRealEvent: m.temporaryQuotaApplicationProbability)) {
        merchant.quotaApplicationPending = true
        let applications = scale.simulatedCount(1, sScale)
        tally(order) { $0.temporaryQuotaApplications += applications }
        try sim.schedule(OrderEvent(.quotaDecision, slot: UInt32(merchantIndex)),
                         after: SimDuration(hours: m.temporaryQuotaDelay))
      }
      return nil
    }
  }

  /// R-W2: the shop applies for the real number; if the platform approves,
  /// the number is revealed after review and called.
  mutating func applyForRealNumber(
    _ order: inout OrderRecord, at now: SimTime, _ draw: RandomStream
  ) -> (ContactChannel, SimTime)? {
    let m = scenario.merchants
    guard sPlatform.bernoulli(m.realNumberApprovalProbability) else { return nil }
    reveal(&order)
    return phone(at: now + SimDuration(hours: m.realNumberReviewDelay), draw).map { (.decrypt, $0) }
  }

  /// The merchant now holds the buyer's real number (an exposure, counted
  /// once per order).
  mutating func reveal(_ order: inout OrderRecord) {
    if !order.merchantHoldsRealNumber { tally(order) { $0.realNumberExposures += 1 } }
    order.merchantHoldsRealNumber = true
  }

  /// A call to a Taobao order's virtual number: valid until 7 days after
  /// completion (R-T3); the 11+4 extension must be dialled (R-T1); a 700
  /// number admits only registered callers (R-T2). A lazy shop registers
  /// its line at the need whenever the group lacks it; an eager shop
  /// registers at printing, and at a need only before printing (a need
  /// printing did not cover): after printing it believes the order covered,
  /// so an OAID change it did not watch for (R-G7) blocks its calls. R-D6:
  /// the decrypt behind it yields the virtual number, never the real one.
  mutating func taobaoCall(
    _ order: inout OrderRecord, _ merchant: Merchant, at now: SimTime, _ draw: RandomStream
  ) -> (ContactChannel, SimTime)? {
    // Which of the shop's numbers makes this call (R-G1–R-G5).
    let caller = draw.uniformInt(below: merchant.callers.count)
    let completedAt = order.completed == .distantFuture ? nil : order.completed
    guard scenario.taobao.isValid(completedAt: completedAt, at: now, inAfterSaleCase: order.state == .afterSale) else {
      return nil
    }
    switch order.gGroup.format {
    case .elevenPlusFour:
      if draw.bernoulli(scenario.taobao.extensionMisdialProbability) { return nil }
    case .sevenHundred:
      if !order.gGroup.admits(caller: caller) {
        let registersNow = merchant.registration == .lazy || (merchant.registration == .eager && order.state == .paid)
        if registersNow { register(CallerSet(single: caller), &order, merchant) }
        guard order.gGroup.admits(caller: caller) else {
          tally(order) { $0.callsBlockedUnregistered += 1 }
          return nil
        }
      }
    }
    return phone(at: now, draw).map { (.virtualNumberCall, $0) }
  }

  /// One registration call (R-G2) adding `callers` to the order's G group,
  /// counted with its rejection reason, if any (R-G3, R-G5, R-G6).
  mutating func register(_ callers: CallerSet, _ order: inout OrderRecord, _ merchant: Merchant) {
    let outcome = scenario.gGroup.update(&order.gGroup, operation: .add, callers: callers, invalid: merchant.invalidCallers)
    let rejection = outcome.rejection
    tally(order) {
      $0.gGroupCalls += 1
      if let rejection {
        $0.gGroupRejected += 1
        $0.gGroupRejections[rejection.rawValue] += 1
      }
    }
  }

  /// An eager shop registers every caller the order's group lacks (R-G9):
  /// in calls of at most `per_call_limit` numbers, or — shops that do not
  /// split — all in one call, which the platform refuses past the limit
  /// (R-G2). A shop that does not check the format calls on 11+4 orders too
  /// and is refused (R-G6).
  mutating func registerAll(_ order: inout OrderRecord, _ merchant: Merchant) {
    if merchant.checksNumberFormat && order.gGroup.format != .sevenHundred { return }
    var missing = merchant.callers.subtracting(order.gGroup.members)
    guard !missing.isEmpty else { return }
    guard merchant.splitsRegistrationCalls else {
      register(missing, &order, merchant)
      return
    }
    while !missing.isEmpty {
      let batch = missing.prefix(scenario.gGroup.perCallLimit)
      register(batch, &order, merchant)
      missing = missing.subtracting(batch)
    }
  }

  mutating func registerAll(_ slot: UInt32) {
    var order = pool[slot]
    registerAll(&order, population.merchants[Int(order.merchant)])
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

  /// A violation (R-V1): detected with some probability, then a suspension.
  /// The real shop is detected as often as its own violations make it
  /// (``SampleScale/probability(perRealEvent:)``), and its suspensions are
  /// counted per simulated order like every other count.
  mutating func misuse(_ merchant: inout Merchant, order: OrderRecord, at now: SimTime) {
    tally(order) { $0.violations += 1 }
    let m = scenario.merchants
    if now >= merchant.decrypt.suspendedUntil
      && sPlatform.bernoulli(merchant.scale.probability(perRealEvent: m.misuseDetectionProbability))
    {
      merchant.decrypt.suspendedUntil = now + SimDuration(hours: m.suspensionLength)
      let suspensions = merchant.scale.simulatedCount(1, sScale)
      tally(order) { $0.suspensions += suspensions }
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

  /// R-D2 for a sampled shop (scale < 1, ``SampleScale``): whether the
  /// real shop has quota for this request, and (in `applications`) the
  /// temporary-quota applications the request stands for.
  ///
  /// The request is the real shop's k-th of the day, k = 1 + its sampled
  /// requests earlier today + Poisson(the unsampled ones). Within the base
  /// quota it is granted. Past it, the real shop — refused many times
  /// between two sampled requests — is in the cycle R-D2 describes: apply
  /// (after 1/p refusals on average), wait for the decision, and when
  /// granted use the temporary quota up. In that cycle's steady state a
  /// request finds quota with probability (T/r) / (T/r + d′/a): T the
  /// amount, r the real requests an hour now, d′ the time to apply and be
  /// decided, a the approval probability; before the first decision can
  /// arrive (k − base refusals ago < d′) it finds none. Each real request
  /// of the cycle stands for 1 / (r·d′ + a·T) applications.
  mutating func sampledQuota(_ shop: ShopDecryptState, _ scale: SampleScale, applications: inout Double,
                             at now: SimTime) -> Bool {
    let base = Double(gate.policy.dailyBaseQuota ?? 0)
    let k = 1 + Double(shop.sampledToday) + Double(sScale.poisson(mean: unsampledRequestsToday(shop, scale, at: now)))
    if k <= base { return true }
    let m = scenario.merchants
    let rate = realRequestsPerHour(shop, scale, at: now)
    guard rate.isFinite, m.temporaryQuotaApplicationProbability > 0, m.temporaryQuotaApprovalProbability > 0,
          m.temporaryQuotaAmount > 0
    else { return false }
    let delay = m.temporaryQuotaDelay + (1 / m.temporaryQuotaApplicationProbability - 1) / rate
    let amount = Double(m.temporaryQuotaAmount), approval = m.temporaryQuotaApprovalProbability
    applications = 1 / (rate * delay + approval * amount)
    guard (k - base) / rate >= delay else { return false }
    let covered = amount / rate
    return sScale.uniform() < covered / (covered + delay / approval)
  }

  /// A sampled shop (scale < 1, ``SampleScale``): the expected number of
  /// the real shop's decrypt requests earlier today that the simulation
  /// did not sample. The real shop makes (its sampled requests a day) /
  /// scale requests a day, estimated from the run so far, spread over the
  /// day like all decrypt requests so far; the unsampled share is 1 − scale.
  func unsampledRequestsToday(_ shop: ShopDecryptState, _ scale: SampleScale, at now: SimTime) -> Double {
    let c = scale.simulatedPerReal
    guard c < 1 else { return 0 }
    let elapsedDays = max(1, Double(now.milliseconds) / 86_400_000)
    let realPerDay = Double(shop.sampledTotal + 1) / elapsedDays / c
    return (1 - c) * realPerDay * shareOfDecryptRequestsBefore(now)
  }

  /// A sampled shop: the real shop's decrypt requests an hour at `now`'s
  /// hour of day (∞ before any request, so no time is taken back).
  func realRequestsPerHour(_ shop: ShopDecryptState, _ scale: SampleScale, at now: SimTime) -> Double {
    let total = decryptRequestsByHour.reduce(0, +)
    guard total > 0 else { return .infinity }
    let elapsedDays = max(1, Double(now.milliseconds) / 86_400_000)
    let realPerDay = Double(shop.sampledTotal) / elapsedDays / scale.simulatedPerReal
    let rate = realPerDay * Double(decryptRequestsByHour[calendar.hourOfDay(now)]) / Double(total)
    return rate > 0 ? rate : .infinity
  }

  /// The share of a day's decrypt requests made before `now`'s time of day,
  /// from all requests so far (by hour, the current hour pro rata); the
  /// elapsed share of the day before any request.
  func shareOfDecryptRequestsBefore(_ now: SimTime) -> Double {
    let ms = calendar.millisecondOfDay(now)
    let hour = Int(ms / 3_600_000)
    let total = decryptRequestsByHour.reduce(0, +)
    guard total > 0 else { return Double(ms) / 86_400_000 }
    let before = decryptRequestsByHour[..<hour].reduce(0, +)
    let within = Double(ms % 3_600_000) / 3_600_000 * Double(decryptRequestsByHour[hour])
    return (Double(before) + within) / Double(total)
  }
}

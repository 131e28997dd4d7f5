internal import SimKernel

/// Deliveries: the courier phones the buyer when the delivery needs it.
extension OrderModel {
  mutating func deliveryDay<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    let now = sim.now
    let order = pool[slot]
    guard order.courierCallNeeded else {
      try delivered(slot, afterHours: 0, &sim)
      return
    }
    if order.deliveryDay == 0 { tally(order) { $0.deliveriesNeedingContact += 1 } }
    let c = carriers[Int(order.carrier)]
    for attempt in 0..<max(1, c.attempts) {
      let t = now + SimDuration(hours: Double(attempt) * c.retryHours)
      let failure = courierFailure(order, at: t, answer: Double(order.buyerAvailability), sCourier)
      let reached = failure == nil
      tally(order) {
        $0.courierAttempts += 1
        if reached { $0.courierAttemptsReached += 1 }
        if let failure { $0.courierFailures[failure.rawValue] += 1 }
        if failure == .callerNotRegistered { $0.callsBlockedUnregistered += 1; $0.courierCallsBlockedUnregistered += 1 }
      }
      if reached {
        tally(order) { $0.deliveriesContacted += 1 }
        try delivered(slot, afterHours: Double(attempt) * c.retryHours, &sim)
        return
      }
    }
    pool[slot].deliveryDay += 1
    if Int(pool[slot].deliveryDay) < scenario.orders.deliveryDays {
      try schedule(.deliveryDay, slot, afterHours: 24, &sim)
    } else {
      tally(order) { $0.failedDeliveries += 1 }
      cancel(slot, at: now)  // returned to the merchant and refunded
    }
  }

  /// A courier phones the buyer to pick up an after-sale return: one day of
  /// the carrier's attempts, to the number the return shows.
  mutating func returnPickup(_ slot: UInt32, at now: SimTime) {
    let order = pool[slot]
    guard order.state == .afterSale else { return }
    let c = carriers[Int(order.carrier)]
    let answer = availability.sample(table: availabilityTable[Int(order.carrier)], sPickup)
    var reached = false
    for attempt in 0..<max(1, c.attempts) where !reached {
      let t = now + SimDuration(hours: Double(attempt) * c.retryHours)
      reached = courierFailure(order, at: t, answer: answer, sPickup, returnPickup: true) == nil
    }
    tally(order) {
      $0.returnPickups += 1
      if reached { $0.returnPickupsReached += 1 }
    }
  }

  /// Why a courier's call at `time` does not reach the buyer, or `nil` if it
  /// does; `answer` is the buyer's chance of answering on this occasion.
  /// Couriers call from carrier-verified numbers, so R-W7 does not apply to
  /// them. A return pick-up on WeChat calls the after-sale case's number
  /// while R-W8 gives one, else the order's (R-W3/R-W4); on Taobao the
  /// order's number (S4 FAQ 2), valid as R-T3 says.
  ///
  /// One uniform is drawn from `stream` whatever the outcome, so a rule
  /// that fails a call early does not shift the draws of later calls
  /// (common random numbers between phases): below the misdial probability
  /// the extension is misdialled, and rescaled it decides the answer.
  func courierFailure(
    _ order: OrderRecord, at time: SimTime, answer: Double, _ stream: RandomStream, returnPickup: Bool = false
  ) -> CourierFailure? {
    let carrier = carriers[Int(order.carrier)]
    var u = stream.uniform()
    if order.isWeChat {
      let caseNumber = returnPickup && weChatRules.contains(.w8)
        && AfterSaleVirtualNumber.isValid(opened: order.afterSaleCaseOpened, closed: order.afterSaleCaseClosed,
                                          at: time, scenario.virtualNumbers)
      if weChatRules.contains(.w1) && !caseNumber && !order.virtualNumber.isValid(at: time, scenario.virtualNumbers) {
        return .virtualNumberExpired
      }
    } else {
      if !scenario.taobao.isValid(completedAt: order.completed == .distantFuture ? nil : order.completed, at: time,
                                  inAfterSaleCase: order.state == .afterSale) {
        return .virtualNumberExpired
      }
      switch order.gGroup.format {
      case .elevenPlusFour:
        let m = carrier.extensionMisdialProbability
        if u < m { return .extensionNotDialled }
        u = (u - m) / (1 - m)
      case .sevenHundred:
        // R-T5: a non-official waybill must be adapted to print 700 numbers.
        if taobaoRules.contains(.t5) && !order.waybillAdapted { return .waybillNotAdapted }
        if !order.courierRegistered { return .callerNotRegistered }
      }
    }
    return u < answer ? nil : .noAnswer
  }
}

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
      let failure = courierFailure(order, at: t)
      let reached = failure == nil
      tally(order) {
        $0.courierAttempts += 1
        if reached { $0.courierAttemptsReached += 1 }
        if let failure { $0.courierFailures[failure.rawValue] += 1 }
        if failure == .callerNotRegistered { $0.callsBlockedUnregistered += 1 }
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

  /// Why a courier's call at `time` does not reach the buyer, or `nil` if it
  /// does. Couriers call from carrier-verified numbers, so R-W7 does not
  /// apply to them.
  func courierFailure(_ order: OrderRecord, at time: SimTime) -> CourierFailure? {
    let carrier = carriers[Int(order.carrier)]
    if order.isWeChat {
      if weChatRules.contains(.w1) && !order.virtualNumber.isValid(at: time, scenario.virtualNumbers) {
        return .virtualNumberExpired
      }
    } else {
      if !scenario.taobao.isValid(completedAt: order.completed == .distantFuture ? nil : order.completed, at: time) {
        return .virtualNumberExpired
      }
      switch order.gGroup.format {
      case .elevenPlusFour:
        if sCourier.bernoulli(carrier.extensionMisdialProbability) { return .extensionNotDialled }
      case .sevenHundred:
        // R-T5: a non-official waybill must be adapted to print 700 numbers.
        if taobaoRules.contains(.t5) && !order.waybillAdapted { return .waybillNotAdapted }
        if !order.courierRegistered { return .callerNotRegistered }
      }
    }
    return sCourier.bernoulli(carrier.answerProbability) ? nil : .noAnswer
  }
}

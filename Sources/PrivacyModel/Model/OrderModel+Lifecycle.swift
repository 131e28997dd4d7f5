internal import SimKernel

/// The order lifecycle (RULEBOOK R-L1…R-L3).
extension OrderModel {
  mutating func arrive<Events: EventSet<OrderEvent>>(_ sim: inout Simulation<Events>) throws(SimulationError) {
    let now = sim.now
    let next = arrivals.next(sArrivals)
    if next < arrivalsEnd { try sim.scheduleSource(OrderEvent(.arrival), at: next) }

    // Every simulated shop carries an equal share of the orders.
    let merchantIndex = sPick.uniformInt(below: population.merchants.count)
    // Fields read one by one: copying the whole shop would copy (and
    // retain) its verification history for every order.
    let isWeChat = population.merchants[merchantIndex].platform == .wechatShop
    let measured = now >= measureFrom
    let (lost, sideChannel, profileSeen) = arrivalContext(isWeChat: isWeChat)
    if lost {
      if measured {
        tally(week: week(createdAt: now), isWeChat: false, segment: population.merchants[merchantIndex].segment) {
          $0.crossPlatformOrdersLost += 1
        }
      }
      return
    }

    // The run's memory limit: past it the order is not created and the
    // runner stops the replication with an error (ScenarioRunner).
    guard pool.inFlight < scenario.maxOrdersInFlight else {
      inFlightLimitReached = true
      return
    }
    let slot = pool.allocate()
    let o = scenario.orders
    var order = pool[slot]
    order.merchant = UInt32(merchantIndex)
    order.isWeChat = isWeChat
    order.segment = population.merchants[merchantIndex].segment
    order.created = now
    order.measured = measured
    if measured { order.week = week(createdAt: now) }
    deliveryAttributes(&order, merchantIndex: merchantIndex, at: now)
    let formatDraw = sAttributes.uniform()
    if !isWeChat {
      let format: VirtualNumberFormat =
        !taobaoRules.contains(.t2) ? .elevenPlusFour
        : taobaoRules.contains(.t4) ? scenario.taobao.format(createdAt: now, uniform: formatDraw) : .sevenHundred
      order.gGroup = scenario.gGroup.groupForNewOrder(format: format,
                                                      shopLevel: population.merchants[merchantIndex].shopLevelCallers)
    }
    // R-M1 and R-M2 concern WeChat buyers and their mini-program accounts.
    order.sideChannelNumber = isWeChat && sideChannel
    let withLogistics = order.needsLogistics
    tally(order) {
      $0.orders += 1
      if withLogistics { $0.ordersWithLogistics += 1 }
      if isWeChat && sideChannel { $0.sideChannelNumbers += 1 }
      if isWeChat && profileSeen { $0.profileExposures += 1 }
    }
    pool[slot] = order
    // R-L1: a buyer who means to pay races the payment timeout; one who
    // pays too late (or never) finds the order cancelled.
    let delay = sPayment.bernoulli(o.paymentProbability) ? o.paymentDelay.sample(sPayment) : .infinity
    if delay <= o.paymentTimeout {
      try schedule(.paid, slot, afterHours: delay, &sim)
    } else {
      try schedule(.paymentTimeout, slot, afterHours: o.paymentTimeout, &sim)
    }
  }

  /// The context rules (RULEBOOK §6) for a new order: four decisions from
  /// one draw (SplitUniform) whatever the platform, so the stream stays
  /// aligned across scenarios; last the one whose probability a rule (R-M2)
  /// changes. `lost`: R-X1, a Taobao buyer arriving from a WeChat link that
  /// Taobao blocks and not re-entering through the Taobao app.
  mutating func arrivalContext(isWeChat: Bool) -> (lost: Bool, sideChannel: Bool, profileSeen: Bool) {
    let x = scenario.context
    var context = SplitUniform(sContext)
    let fromLink = context.bernoulli(x.crossPlatformLinkShare)
    let reenters = context.bernoulli(x.crossPlatformConversion)
    let sideChannel = context.bernoulli(x.miniProgramPhoneShare)
    let profileSeen = context.bernoulli(x.profileAPIRestricted ? x.profileFillShare : 1)
    return (!isWeChat && x.crossPlatformLinksBlocked && fromLink && !reenters, sideChannel, profileSeen)
  }

  /// A new order's logistics, carrier, flow, courier call and waybill (R-L2,
  /// R-G8, R-T5): five decisions and the flow's coverage from one draw
  /// (SplitUniform), the coverage last because its probability changes with
  /// the platform's adaptation (the carrier's coverage, which changes too,
  /// has a draw of its own). Registered couriers are those of integrated
  /// carriers (or covered non-integrated ones) on flows the platform has
  /// adapted by the order's creation. A function of its own: inside `arrive`
  /// it made the compiler call out for array updates it inlines otherwise
  /// (callgrind).
  mutating func deliveryAttributes(_ order: inout OrderRecord, merchantIndex: Int, at now: SimTime) {
    var attributes = SplitUniform(sAttributes)
    order.needsLogistics = !attributes.bernoulli(scenario.orders.noLogisticsShare)
    let adapted = adaptation(at: now)
    let carrierIndex = attributes.index(cumulative: carrierCumulative) ?? max(0, carrierCumulative.count - 1)
    let carrier = carriers[carrierIndex]
    order.carrier = UInt8(carrierIndex)
    let flow = attributes.index(cumulative: flowCumulative)
    order.courierCallNeeded = attributes.bernoulli(carrier.callNeeded)
    order.waybillAdapted = carrier.integrated || attributes.bernoulli(carrier.waybillAdapted)
    let coverageDraw = attributes.value
    var flowCovered = true
    if population.merchants[merchantIndex].ownWarehouse {
      flowCovered = coverageDraw < scenario.couriers.warehouseCoverage * adapted
    } else if population.merchants[merchantIndex].ownInstallation {
      flowCovered = coverageDraw < scenario.couriers.installationCoverage * adapted
    } else if let flow {
      flowCovered = coverageDraw < orderFlows[flow].coverage * adapted
    }
    let carrierRegistered = carrier.integrated || sAttributes.uniform() < carrier.coverage * adapted
    order.courierRegistered = carrierRegistered && flowCovered
    if order.courierCallNeeded {
      order.buyerAvailability = Float(availability.sample(table: availabilityTable[carrierIndex], sAvailability))
    }
  }

  /// A paid order's fulfilment decisions from one draw (SplitUniform): a
  /// refund before shipping, a fulfilment need, an address change and
  /// whether it comes after printing; `when` is what is left of the uniform,
  /// for the change's time. A function of its own for the reason given at
  /// ``deliveryAttributes(_:merchantIndex:at:)``; mutating only so that the
  /// call does not copy the model (a non-mutating call from `paid` did).
  mutating func fulfilmentDecisions() -> (refund: Bool, need: Bool, change: Bool, afterPrinting: Bool, when: Double) {
    let o = scenario.orders
    var split = SplitUniform(sFulfilment)
    let refund = split.bernoulli(o.refundBeforeShippingProbability)
    let need = split.bernoulli(scenario.contact.fulfilmentNeed)
    let change = split.bernoulli(o.addressChangeProbability)
    let afterPrinting = split.bernoulli(o.addressChangeAfterShippingShare)
    return (refund, need, change, afterPrinting, split.value)
  }

  mutating func paid<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    let o = scenario.orders
    pool[slot].state = .paid
    guard pool[slot].needsLogistics else {
      // R-L2: no waybill, no courier, no virtual number.
      try schedule(.completed, slot, afterHours: 1, &sim)
      return
    }
    // The WeChat baseline shows a paid order's receiving information in
    // plain text: the merchant obtains the number now (an exposure).
    if pool[slot].isWeChat && !weChatRules.contains(.d1) && !weChatRules.contains(.w1) {
      var order = pool[slot]
      reveal(&order)
      order.heldInPlaintext = true
      pool[slot] = order
    }
    let handling = o.handlingTime.sample(sFulfilment)
    let (refund, need, change, afterPrinting, when) = fulfilmentDecisions()
    if refund {
      try schedule(.refundBeforeShipping, slot, afterHours: handling * sFulfilment.uniform(), &sim)
    } else {
      try schedule(.shipped, slot, afterHours: handling, &sim)
    }
    if change {
      try schedule(.addressChange, slot, afterHours: afterPrinting ? handling + 24 * when : handling * when, &sim)
    }
    if need {
      try schedule(.fulfilmentNeed, slot, afterHours: handling * 0.5 * sFulfilment.uniform(), &sim)
    }
  }

  mutating func cancel(_ slot: UInt32, at now: SimTime) {
    pool[slot].state = .cancelled
    finish(slot)
  }

  /// R-L3: the buyer changes phone or address while the order is open; on
  /// Taobao the OAID changes and the order-level G group must be registered
  /// again (R-G7). An eager shop that already registered at printing
  /// re-registers now only if it watches for changes; otherwise its calls
  /// fail until … nothing: it believes the order covered (R-G9).
  mutating func addressChanged(_ slot: UInt32) {
    let state = pool[slot].state
    guard state == .paid || state == .shipped || state == .afterSale, !pool[slot].isWeChat else { return }
    tally(pool[slot]) { $0.oaidChanges += 1 }
    guard taobaoRules.contains(.g7) else { return }
    let merchant = population.merchants[Int(pool[slot].merchant)]
    scenario.gGroup.oaidChanged(&pool[slot].gGroup, shopLevel: merchant.shopLevelCallers)
    if state != .paid && merchant.registration == .eager && merchant.reregistersOnOAIDChange {
      registerAll(slot)
    }
  }

  mutating func fulfilmentNeed<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    guard pool[slot].state == .paid else { return }
    try merchantContact(slot, purpose: .fulfilment, &sim)
  }

  mutating func shipped<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    let now = sim.now
    pool[slot].state = .shipped
    // Printing the waybill is the merchant's first view of a WeChat virtual
    // number: its 30 days start here (R-W3; an assumption on what "view" is).
    if pool[slot].isWeChat && weChatRules.contains(.w1) { pool[slot].virtualNumber.view(at: now) }
    // R-D6: a Taobao shop decrypts each order it prints through the OAID
    // API, up to the batch limit per call (the result is the virtual number).
    let merchantIndex = Int(pool[slot].merchant)
    if !pool[slot].isWeChat && taobaoRules.contains(.d6) {
      let scale = population.merchants[merchantIndex].scale
      let calls = population.merchants[merchantIndex].oaidDecrypts.add(
        onDay: calendar.localDayNumber(of: now), limit: scenario.taobao.decryptBatchLimit, orders: scale.meanRealEvents)
      if calls > 0 {
        let counted = scale.simulatedCount(calls, sScale)
        tally(pool[slot]) { $0.oaidDecryptCalls += counted }
      }
    }
    // R-G9: eager shops register their callers when printing, once the
    // 700 rules are in force.
    if !pool[slot].isWeChat && taobaoRules.contains(.t2) && population.merchants[merchantIndex].registration == .eager {
      registerAll(slot)
    }
    let transit = scenario.orders.transitTime.sample(sLogistics)
    try schedule(.deliveryDay, slot, afterHours: transit, &sim)
    // R-L1: an after-sale case opens from shipped (while the parcel is on
    // its way) or, later, from completed. One uniform decides all three:
    // below the case probability there is a case, and rescaled it is
    // uniform again, deciding where the case opens and when.
    let o = scenario.orders
    let u = sAfterSale.uniform()
    if u < o.afterSaleProbability {
      let v = u / o.afterSaleProbability
      let share = o.afterSaleFromShippedShare
      if v < share {
        pool[slot].pendingTasks += 1
        try schedule(.afterSaleOpened, slot, afterHours: transit * (v / share), &sim)
      } else {
        pool[slot].afterSalePlanned = true
      }
    }
  }

  /// The parcel reaches the buyer `hours` from now; the buyer confirms
  /// receipt (or the platform does, at the auto-confirmation limit) and the
  /// order completes. Delivery itself needs no event of its own.
  mutating func delivered<Events: EventSet<OrderEvent>>(
    _ slot: UInt32, afterHours hours: Double, _ sim: inout Simulation<Events>
  ) throws(SimulationError) {
    let o = scenario.orders
    try schedule(.completed, slot, afterHours: hours + min(o.confirmationDelay.sample(sLogistics), o.autoConfirmation), &sim)
  }

  mutating func completed<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    let now = sim.now
    // R-L1: a case opened from shipped keeps the order in after-sale until
    // it closes "back to completed": neither the buyer's confirmation nor
    // auto-confirmation completes it meanwhile (so R-W3's expiry after
    // completion cannot cut the case short). Completion waits for the
    // close (``afterSaleClosed(_:_:)``).
    if pool[slot].state == .afterSale {
      pool[slot].completionDeferred = true
      return
    }
    pool[slot].state = .completed
    pool[slot].completed = now
    pool[slot].virtualNumber.orderCompleted(at: now)
    if pool[slot].afterSalePlanned {
      try schedule(.afterSaleOpened, slot, afterHours: scenario.orders.afterSaleWindow * sAfterSale.uniform(), &sim)
      pool[slot].pendingTasks += 1
    }
    if sMarketing.bernoulli(scenario.contact.marketingNeed) {
      try schedule(.marketingNeed, slot, afterHours: scenario.contact.marketingDelay.sample(sMarketing), &sim)
      pool[slot].pendingTasks += 1
    }
    if pool[slot].pendingTasks == 0 { finish(slot) }
  }

  /// An after-sale case opens (from shipped or completed, R-L1): the
  /// merchant may need the buyer now and again later in the case, and a
  /// courier may pick up a return. Everything inside the case is scheduled
  /// before its close, so it fires while the case is open.
  mutating func afterSaleOpened<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    let now = sim.now
    pool[slot].state = .afterSale
    pool[slot].afterSaleCaseOpened = now
    let duration = scenario.orders.afterSaleDuration.sample(sAfterSale)
    let followUps = sAfterSale.poisson(mean: scenario.contact.afterSaleFollowUps)
    for _ in 0..<min(followUps, 64) {
      try schedule(.afterSaleFollowUp, slot, afterHours: duration * sAfterSale.uniform(), &sim)
    }
    let pickupAt = duration * sAfterSale.uniform()
    if sAfterSale.bernoulli(scenario.orders.returnPickupShare) {
      try schedule(.returnPickup, slot, afterHours: pickupAt, &sim)
    }
    try schedule(.afterSaleClosed, slot, afterHours: duration, &sim)
    if sAfterSale.bernoulli(scenario.contact.afterSaleNeed) {
      try merchantContact(slot, purpose: .afterSale, &sim)
    }
  }

  mutating func afterSaleFollowUp<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    guard pool[slot].state == .afterSale else { return }
    try merchantContact(slot, purpose: .afterSale, &sim)
  }

  /// The case closes: back to completed (or to shipped, for a case opened
  /// in transit); an order whose confirmation fell inside the case
  /// completes now (R-L1).
  mutating func afterSaleClosed<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    pool[slot].state = pool[slot].completed == .distantFuture ? .shipped : .completed
    pool[slot].afterSaleCaseClosed = sim.now
    if pool[slot].completionDeferred {
      pool[slot].completionDeferred = false
      try completed(slot, &sim)
    }
    taskDone(slot)
  }

  mutating func marketingNeed<Events: EventSet<OrderEvent>>(_ slot: UInt32, _ sim: inout Simulation<Events>) throws(SimulationError) {
    try merchantContact(slot, purpose: .marketing, &sim)
    taskDone(slot)
  }

  /// A follow-up ends; a completed order with none left ends too.
  mutating func taskDone(_ slot: UInt32) {
    pool[slot].pendingTasks -= 1
    if pool[slot].pendingTasks == 0 && pool[slot].completed != .distantFuture { finish(slot) }
  }

  /// Whether WeChat lets the merchant decrypt the order now (R-D4).
  func isDecryptable(_ order: OrderRecord, at now: SimTime) -> Bool {
    let inPeriod = order.completed != .distantFuture
      && now < order.completed + SimDuration(hours: scenario.orders.afterSaleWindow)
    return order.state.isDecryptable(inAfterSalePeriod: inPeriod)
  }

  /// R-G8: the share of the platform's adaptation done at `now` (0 before
  /// it starts, 1 from completion, linear between); the dates are turned
  /// into times once, in ``init(_:seed:replication:)``.
  @inline(__always)
  func adaptation(at now: SimTime) -> Double {
    CourierParameters.adaptation(at: now, start: adaptationStart, complete: adaptationComplete)
  }
}

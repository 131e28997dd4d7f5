public import SimKernel

/// The order-privacy lifecycle as a simulation model: orders arrive, move
/// through RULEBOOK R-L1's states, need couriers and merchants to reach their
/// buyers, and meet the rules of the scenario's phase on the way.
///
/// Orders live in an ``OrderPool``; events carry (step, slot, generation), so
/// an event of an order that has ended is recognised and dropped without
/// kernel cancellation. Arrivals stop at the end of the scenario's period and
/// the orders in flight run to their end, so every measured order is counted
/// over its whole life.
public struct OrderModel: SimulationModel {
  public typealias Payload = OrderEvent

  let scenario: Scenario
  let calendar: SimCalendar
  var gate: DecryptGatekeeper
  var population: MerchantPopulation
  var pool: OrderPool
  /// What the measured orders counted over the run.
  public private(set) var total = ModelCounts()
  /// The same by shop-size segment (``ShopSegment``), with coarser
  /// contact-time sketches (2 significant digits) to keep results small.
  private var bySegment: [ModelCounts]
  /// Weekly counts (``Scenario/weeklySeriesBasis``), WeChat Shop's weeks
  /// then Taobao's (`weekCount` each).
  private var weeklyByPlatform: [ModelCounts]
  private let weekCount: Int
  /// ``Scenario/recordsWeeklySeries``.
  let recordsWeekly: Bool
  /// Whether weekly series count events in the week they happen
  /// (``WeeklySeriesBasis/event``) rather than their order's creation week.
  let weeklyByEvent: Bool
  /// The time of the event being handled.
  var clock = SimTime.zero
  /// The chance a buyer's number still reaches them `retention_days` after
  /// the order: exp(−churn × days / 365).
  let retentionValidity: Double
  /// An order arrived while ``Scenario/maxOrdersInFlight`` were in flight
  /// (it was not created; the runner stops the replication).
  public internal(set) var inFlightLimitReached = false
  var arrivals: PoissonArrivals
  let measureFrom: SimTime
  let arrivalsEnd: SimTime
  /// Each platform's phases with their switch times.
  let weChatPhases: [(start: SimTime, phase: Phase)]
  let taobaoPhases: [(start: SimTime, phase: Phase)]
  /// The rules in force now on each platform, as bitmasks. Events read them
  /// when they fire, so orders in flight at a switch continue under the
  /// rules now in force.
  var weChatRules: RuleSet
  var taobaoRules: RuleSet

  let sArrivals: RandomStream
  let sPick: RandomStream
  let sAttributes: RandomStream
  let sPayment: RandomStream
  let sRetention: RandomStream
  let sFulfilment: RandomStream
  let sLogistics: RandomStream
  let sCourier: RandomStream
  let sAfterSale: RandomStream
  let sMarketing: RandomStream
  /// Merchant-contact draws, by ``ContactPurpose``.
  let sContact: [RandomStream]
  let sPlatform: RandomStream
  let sScale: RandomStream
  /// WeChat decrypt requests by local hour of day, for sampled shops'
  /// quota (``unsampledRequestsToday(_:_:at:)``).
  var decryptRequestsByHour = [Int](repeating: 0, count: 24)
  let sContext: RandomStream
  let sAvailability: RandomStream
  let sPickup: RandomStream
  /// Cumulative carrier shares, normalised (the last is 1), the carriers'
  /// figures and the special flows', prepared once: the per-order path
  /// reads plain values (no reference counting, no allocation).
  let carrierCumulative: [Double]
  let carriers: [CarrierFigures]
  let orderFlows: [DeliveryFlowFigures]
  /// The flows' shares added up, in order (the rest of the orders are on
  /// no special flow).
  let flowCumulative: [Double]
  /// Each carrier's buyers' availability per delivery: the quantile
  /// function of a beta with the carrier's answer probability as its mean
  /// (``CourierParameters/answerConcentration``), tabulated once.
  let availability: QuantileTables
  /// The table of each carrier in ``availability`` (carriers with the same
  /// answer probability share one).
  let availabilityTable: [Int]
  /// R-G8: when the platform's adaptation of outside flows starts and ends.
  let adaptationStart: SimTime
  let adaptationComplete: SimTime

  /// A model of `scenario` for replication `replication` of run `seed`.
  public init(_ scenario: Scenario, seed: UInt64, replication: Int) {
    func stream(_ id: UInt64) -> RandomStream {
      RandomStream(seed: seed, replication: replication, stream: id, kind: scenario.generator)
    }
    self.scenario = scenario
    calendar = scenario.calendar
    let platforms = scenario.platforms
    let share = platforms.count == 2 ? scenario.weChatShare : platforms.contains(.wechatShop) ? 1 : 0
    weChatPhases = scenario.phases(of: .wechatShop)
    taobaoPhases = scenario.phases(of: .taobao)
    let weChatNow = weChatPhases.isEmpty ? nil : weChatPhases[scenario.initialPhaseIndex(of: .wechatShop)].phase
    let taobaoNow = taobaoPhases.isEmpty ? nil : taobaoPhases[scenario.initialPhaseIndex(of: .taobao)].phase
    weChatRules = RuleSet(weChatNow.map(scenario.rules(of:)) ?? [])
    taobaoRules = RuleSet(taobaoNow.map(scenario.rules(of:)) ?? [])
    gate = DecryptGatekeeper(policy: OrderModel.decryptPolicy(weChatNow ?? .wechatBaseline, scenario), calendar: calendar)
    // R-W7: shops submit their lines for verification when the rule arrives.
    let verificationStart = weChatPhases.first { scenario.rules(of: $0.phase).contains(.w7) }?.start ?? .zero
    population = MerchantPopulation(scenario.merchants, weChatShare: share, stream: stream(StreamID.population),
                                    verificationStart: verificationStart, couriers: scenario.couriers,
                                    ordersPerDay: scenario.orders.ordersPerDay, shopLevelLimit: scenario.gGroup.shopLevelLimit)
    let measuredDays = max(0, scenario.days - scenario.warmupDays)
    recordsWeekly = scenario.recordsWeeklySeries
    weeklyByEvent = scenario.weeklySeriesBasis == .event
    retentionValidity = Survival.probability(hazard: scenario.merchants.numberChurnPerYear, time: Double(scenario.merchants.retentionDays) / 365)
    weekCount = scenario.recordsWeeklySeries ? max(1, (measuredDays + 6) / 7) : 0
    weeklyByPlatform = Array(repeating: ModelCounts(sketchDigits: 2), count: 2 * weekCount)
    bySegment = Array(repeating: ModelCounts(sketchDigits: 2), count: ShopSegment.allCases.count)
    pool = OrderPool(capacity: OrderModel.reservation(scenario))
    let cycle = (try? DailyCycle(hourlyWeights: scenario.orders.hourlyWeights)) ?? .flat
    let localCalendar = scenario.calendar
    let campaigns = scenario.orders.campaigns.map { c in
      PoissonArrivals.Campaign(start: localCalendar.startOfDay(c.from), end: localCalendar.startOfDay(c.from.adding(days: c.days)),
                               factor: c.factor)
    }
    arrivals = PoissonArrivals(ratePerDay: scenario.orders.ordersPerDay, cycle: cycle, calendar: calendar,
                               campaigns: campaigns)
    measureFrom = .zero + .days(Int64(scenario.warmupDays))
    arrivalsEnd = .zero + .days(Int64(scenario.days))
    sArrivals = stream(StreamID.arrivals)
    sPick = stream(StreamID.merchantPick)
    sAttributes = stream(StreamID.orderAttributes)
    sPayment = stream(StreamID.payment)
    sRetention = stream(StreamID.retention)
    sFulfilment = stream(StreamID.fulfilment)
    sLogistics = stream(StreamID.logistics)
    sCourier = stream(StreamID.courierCalls)
    sAfterSale = stream(StreamID.afterSale)
    sMarketing = stream(StreamID.marketing)
    sContact = StreamID.merchantContact.map(stream)
    sPlatform = stream(StreamID.platform)
    sScale = stream(StreamID.shopScale)
    sContext = stream(StreamID.context)
    sAvailability = stream(StreamID.buyerAvailability)
    sPickup = stream(StreamID.returnPickup)
    let shares = scenario.couriers.carriers.map { max(0, $0.share) }
    let sum = shares.reduce(0, +)
    var running = 0.0
    carrierCumulative = shares.map { running += $0; return sum > 0 ? running / sum : 1 }
    carriers = scenario.couriers.carriers.map(CarrierFigures.init)
    orderFlows = scenario.couriers.orderFlows
    var flowTotal = 0.0
    flowCumulative = orderFlows.map { flowTotal += max(0, $0.share); return flowTotal }
    let k = scenario.couriers.answerConcentration
    var answerProbabilities: [Double] = []
    availabilityTable = scenario.couriers.carriers.map { c in
      if let i = answerProbabilities.firstIndex(of: c.answerProbability) { return i }
      answerProbabilities.append(c.answerProbability)
      return answerProbabilities.count - 1
    }
    availability = QuantileTables(tables: answerProbabilities.map { p in
      // A point mass where the beta degenerates (or is indistinguishable from one).
      if p <= 0 || p >= 1 || k > 10_000 { return Array(repeating: p, count: QuantileTables.defaultResolution + 1) }
      return QuantileTables.betaValues(a: k * p, b: k * (1 - p))
    })
    adaptationStart = calendar.startOfDay(scenario.couriers.adaptationStart)
    adaptationComplete = calendar.startOfDay(scenario.couriers.adaptationComplete)
  }

  /// Slots reserved up front: about 16 days of orders, at most 2²⁰; the
  /// pool and the event set grow past it as needed (memory follows the
  /// orders in flight).
  public static func reservation(_ scenario: Scenario) -> Int {
    let days16 = scenario.orders.ordersPerDay * 16
    return days16.isFinite ? Int(min(max(days16, 0), Double(1 << 20))) : 1 << 20
  }

  /// Peak orders in flight and the pool's storage high-water mark.
  public var peakOrdersInFlight: Int { pool.peakInFlight }

  /// The run's totals.
  public var counts: ModelCounts { total }

  /// The run's counts by shop-size segment, in ``ShopSegment`` order.
  public var segmentCounts: [ModelCounts] { bySegment }

  /// The decrypt policy of a WeChat phase under `scenario`'s parameters.
  static func decryptPolicy(_ phase: Phase, _ scenario: Scenario) -> DecryptPolicy {
    var policy = DecryptPolicy(rules: scenario.rules(of: phase), dailyBaseQuota: scenario.merchants.dailyBaseQuota)
    policy.unnecessaryDecrypt = scenario.unnecessaryDecrypt
    return policy
  }

  /// The rules in force now on the order's platform.
  @inline(__always)
  func rules(_ order: OrderRecord) -> RuleSet { order.isWeChat ? weChatRules : taobaoRules }

  /// Counts something about an order: in the run totals if the order is
  /// measured, and in the weekly series (``Scenario/weeklySeriesBasis``).
  @inline(__always)
  mutating func tally(_ order: OrderRecord, _ update: (inout ModelCounts) -> Void) {
    if order.measured {
      update(&total)
      update(&bySegment[order.segment.rawValue])
    }
    if recordsWeekly { tallyWeekly(createdIn: order.measured ? Int(order.week) : -1, isWeChat: order.isWeChat, update) }
  }

  /// Counts something in the run totals and in the weekly series, for a
  /// measured order created now (in week `week` of creation).
  @inline(__always)
  mutating func tally(week: UInt16, isWeChat: Bool, segment: ShopSegment, _ update: (inout ModelCounts) -> Void) {
    update(&total)
    update(&bySegment[segment.rawValue])
    if recordsWeekly { tallyWeekly(createdIn: Int(week), isWeChat: isWeChat, update) }
  }

  /// Counts something in its week on the order's platform: the week of
  /// ``clock`` (events before the measured period or after its last week
  /// are in no week), or the order's creation week `createdIn` (−1: an
  /// order of the warm-up, in no week).
  @inline(__always)
  mutating func tallyWeekly(createdIn: Int, isWeChat: Bool, _ update: (inout ModelCounts) -> Void) {
    let week: Int
    if weeklyByEvent {
      guard clock >= measureFrom else { return }
      week = Int(self.week(createdAt: clock))
    } else {
      week = createdIn
    }
    guard week >= 0, week < weekCount else { return }
    update(&weeklyByPlatform[(isWeChat ? 0 : weekCount) + week])
  }

  /// The weekly counts of the platforms the scenario runs (empty unless the
  /// scenario records weekly series).
  public var weekly: [Platform: [ModelCounts]] {
    guard recordsWeekly else { return [:] }
    var series: [Platform: [ModelCounts]] = [:]
    for platform in scenario.platforms {
      let offset = platform == .wechatShop ? 0 : weekCount
      series[platform] = Array(weeklyByPlatform[offset..<offset + weekCount])
    }
    return series
  }

  /// The week (from the end of the warm-up) of something created, or
  /// happening, at `now` (after the warm-up).
  func week(createdAt now: SimTime) -> UInt16 {
    UInt16(clamping: (now - measureFrom).milliseconds / SimDuration.days(7).milliseconds)
  }

  /// A phase switches on (RULEBOOK §7 dates, or the scenario's).
  mutating func switchPhase(platform: UInt32, index: Int) {
    if platform == 0 {
      let phase = weChatPhases[index].phase
      weChatRules = RuleSet(scenario.rules(of: phase))
      gate.policy = OrderModel.decryptPolicy(phase, scenario)
    } else {
      taobaoRules = RuleSet(scenario.rules(of: taobaoPhases[index].phase))
    }
  }

  public mutating func handle<Events: EventSet<OrderEvent>>(
    _ event: OrderEvent, in sim: inout Simulation<Events>
  ) throws(SimulationError) {
    clock = sim.now
    let step = event.step
    switch step {
    case .arrival:
      try arrive(&sim)
      return
    case .quotaDecision:
      decideTemporaryQuota(merchant: Int(event.slot), at: sim.now)
      return
    case .phaseSwitch:
      switchPhase(platform: event.slot, index: Int(event.generation))
      return
    default:
      break
    }
    let slot = event.slot
    guard pool[slot].generation & 0xFF_FFFF == event.generation else { return }  // the order has ended
    switch step {
    case .paid: try paid(slot, &sim)
    case .paymentTimeout, .refundBeforeShipping: cancel(slot, at: sim.now)
    case .addressChange: addressChanged(slot)
    case .fulfilmentNeed: try fulfilmentNeed(slot, &sim)
    case .shipped: try shipped(slot, &sim)
    case .deliveryDay: try deliveryDay(slot, &sim)
    case .completed: try completed(slot, &sim)
    case .afterSaleOpened: try afterSaleOpened(slot, &sim)
    case .afterSaleClosed: try afterSaleClosed(slot, &sim)
    case .afterSaleFollowUp: try afterSaleFollowUp(slot, &sim)
    case .returnPickup: returnPickup(slot, at: sim.now)
    case .marketingNeed: try marketingNeed(slot, &sim)
    case .arrival, .quotaDecision, .phaseSwitch: break
    }
  }

  /// Schedules `step` for the order in `slot` after `hours`.
  @inline(__always)
  func schedule<Events: EventSet<OrderEvent>>(
    _ step: OrderStep, _ slot: UInt32, afterHours hours: Double, _ sim: inout Simulation<Events>
  ) throws(SimulationError) {
    try sim.schedule(OrderEvent(step, slot: slot, generation: pool[slot].generation), after: SimDuration(hours: hours))
  }

  /// The order ends: count what it leaves behind and free its slot.
  mutating func finish(_ slot: UInt32) {
    let order = pool[slot]
    let cancelled = order.state == .cancelled
    let obtained = order.merchantHoldsRealNumber || order.sideChannelNumber
    tally(order) {
      if cancelled { $0.ordersCancelled += 1 } else { $0.ordersCompleted += 1 }
      if obtained { $0.numbersObtained += 1 }
    }
    // Retention (what the shop keeps after the order): a number it held is
    // recorded with a probability that depends on how it was seen, and
    // still reaches the buyer `retention_days` later unless the buyer's
    // number changed; a mini-program number (R-M1) is the shop's own record.
    // One uniform decides both, independently: below the recording chance
    // it is recorded, and rescaled within its side it decides validity.
    let m = scenario.merchants
    let u = sRetention.uniform()
    let record = order.heldInPlaintext ? m.recordsPlaintextShare : m.recordsDecryptedShare
    let recorded = u < record
    let v = recorded ? u / record : (u - record) / (1 - record)
    let stillValid = v < retentionValidity
    let retained = order.merchantHoldsRealNumber && m.retainsNumbers && recorded && stillValid
    // A retained number is still valid, so it is reachable too.
    if stillValid && (retained || order.sideChannelNumber) {
      tally(order) {
        if retained { $0.retainedNumbers += 1 }
        $0.privateDomainReach += 1
      }
    }
    pool.release(slot)
  }
}

extension OrderModel {
  /// Schedules the phase switches and the first arrival.
  public mutating func start<Events: EventSet<OrderEvent>>(_ sim: inout Simulation<Events>) throws(SimulationError) {
    for (platform, phases) in [(UInt32(0), weChatPhases), (UInt32(1), taobaoPhases)] {
      for (index, entry) in phases.enumerated() where entry.start > .zero && entry.start < arrivalsEnd {
        try sim.schedule(OrderEvent(.phaseSwitch, slot: platform, generation: UInt32(index)), at: entry.start)
      }
    }
    let first = arrivals.next(sArrivals)
    // Arrivals are the model's source: each schedules the next (Simulation.scheduleSource).
    if first < arrivalsEnd { try sim.scheduleSource(OrderEvent(.arrival), at: first) }
  }
}

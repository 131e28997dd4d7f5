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
  let gate: DecryptGatekeeper
  var population: MerchantPopulation
  var pool: OrderPool
  public internal(set) var counts = ModelCounts()
  var arrivals: PoissonArrivals
  let measureFrom: SimTime
  let arrivalsEnd: SimTime
  let isWeChat: Bool
  /// The rules in force, as a bitmask.
  let rules: RuleSet

  let sArrivals: RandomStream
  let sPick: RandomStream
  let sAttributes: RandomStream
  let sPayment: RandomStream
  let sFulfilment: RandomStream
  let sLogistics: RandomStream
  let sCourier: RandomStream
  let sAfterSale: RandomStream
  let sMarketing: RandomStream
  let sContact: RandomStream
  let sPlatform: RandomStream

  /// A model of `scenario` for replication `replication` of run `seed`.
  public init(_ scenario: Scenario, seed: UInt64, replication: Int) {
    func stream(_ id: UInt64) -> RandomStream { RandomStream(seed: seed, replication: replication, stream: id) }
    self.scenario = scenario
    calendar = scenario.calendar
    var policy = DecryptPolicy(rules: scenario.phase.rules, dailyBaseQuota: scenario.merchants.dailyBaseQuota)
    policy.unnecessaryDecrypt = scenario.unnecessaryDecrypt
    gate = DecryptGatekeeper(policy: policy, calendar: calendar)
    population = MerchantPopulation(scenario.merchants, stream: stream(StreamID.population))
    let expectedInFlight = Int(scenario.orders.ordersPerDay * 16)
    pool = OrderPool(capacity: expectedInFlight)
    let cycle = (try? DailyCycle(hourlyWeights: scenario.orders.hourlyWeights)) ?? .flat
    arrivals = PoissonArrivals(ratePerDay: scenario.orders.ordersPerDay, cycle: cycle, calendar: calendar)
    measureFrom = .zero + .days(Int64(scenario.warmupDays))
    arrivalsEnd = .zero + .days(Int64(scenario.days))
    isWeChat = scenario.phase.platform == .wechatShop
    rules = RuleSet(scenario.phase.rules)
    sArrivals = stream(StreamID.arrivals)
    sPick = stream(StreamID.merchantPick)
    sAttributes = stream(StreamID.orderAttributes)
    sPayment = stream(StreamID.payment)
    sFulfilment = stream(StreamID.fulfilment)
    sLogistics = stream(StreamID.logistics)
    sCourier = stream(StreamID.courierCalls)
    sAfterSale = stream(StreamID.afterSale)
    sMarketing = stream(StreamID.marketing)
    sContact = stream(StreamID.merchantContact)
    sPlatform = stream(StreamID.platform)
  }

  /// Peak orders in flight and the pool's storage high-water mark.
  public var peakOrdersInFlight: Int { pool.peakInFlight }

  public mutating func handle<Events: EventSet<OrderEvent>>(
    _ event: OrderEvent, in sim: inout Simulation<Events>
  ) throws(SimulationError) {
    let step = event.step
    switch step {
    case .arrival:
      try arrive(&sim)
      return
    case .quotaDecision:
      decideTemporaryQuota(merchant: Int(event.slot), at: sim.now)
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
    case .delivered: try delivered(slot, &sim)
    case .completed: try completed(slot, &sim)
    case .afterSaleOpened: try afterSaleOpened(slot, &sim)
    case .afterSaleClosed: afterSaleClosed(slot, at: sim.now)
    case .marketingNeed: try marketingNeed(slot, &sim)
    case .arrival, .quotaDecision, .end: break
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
    if order.measured && order.merchantHoldsRealNumber && scenario.merchants.retainsNumbers {
      counts.retainedNumbers += 1
    }
    pool.release(slot)
  }
}

extension OrderModel {
  /// Schedules the first arrival.
  public mutating func start<Events: EventSet<OrderEvent>>(_ sim: inout Simulation<Events>) throws(SimulationError) {
    let first = arrivals.next(sArrivals)
    if first < arrivalsEnd { try sim.schedule(OrderEvent(.arrival), at: first) }
  }
}

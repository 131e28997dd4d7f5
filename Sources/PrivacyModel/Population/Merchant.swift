public import SimKernel

/// How a shop registers its callers with Taobao's G groups (R-G9).
public enum RegistrationStrategy: UInt8, Hashable, Sendable {
  /// Through the order API when the waybill is printed.
  case eager
  /// Through the order API when a call is needed (S4 FAQ 14's advice).
  case lazy
  /// Never.
  case none
}

/// One shop: its size, set-up and habits, and its running state.
public struct Merchant: Sendable {
  /// The real shop's orders a day: what its quota, callers and API calls
  /// answer to.
  public let ordersPerDay: Double
  /// Simulated orders per real order of this shop: above 1 the simulated
  /// shop pools several real shops of this size, below 1 it sees a random
  /// sample of one real shop's orders. Per-shop limits and counts are kept
  /// in the real shop's units through it.
  public let scale: SampleScale
  /// The shop's size segment.
  public let segment: ShopSegment
  public let platform: Platform
  public let hasEWaybill: Bool
  public let hasQuota: Bool
  public let usesOfficialTools: Bool
  public let misusesNumbers: Bool
  public let registration: RegistrationStrategy
  /// An eager shop that registers again when an order's OAID changes (R-G7).
  public let reregistersOnOAIDChange: Bool
  /// Whether the shop keeps its callers on the shop-level G-group list
  /// (R-G1; up to ``GGroupRegistry/shopLevelLimit`` of them).
  public let staffOnShopLevelList: Bool
  /// Eager shops: register at most `per_call_limit` numbers per call
  /// (R-G2); the others send all their callers in one call.
  public let splitsRegistrationCalls: Bool
  /// Eager shops: check an order's number is 700 before registering (R-G6).
  public let checksNumberFormat: Bool
  /// Ships from its own warehouse outside the platform's masking scheme (R-G8).
  public let ownWarehouse: Bool
  /// Runs its own installation or pick-up service (R-G8).
  public let ownInstallation: Bool
  /// Decrypt counters and suspension (R-D2, R-V1).
  public var decrypt = ShopDecryptState()
  /// A temporary-quota application awaiting its decision (R-D2).
  public var quotaApplicationPending = false
  /// Today's OAID decrypt calls (R-D6, Taobao).
  public var oaidDecrypts = OAIDDecryptBatch()

  /// The shop's calling numbers (staff, customer-service seats, warehouse
  /// staff, installers): directory entries `0 ..< callers.count`; entry 0
  /// is the staff line.
  public internal(set) var callers = CallerSet(single: 0)
  /// The shop-level G-group list (R-G1): the shop's first callers, up to the
  /// limit, if it keeps a list.
  public internal(set) var shopLevelCallers = CallerSet.empty
  /// A caller whose number the shop keeps in a form the API rejects
  /// (R-G5), if any.
  public internal(set) var invalidCallers = CallerSet.empty
}

/// The shops of a replication: a representative population, not a sample.
///
/// The market's shop sizes follow a Pareto law truncated to
/// [`min_orders_per_day`, `max_orders_per_day`]; weighted by orders, sizes
/// follow the law's size-biased version. The `count` simulated shops split
/// that order-weighted distribution into strata of equal order share and
/// stand at their midpoints, so every simulated shop carries 1/`count` of
/// the orders and no replication is dominated by one giant shop: the
/// spread between replications falls as 1/√`count`. Each simulated shop
/// keeps its real size for the rules that count per shop (quota, callers,
/// suspensions, API calls) through its ``ShopScale``.
public struct MerchantPopulation: Sendable {
  public var merchants: [Merchant]
  /// Each shop's calling line and its real-name verification history
  /// (R-W7), by shop index. Kept apart from ``merchants`` so a shop stays a
  /// plain value the model copies without reference counting.
  public let verifications: [CallerVerification]

  /// Builds `parameters.count` shops. Sizes are the strata's midpoints;
  /// the shops' set-up and habits are drawn, and depend only on (seed,
  /// replication), so phases compared side by side see the same shops.
  ///
  /// Shops that submit their calling line for real-name verification (R-W7)
  /// do so at `verificationStart`: the time R-W7 comes into force (zero
  /// when it is in force from the start).
  public init(_ parameters: MerchantParameters, weChatShare: Double, stream: RandomStream,
              verificationStart: SimTime = .zero, couriers: CourierParameters = CourierParameters(),
              ordersPerDay: Double = 5_000, shopLevelLimit: Int = 40) {
    var merchants: [Merchant] = []
    merchants.reserveCapacity(parameters.count)
    var verifications: [CallerVerification] = []
    verifications.reserveCapacity(parameters.count)
    let n = max(1, parameters.count)
    let simulatedPerShop = ordersPerDay / Double(n)
    for i in 0..<n {
      let size = MerchantPopulation.size(atOrderShare: (Double(i) + 0.5) / Double(n), parameters)
      let platform: Platform = stream.uniform() < weChatShare ? .wechatShop : .taobao
      let verification = MerchantPopulation.verification(parameters, stream: stream, start: verificationStart)
      let u = stream.uniform()
      let registration: RegistrationStrategy =
        u < parameters.registrationEager ? .eager
        : u < parameters.registrationEager + parameters.registrationLazy ? .lazy : .none
      merchants.append(Merchant(
        ordersPerDay: size,
        scale: SampleScale(simulatedPerReal: simulatedPerShop / size),
        segment: ShopSegment(ordersPerDay: size),
        platform: platform,
        hasEWaybill: stream.bernoulli(parameters.eWaybillShare),
        hasQuota: stream.bernoulli(parameters.quotaShare),
        usesOfficialTools: stream.bernoulli(parameters.officialToolShare),
        misusesNumbers: stream.bernoulli(parameters.misuseShare),
        registration: registration,
        reregistersOnOAIDChange: stream.bernoulli(parameters.reregisterOnOAIDChangeShare),
        staffOnShopLevelList: stream.bernoulli(parameters.shopLevelListShare),
        splitsRegistrationCalls: stream.bernoulli(parameters.splitsRegistrationCallsShare),
        checksNumberFormat: stream.bernoulli(parameters.checksNumberFormatShare),
        ownWarehouse: stream.bernoulli(couriers.warehouseShare),
        ownInstallation: stream.bernoulli(couriers.installationShare),
      ))
      verifications.append(verification)
    }
    // Callers grow with a shop's real size (R-G1–R-G5): 1 + Poisson(scale
    // × √(orders a day)), at most the directory's capacity; drawn after the
    // shops, so every shop draws the same.
    for i in merchants.indices {
      let extra = stream.poisson(mean: min(1e6, parameters.callersScale * merchants[i].ordersPerDay.squareRoot()))
      let count = min(CallerDirectory.capacity, 1 + extra)
      let invalid = stream.bernoulli(parameters.invalidCallerNumberShare)
      let which = stream.uniformInt(below: count)
      merchants[i].callers = .first(count)
      merchants[i].shopLevelCallers = merchants[i].staffOnShopLevelList ? .first(min(count, shopLevelLimit)) : .empty
      merchants[i].invalidCallers = invalid ? CallerSet(single: which) : .empty
    }
    self.merchants = merchants
    self.verifications = verifications
  }

  /// The real size (orders a day) below which shops carry the share `u` of
  /// all orders.
  public static func size(atOrderShare u: Double, _ p: MerchantParameters) -> Double {
    TruncatedPareto(shape: p.sizeParetoShape, lower: p.minOrdersPerDay, upper: p.maxOrdersPerDay).sizeBiasedQuantile(u)
  }

  /// A shop's calling line and its R-W7 verification history from `start`
  /// (when R-W7 comes into force): a submission, up to
  /// `verificationAttempts` in all with a wait after each failure; a shop
  /// on a shared line fails, and may move to personal lines later and
  /// submit those. The same number of draws for every shop whatever the
  /// outcome, so the population does not shift with these parameters.
  static func verification(_ p: MerchantParameters, stream: RandomStream, start: SimTime) -> CallerVerification {
    let personal = stream.bernoulli(p.personalLineShare)
    let submits = stream.bernoulli(p.verificationSubmissionShare)
    let converts = stream.bernoulli(p.sharedLineConversionShare)
    let conversionDelay = SimDuration(hours: stream.exponential(mean: 24 * p.sharedLineConversionDays))
    var tries: [(approve: Bool, review: SimDuration, wait: SimDuration)] = []
    tries.reserveCapacity(MerchantParameters.maxVerificationAttempts)
    for _ in 0..<MerchantParameters.maxVerificationAttempts {
      tries.append((stream.bernoulli(p.verificationApprovalProbability),
                    SimDuration(hours: stream.exponential(mean: p.verificationDelay)),
                    SimDuration(hours: stream.exponential(mean: p.verificationResubmissionDelay))))
    }
    var v = CallerVerification(line: personal ? .personal : .sharedOutbound)
    // Submissions from `from` until one is approved or the attempts run out.
    var from: SimTime? = nil
    if personal {
      if submits { from = start }
    } else {
      if submits { v.submit(at: start, reviewDelay: tries[0].review, approve: false) }
      if converts {
        let t = start + conversionDelay
        v.convertToPersonal(at: t)
        from = t
      }
    }
    if var t = from {
      for attempt in tries.prefix(max(1, p.verificationAttempts)) {
        v.submit(at: t, reviewDelay: attempt.review, approve: attempt.approve)
        if attempt.approve { break }
        t = t + attempt.review + attempt.wait
      }
    }
    return v
  }
}
